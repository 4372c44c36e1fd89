import { describe, expect, test } from 'vitest';
import { wrapText } from './hyphenate.ts';

// A monospace stand-in: every character is 10 units wide.
const mono = (s: string) => s.length * 10;
const lines = (text: string, width: number) => wrapText(text, width, mono).split('\n');

describe('wrapText', () => {
  test('wraps at spaces while words fit', () => {
    expect(lines('Digitaler Runder Tisch mit den Landbeiräten', 140)).toEqual([
      'Digitaler',
      'Runder Tisch',
      'mit den',
      'Landbeiräten',
    ]);
  });
  test('breaks a long compound at a syllable-like boundary with a hyphen', () => {
    const out = lines('Informationsaustausch FITKO', 140);
    expect(out).toEqual(['Informations-', 'austausch', 'FITKO']);
    for (const line of out) expect(mono(line)).toBeLessThanOrEqual(140);
  });
  test('prefers the hyphen already in a word and never starts a line with one', () => {
    expect(lines('ÖZG-Erfahrungsaustausch', 140)).toEqual(['ÖZG-', 'Erfahrungs-', 'austausch']);
  });
  test('keeps umlauts and ß and never splits "ch" or "ck"', () => {
    const out = wrapText('Straßenverkehrsämterbeschleunigung', 120, mono);
    expect(out.replace(/-\n/g, '')).toBe('Straßenverkehrsämterbeschleunigung');
    expect(out).not.toMatch(/c-\nh|c-\nk/);
  });
  test('carries at least three letters to the next line (never "Austaus-" / "ch")', () => {
    const out = lines('Austausch', 80);
    expect(out.join('').replace(/-/g, '')).toBe('Austausch');
    expect(out.at(-1)?.length).toBeGreaterThanOrEqual(3);
  });
  test('keeps the author’s own line breaks', () => {
    expect(lines('Eins\nZwei', 140)).toEqual(['Eins', 'Zwei']);
  });
  test('with a line limit, gives the first lines of the whole wrap', () => {
    const text =
      'Informationsaustausch zwischen Bund\nLand und Kommune über das Onlinezugangsgesetz';
    const all = lines(text, 120);
    for (let max = 1; max <= all.length + 1; max++)
      expect(wrapText(text, 120, mono, max).split('\n')).toEqual(all.slice(0, max));
  });
  test('breaks a web or e-mail address after a slash or dot, never with a hyphen of its own', () => {
    for (const address of [
      'https://www.digitale-verwaltung.de/Webs/DV/DE/onlinezugangsgesetz/efa/efa-node.html',
      'poststelle.onlinezugangsgesetz@digitalministerium.example.de',
      'digitale-verwaltung.de/Webs/DV/DE/onlinezugangsgesetz',
    ]) {
      const out = lines(`Siehe ${address} für Details`, 140);
      for (const line of out) expect(mono(line)).toBeLessThanOrEqual(140);
      // Put back together without removing anything: no hyphen was added.
      expect(out.join('').replace(/Siehe|für|Details| /g, '')).toBe(address);
      expect(out.join('\n')).not.toContain('verwal-');
    }
  });
});
