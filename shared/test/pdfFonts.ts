// The fonts the PDF export embeds, read from the dejavu-fonts-ttf package as
// the server and the client's PDF worker load them: for the export's tests.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const fontDir = join(
  createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json'),
  '..',
  'ttf',
);

export const pdfFonts = {
  fontBytes: readFileSync(join(fontDir, 'DejaVuSans.ttf')),
  boldFontBytes: readFileSync(join(fontDir, 'DejaVuSans-Bold.ttf')),
};
