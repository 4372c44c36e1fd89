import { describe, expect, it } from 'vitest';
import { derivationalRoot, withinEdits } from './morphology.ts';

describe('derivationalRoot', () => {
  it('strips derivational suffixes that the stemmer keeps', () => {
    expect(derivationalRoot('strukturier')).toBe('struktur');
    expect(derivationalRoot('finanzier')).toBe(derivationalRoot('finanziell'));
    expect(derivationalRoot('polit' + 'isch')).toBe(derivationalRoot('politik'));
    expect(derivationalRoot('fachlichkeit')).toBe('fach');
  });

  it('leaves short roots alone', () => {
    expect(derivationalRoot('polier')).toBe('polier');
  });
});

describe('withinEdits', () => {
  it('counts substitutions, insertions, deletions and swaps', () => {
    expect(withinEdits('practice', 'practise', 1)).toBe(true);
    expect(withinEdits('digitalisierung', 'digitalisirung', 1)).toBe(true);
    expect(withinEdits('verwaltung', 'verwlatung', 1)).toBe(true);
    expect(withinEdits('kommunen', 'kommunal', 1)).toBe(false);
    expect(withinEdits('kommunen', 'kommunal', 2)).toBe(true);
  });
});
