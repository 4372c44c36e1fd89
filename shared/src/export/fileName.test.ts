import { describe, expect, it } from 'vitest';
import { contentDisposition, exportFileName, safeFileStem } from './fileName.ts';

describe('export file names', () => {
  it('is <title>-<yyyy-mm-dd>.<ext> with safe characters', () => {
    const day = '2023-09-14';
    expect(
      exportFileName(
        'OZG-Erfahrungsaustausch 2023: Die Zukunft der föderalen OZG-Umsetzung',
        day,
        'pdf',
      ),
    ).toBe('OZG-Erfahrungsaustausch-2023-Die-Zukunft-der-föderalen-OZG-Umsetzung-2023-09-14.pdf');
    expect(exportFileName('Retro', '2023', 'md')).toBe('Retro-2023.md');
    expect(exportFileName('Retro', '', 'csv')).toBe('Retro.csv');
    expect(safeFileStem('../../etc/passwd')).toBe('etc-passwd');
    expect(safeFileStem('a<b>c:"d"|e?*f\\g/h')).toBe('a-b-c-d-e-f-g-h');
    expect(safeFileStem('   ')).toBe('workshop');
    expect(safeFileStem('Retro 🎉 Team')).toBe('Retro-Team');
    expect(safeFileStem('x'.repeat(200))).toHaveLength(80);
  });

  it('gives an ASCII fallback and the UTF-8 name in Content-Disposition', () => {
    expect(contentDisposition('Bewährtes-2023-09-14.md')).toBe(
      `attachment; filename="Bewahrtes-2023-09-14.md"; filename*=UTF-8''Bew%C3%A4hrtes-2023-09-14.md`,
    );
  });
});
