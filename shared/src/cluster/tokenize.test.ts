import { describe, expect, it } from 'vitest';
import { isAcronym, tokenize } from './tokenize.ts';

describe('tokenize', () => {
  it('keeps hyphenated words together with their parts', () => {
    expect(tokenize('Austausch Bund-Länder-weite Aktivitäten')).toEqual([
      { surface: 'Austausch', parts: ['Austausch'], truncated: false },
      { surface: 'Bund-Länder-weite', parts: ['Bund', 'Länder', 'weite'], truncated: false },
      { surface: 'Aktivitäten', parts: ['Aktivitäten'], truncated: false },
    ]);
  });

  it('marks words written with a final dot as possibly truncated', () => {
    const [umsetz, bei] = tokenize('Digitale Umsetz. bei Gesetzgebung').slice(1);
    expect(umsetz).toEqual({ surface: 'Umsetz', parts: ['Umsetz'], truncated: true });
    expect(bei?.truncated).toBe(false);
  });

  it('joins dotted abbreviations and drops a plural apostrophe', () => {
    expect(tokenize("z.B. SI's").map((t) => t.surface)).toEqual(['zB', 'SI']);
  });

  it('splits on slashes, arrows and other punctuation', () => {
    expect(tokenize('Zusammenarbeit/Kommunikation -> U-land (gut!)').map((t) => t.surface)).toEqual(
      ['Zusammenarbeit', 'Kommunikation', 'U-land', 'gut'],
    );
  });

  it('returns nothing for text without words', () => {
    expect(tokenize(' ??? -> ... ')).toEqual([]);
  });
});

describe('isAcronym', () => {
  it('recognises capitals and codes, not ordinary words', () => {
    expect(['ÖZG', 'FITKO', 'BL', 'A1'].every(isAcronym)).toBe(true);
    expect(['Austausch', 'BLa', 'a', 'X'].some(isAcronym)).toBe(false);
  });
});
