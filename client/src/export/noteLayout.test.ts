import { NOTE_HEIGHT } from '@pinnwand/shared/model/layout';
import { describe, expect, it } from 'vitest';
import { noteLayout } from './noteLayout.ts';

/** The lines read back as text: syllable hyphens at line ends removed. */
const unwrap = (lines: string) => lines.replace(/-\n(?=\p{Ll})/gu, '').replace(/\n/g, ' ');

describe('note text in the PNG export', () => {
  it('breaks a long German word at a syllable boundary, keeps short hyphenated words whole', () => {
    const { lines } = noteLayout('Informationsaustausch direkte Austausch Fachlichkeit -> U-land');
    expect(lines).toContain('U-land');
    for (const line of lines.split('\n')) {
      // Never a lone letter or a single trailing letter before the break.
      expect(line).not.toMatch(/(^|\s)\p{L}-$/u);
    }
    expect(lines).toMatch(/Informations-?\n?austausch/);
  });

  it('shows the whole text of a long note: smaller type, then a taller note', () => {
    const text = Array.from({ length: 40 }, (_, i) => `Punkt${i} Verwaltungsdigitalisierung`).join(
      ' ',
    );
    const layout = noteLayout(text);
    expect(unwrap(layout.lines).replace(/\s+/g, ' ')).toBe(text);
    expect(layout.lines).not.toContain('…');
    expect(layout.fontSize).toBe(9);
    expect(layout.height).toBeGreaterThan(NOTE_HEIGHT);
    const short = noteLayout('FAQ pflegen');
    expect(short.height).toBe(NOTE_HEIGHT);
    expect(short.fontSize).toBe(20);
  });

  it('shows bidi overrides instead of applying them', () => {
    expect(noteLayout('a\u202Eb').lines).toBe('a[U+202E]b');
  });
});
