import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createWorkshop } from '../ops/workshopOps.ts';
import { readWorkshop } from '../read/workshopView.ts';
import { ALICE } from '../testing/testWorkshop.ts';
import { documentFileName } from './exportOptions.ts';
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
    expect(exportFileName('Retro', '2023', 'json', 'ohne Namen')).toBe(
      'Retro-2023-ohne-Namen.json',
    );
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

describe('document file names', () => {
  const view = (lang: 'de' | 'en') => {
    const doc = new Y.Doc();
    createWorkshop(
      doc,
      { title: 'Retro', template: 'retro', createdAt: Date.UTC(2023, 8, 14), lang },
      ALICE.origin,
    );
    return readWorkshop(doc);
  };

  it('marks a backup without names in the workshop language, and only a backup', () => {
    expect(documentFileName('Retro', view('de'), 'json', { includeAuthors: false })).toBe(
      'Retro-2023-09-14-ohne-Namen.json',
    );
    expect(documentFileName('Retro', view('en'), 'json', { includeAuthors: false })).toBe(
      'Retro-2023-09-14-without-names.json',
    );
    expect(documentFileName('Retro', view('de'), 'json')).toBe('Retro-2023-09-14.json');
    // Documents leave names out by default; their name stays plain.
    expect(documentFileName('Retro', view('de'), 'md', { includeAuthors: false })).toBe(
      'Retro-2023-09-14.md',
    );
  });
});
