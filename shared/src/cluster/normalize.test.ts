import { describe, expect, it } from 'vitest';
import { foldCharacters, foldWord } from './normalize.ts';

describe('foldWord', () => {
  it('makes "ÖZG" and "OZG" the same word', () => {
    expect(foldWord('ÖZG')).toBe(foldWord('OZG'));
  });

  it('folds umlauts, their ae/oe/ue spellings and the bare vowel to one form', () => {
    expect(new Set(['Länder', 'Laender', 'Lander', 'LÄNDER'].map(foldWord))).toEqual(
      new Set(['lander']),
    );
    expect(foldWord('Fördermittel')).toBe(foldWord('Foerdermittel'));
    expect(foldWord('Prüfung')).toBe(foldWord('Pruefung'));
  });

  it('spells ß as ss, capital ẞ included', () => {
    expect(foldWord('Größe')).toBe('grosse');
    expect(foldWord('GROẞE')).toBe('grosse');
  });

  it('keeps "ue" after q, where it is no umlaut', () => {
    expect(foldWord('Quelle')).toBe('quelle');
  });

  it('treats decomposed umlauts (a + combining diaeresis) like composed ones', () => {
    expect(foldWord('La\u0308nder')).toBe(foldWord('Länder'));
  });
});

describe('foldCharacters', () => {
  it('strips other diacritics too', () => {
    expect(foldCharacters('Café Señor')).toBe('cafe senor');
  });
});
