// The fonts the PDF export embeds, for the export's tests: inlined into the
// test by Vite (as the client's PDF worker imports them by URL) and decoded
// with lib0, so no file system is read here.

import regular from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?inline';
import bold from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?inline';
import { fromBase64 } from 'lib0/buffer';

/** The bytes of a `data:…;base64,` URL. */
const bytesOf = (dataUrl: string): Uint8Array =>
  fromBase64(dataUrl.slice(dataUrl.indexOf(',') + 1));

export const pdfFonts = {
  fontBytes: bytesOf(regular),
  boldFontBytes: bytesOf(bold),
};
