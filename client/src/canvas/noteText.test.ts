import { describe, expect, test } from 'vitest';
import { wordWidth } from './noteStyle.ts';
import { fitLine, layoutText, NoteLayouts } from './noteText.ts';

// Outside a browser wordWidth estimates from the character count, which is all these need.
describe('layoutText', () => {
  test('wraps to the width and keeps every word when the text fits', () => {
    const layout = layoutText(
      'Digitaler Runder Tisch mit den Ländern',
      { width: 80, height: 200 },
      10,
      1.2,
    );
    expect(layout.lines.join(' ')).toBe('Digitaler Runder Tisch mit den Ländern');
    for (const line of layout.lines) expect(wordWidth(line, 10)).toBeLessThanOrEqual(80);
  });
  test('keeps the lines that fit the height, the last ending in an ellipsis', () => {
    const text = 'eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf';
    const layout = layoutText(text, { width: 60, height: 36 }, 10, 1.2);
    expect(layout.lines).toHaveLength(3);
    expect(layout.lines[2]).toMatch(/…$/);
    expect(wordWidth(layout.lines[2] ?? '', 10)).toBeLessThanOrEqual(60);
  });
});

describe('fitLine', () => {
  test('leaves a line that fits and shortens one that does not', () => {
    expect(fitLine('Anna', 100, 10)).toBe('Anna');
    const cut = fitLine('Bürgermeisterin Annegret Beispielhaft', 100, 10);
    expect(cut).toMatch(/…$/);
    expect(wordWidth(cut, 10)).toBeLessThanOrEqual(100);
  });
});

describe('NoteLayouts', () => {
  test('lays out each level once, titles in larger type than the full note', () => {
    const layouts = new NoteLayouts('Registermodernisierung im Portalverbund');
    expect(layouts.get('far')).toBe(layouts.get('far'));
    expect(layouts.get('title').lines.length).toBeGreaterThanOrEqual(
      layouts.get('detail').lines.length,
    );
    expect(layouts.get('far').font).toMatch(/^bold 40px/);
  });
});
