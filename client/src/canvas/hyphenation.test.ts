import { beforeAll, describe, expect, test } from 'vitest';
import { wrapText } from './hyphenate.ts';
import { hyphenationVersion, loadHyphenation, patternBreaks } from './hyphenation.ts';

// A monospace stand-in: every character is 10 units wide.
const mono = (s: string) => s.length * 10;
const lines = (text: string, width: number) => wrapText(text, width, mono).split('\n');

describe('with the German hyphenation patterns', () => {
  beforeAll(async () => {
    expect(patternBreaks('Erfahrungsaustausch')).toBeNull();
    const before = hyphenationVersion();
    await loadHyphenation();
    expect(hyphenationVersion()).toBe(before + 1);
  });

  test('breaks compounds where German hyphenation allows', () => {
    expect(lines('Erfahrungsaustausch', 120)).toEqual(['Erfahrungs-', 'austausch']);
    expect(lines('Verwaltungsdigitalisierung', 120)).toEqual([
      'Verwaltungs-',
      'digitalisie-',
      'rung',
    ]);
    expect(lines('Finanzierung FIT-Store?', 80)).toEqual(['Finan-', 'zierung', 'FIT-', 'Store?']);
  });

  test('never carries fewer than three letters to the next line', () => {
    // The heuristic used to end "ÖZG-Erfahrungsaustausch" in "…austausc-" / "h".
    const out = lines('ÖZG-Erfahrungsaustausch', 90);
    expect(out.join('').replace(/-/g, '')).toBe('ÖZGErfahrungsaustausch');
    for (const line of out) expect(line.replace(/-$/, '').length).toBeGreaterThanOrEqual(3);
    for (const line of out) expect(mono(line)).toBeLessThanOrEqual(90);
  });

  test('soft hyphens the author typed are the break points, and are not shown', () => {
    expect(lines('Daten\u00ADschutz\u00ADbeauftragte', 120)).toEqual([
      'Datenschutz-',
      'beauftragte',
    ]);
  });
});
