// A note's text laid out for drawing: the lines (wrapped and hyphenated by
// hyphenate.ts), cut to the lines that fit with an ellipsis on the last one.
// Konva's Text node would measure every line again and keep a node per text;
// the canvas draws these lines itself (notePainter.ts), and a note keeps its
// layouts until its text changes (NoteLayouts), computing each level's only
// when that level is first drawn.
import { NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import { splitWord, wrapText } from './hyphenate.ts';
import { hyphenationVersion } from './hyphenation.ts';
import {
  NOTE_FOOTER,
  NOTE_LINE_HEIGHT,
  NOTE_PADDING,
  noteFont,
  noteFontSize,
  TEXT_WIDTH,
  wordWidth,
} from './noteStyle.ts';
import type { TextDetail } from './useViewRect.ts';

export interface TextLayout {
  lines: string[];
  /** CSS font of the lines. */
  font: string;
  /** Distance between baselines (world units). */
  lineHeight: number;
  /** The text went on beyond the lines that fit (the last ends in an ellipsis). */
  cut: boolean;
}

const ELLIPSIS = '…';

/** `line` shortened with an ellipsis until it fits `width` (unchanged when it fits). */
export function fitLine(line: string, width: number, size: number, bold = false): string {
  if (wordWidth(line, size, bold) <= width) return line;
  let cut = line;
  while (cut.length > 0 && wordWidth(cut.trimEnd() + ELLIPSIS, size, bold) > width)
    cut = cut.slice(0, -1);
  return cut.trimEnd() + ELLIPSIS;
}

/** How long words were split, by width, size, weight and word (words recur across a board's notes). */
const splits = new Map<string, string[]>();
let splitsHyphenation = hyphenationVersion();

function splitRemembered(
  word: string,
  width: number,
  size: number,
  bold: boolean,
  measure: (s: string) => number,
): string[] {
  if (splitsHyphenation !== hyphenationVersion() || splits.size > 20_000) {
    splits.clear();
    splitsHyphenation = hyphenationVersion();
  }
  const key = `${width}|${size}|${bold ? 'b' : ''}|${word}`;
  let pieces = splits.get(key);
  if (!pieces) {
    pieces = splitWord(word, width, measure);
    splits.set(key, pieces);
  }
  return pieces;
}

/** Lays out `text` in a box: wrapped to `width`, as many lines as fit `height`, the last cut with an ellipsis. */
export function layoutText(
  text: string,
  box: { width: number; height: number },
  size: number,
  lineHeight: number,
  bold = false,
): TextLayout {
  const linePx = size * lineHeight;
  const fit = Math.max(1, Math.floor(box.height / linePx + 1e-6));
  // One line more than fits tells whether the text goes on.
  const measure = (s: string) => wordWidth(s, size, bold);
  const lines = wrapText(text, box.width, measure, fit + 1, (word) =>
    splitRemembered(word, box.width, size, bold, measure),
  ).split('\n');
  const cut = lines.length > fit;
  if (cut) {
    lines.length = fit;
    // The text goes on: the last line that fits ends in an ellipsis.
    let last = (lines[fit - 1] ?? '').replace(/-$/, '');
    while (last.length > 0 && wordWidth(last.trimEnd() + ELLIPSIS, size, bold) > box.width)
      last = last.slice(0, -1);
    lines[fit - 1] = last.trimEnd() + ELLIPSIS;
  }
  return { lines, font: noteFont(size, bold), lineHeight: linePx, cut };
}

/** Type size of a note's title when zoomed out (world units; see useViewRect.ts). */
export const TITLE_SIZE = { title: 24, far: 40 } as const;
const TITLE_LINE_HEIGHT = 1.1;
export const TITLE_PADDING = 6;

/**
 * The note's text at full detail, as the canvas draws it (and the PNG export,
 * so that the picture shows what people saw): at its size, as many lines as
 * fit above the footer, the last cut with an ellipsis.
 */
export function detailLayout(text: string): TextLayout {
  return layoutText(
    text,
    { width: TEXT_WIDTH, height: NOTE_HEIGHT - NOTE_PADDING - NOTE_FOOTER },
    noteFontSize(text),
    NOTE_LINE_HEIGHT,
  );
}

/** The layouts of one note text, each made when first drawn (again once the hyphenation patterns arrive). */
export class NoteLayouts {
  private laid: Partial<Record<TextDetail, TextLayout>> = {};
  private hyphenation = hyphenationVersion();

  constructor(readonly text: string) {}

  get(level: TextDetail): TextLayout {
    if (this.hyphenation !== hyphenationVersion()) {
      this.hyphenation = hyphenationVersion();
      this.laid = {};
    }
    let layout = this.laid[level];
    if (!layout) {
      layout =
        level === 'detail'
          ? detailLayout(this.text)
          : layoutText(
              this.text,
              { width: NOTE_WIDTH - 2 * TITLE_PADDING, height: NOTE_HEIGHT - 2 * TITLE_PADDING },
              TITLE_SIZE[level],
              TITLE_LINE_HEIGHT,
              true,
            );
      this.laid[level] = layout;
    }
    return layout;
  }
}
