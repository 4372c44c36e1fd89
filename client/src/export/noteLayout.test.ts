import { NOTE_HEIGHT } from '@pinnwand/shared/model/layout';
import { describe, expect, it } from 'vitest';
import { NOTE_FOOTER, NOTE_LINE_HEIGHT, NOTE_PADDING } from '../canvas/noteStyle.ts';
import { detailLayout } from '../canvas/noteText.ts';
import { noteLayout } from './noteLayout.ts';

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

  it('keeps the note at its board size and cuts a long text with "…", as the canvas does', () => {
    const text = Array.from({ length: 40 }, (_, i) => `Punkt${i} Verwaltungsdigitalisierung`).join(
      ' ',
    );
    const layout = noteLayout(text);
    expect(layout.height).toBe(NOTE_HEIGHT);
    expect(layout.cut).toBe(true);
    expect(layout.lines.endsWith('…')).toBe(true);
    expect(layout.lines).toBe(detailLayout(text).lines.join('\n'));
    const lines = layout.lines.split('\n').length;
    expect(lines * layout.fontSize * NOTE_LINE_HEIGHT).toBeLessThanOrEqual(
      NOTE_HEIGHT - NOTE_PADDING - NOTE_FOOTER,
    );
    const short = noteLayout('FAQ pflegen');
    expect(short).toMatchObject({ height: NOTE_HEIGHT, fontSize: 20, cut: false });
  });

  it('names the author in the footer only when asked, shortened to leave room for the votes', () => {
    expect(noteLayout('FAQ pflegen').author).toBe('');
    expect(noteLayout('FAQ pflegen', 'Anna Äbischer').author).toBe('Anna Äbischer');
    const long = 'Annabelle-Mariette von Hohenzollern-Sigmaringen';
    expect(noteLayout('FAQ', long, 3).author).toMatch(/…$/);
  });

  it('shows bidi overrides instead of applying them', () => {
    expect(noteLayout('a\u202Eb').lines).toBe('a[U+202E]b');
  });
});
