import { describe, expect, it } from 'vitest';
import { extractFeatures } from './features.ts';

function wordKeys(texts: string[]): string[][] {
  return extractFeatures(texts).map((f) => [...f.words.keys()]);
}

describe('extractFeatures', () => {
  it('drops stop words and stems the rest', () => {
    const [keys] = wordKeys(['Die Zusammenarbeit mit den Ländern']);
    expect(keys).toEqual(['zusammenarbeit', 'land']);
  });

  it('gives a hyphenated word its parts and its closed spelling', () => {
    const [hyphen, closed] = wordKeys(['Roll-out planen', 'Rollout planen']);
    expect(hyphen).toEqual(expect.arrayContaining(['roll', 'out', 'rollout']));
    expect(closed).toEqual(expect.arrayContaining(['rollout']));
  });

  it('keeps abbreviations unstemmed and umlaut-free', () => {
    const [a, b] = wordKeys(['ÖZG-Koordination', 'OZG Koordination']);
    expect(a).toEqual(expect.arrayContaining(['ozg', 'koordination']));
    expect(b).toEqual(expect.arrayContaining(['ozg', 'koordination']));
  });

  it('splits a compound whose head the board writes alone', () => {
    const [compound] = wordKeys(['Informationsaustausch', 'Austausch der Länder']);
    expect(compound).toEqual(expect.arrayContaining(['informationsaustausch', 'austausch']));
  });

  it('splits a compound into both parts across a linking "s"', () => {
    const [compound] = wordKeys(['Informationsaustausch', 'Austausch', 'Information']);
    expect(compound).toEqual(expect.arrayContaining(['austausch', 'information']));
  });

  it('splits a compound whose modifier the board writes alone', () => {
    const [compound] = wordKeys(['Datenschutzfragen klären', 'Datenschutz']);
    expect(compound).toContain('datenschutz');
  });

  it('does not split where the rest is too short to be a word', () => {
    const [standards] = wordKeys(['Standards', 'Stand der Dinge']);
    expect(standards).not.toContain('stand');
  });

  it('reads a typo as the board’s usual spelling', () => {
    const [typo] = wordKeys([
      'Digitalisirung der Verwaltung',
      'Digitalisierung vorantreiben',
      'Digitalisierung jetzt',
    ]);
    expect(typo).toContain('digitalisier');
  });

  it('reads an equally frequent pair of spellings as the longer one, in compounds too', () => {
    const [typo, right, compound] = wordKeys([
      'Datenschtz bei Cloud-Diensten',
      'Datenschutz klären',
      'Datenschutzbeauftragte einbinden',
    ]);
    expect(typo).toContain('datenschutz');
    expect(right).not.toContain('datenschtz');
    expect(compound).toContain('datenschutz');
  });

  it('expands a truncated word to the board’s full word, at half weight', () => {
    const [truncated] = extractFeatures([
      'Umsetz. bei Gesetzgebung',
      'Umsetzungsplan und Umsetzung',
    ]);
    expect(truncated?.words.get('umsetz')).toBe(1);
    const [abbreviated] = extractFeatures(['Organisat. klären', 'Organisation stärken']);
    expect(abbreviated?.words.get('organisation')).toBe(0.5);
  });

  it('joins derived forms through their root', () => {
    const [a, b] = wordKeys(['Finanzierung sichern', 'finanzielle Mittel']);
    expect(a).toContain('finanz');
    expect(b).toContain('finanz');
  });

  it('makes character n-grams of each word with boundary marks', () => {
    const [features] = extractFeatures(['OZG']);
    expect([...(features?.ngrams.keys() ?? [])]).toEqual(['#oz', 'ozg', 'zg#', '#ozg', 'ozg#']);
  });

  it('remembers how the words were written', () => {
    const [features] = extractFeatures(['Bund-Länder Austausch']);
    expect(features?.surfaces.get('land')).toEqual(['Länder']);
    expect(features?.surfaces.get('bundland')).toEqual(['Bund-Länder']);
  });
});
