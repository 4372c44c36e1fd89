/**
 * Text measuring and line breaking for the PDF. pdf-lib measures a string by
 * running the font's shaping engine each time; the layout calls this for
 * every word of every note twice (drawing and list), so widths are cached per
 * word. Breaking is greedy at spaces; a word longer than the line (a URL, a
 * German compound) is broken with a hyphen where the hyphenation patterns
 * allow, or after a hyphen or slash it has, else between characters, so
 * nothing ever runs off the page.
 */
import type { PDFFont } from 'pdf-lib';
import { revealInvisibles } from './invisibleChars.ts';
import { hyphenationPoints, SOFT_HYPHEN, splitLayoutHyphen } from './pdfHyphenation.ts';
import { ADDRESS_BREAK_AFTER, isWebAddress } from './webAddress.ts';

interface Shaper {
  layout(text: string, features?: unknown): { glyphs: unknown[] };
}

/**
 * Makes pdf-lib shape text word by word with a cache. pdf-lib runs fontkit's
 * full layout for every string it draws or measures, which dominated the
 * time of a 1,000-note export; words repeat, lines do not. Shaping per word
 * gives the same glyphs (pdf-lib applies no kerning, and no ligature spans a
 * space). pdf-lib is pinned to an exact version; if its internals ever
 * differ, this does nothing and the export is only slower.
 */
export function cacheWordShaping(font: PDFFont): void {
  const shaper = (font as unknown as { embedder?: { font?: Shaper } }).embedder?.font;
  if (!shaper || typeof shaper.layout !== 'function') return;
  const layout = shaper.layout.bind(shaper);
  const cache = new Map<string, unknown[]>();
  shaper.layout = (text: string, features?: unknown) => {
    const glyphs: unknown[] = [];
    for (const part of visualOrder(text.split(/( +)/))) {
      if (!part) continue;
      let shaped = cache.get(part);
      if (!shaped) {
        shaped = layout(part, features).glyphs;
        if (cache.size < 100_000) cache.set(part, shaped);
      }
      for (const glyph of shaped) glyphs.push(glyph);
    }
    return { glyphs };
  };
}

export class TextMeasure {
  private readonly cache = new Map<string, number>();
  constructor(readonly font: PDFFont) {}

  /** Width of `text` at size 1. */
  unitWidth(text: string): number {
    let width = this.cache.get(text);
    if (width === undefined) {
      width = this.font.widthOfTextAtSize(text, 1);
      if (this.cache.size < 50_000) this.cache.set(text, width);
    }
    return width;
  }

  width(text: string, size: number): number {
    return this.unitWidth(text) * size;
  }
}

const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
const LTR_LETTER = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]/;
const isRtlWord = (part: string) => RTL_LETTER.test(part) && !LTR_LETTER.test(part);

/**
 * A minimal bidi step: consecutive right-to-left words (Hebrew, Arabic) are
 * put in visual order. fontkit already mirrors the letters within a word;
 * without this, a right-to-left phrase would show its words left to right.
 * Parts are words and the space runs between them.
 */
export function visualOrder(parts: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < parts.length) {
    const part = parts[i] as string;
    if (!isRtlWord(part)) {
      out.push(part);
      i++;
      continue;
    }
    let end = i;
    while (
      end + 2 < parts.length &&
      /^ +$/.test(parts[end + 1] as string) &&
      isRtlWord(parts[end + 2] as string)
    ) {
      end += 2;
    }
    out.push(...parts.slice(i, end + 1).reverse());
    i = end + 1;
  }
  return out;
}

/**
 * Characters the embedded font cannot draw are replaced, never dropped
 * silently; bidi overrides and zero-width characters are shown as `[U+202E]`.
 */
export function cleanForPdf(text: string): string {
  return (
    revealInvisibles(text)
      .replace(/\r\n?/g, '\n')
      .replace(/\t/g, ' ')
      // Control characters other than line feed break pdf-lib's encoder.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '')
  );
}

/** Index of the last character of `head` an address may be broken after, or -1. */
function lastBreakInAddress(head: string): number {
  for (let i = head.length - 2; i > 0; i--)
    if (ADDRESS_BREAK_AFTER.test(head[i] as string)) return i;
  return -1;
}

/**
 * Splits a word wider than the line into pieces that fit. It breaks, in this
 * order of preference, at the last place that fits: where the hyphenation
 * patterns allow (the piece then ends in SOFT_HYPHEN, drawn as a hyphen) or
 * just after a hyphen or slash the word already has; failing both (a URL, a
 * line narrower than two syllables) wherever the line is full, with a hyphen
 * when letters meet there.
 */
function splitLongWord(word: string, maxWidth: number, size: number, m: TextMeasure): string[] {
  const points = hyphenationPoints(word);
  const address = isWebAddress(word);
  const plain = word.replaceAll(SOFT_HYPHEN, '');
  const fits = (text: string) => m.width(text, size) <= maxWidth;
  const parts: string[] = [];
  let start = 0;
  while (start < plain.length && !fits(plain.slice(start))) {
    const chars = [...plain.slice(start)];
    let cut = 0;
    let width = 0;
    for (; cut < chars.length; cut++) {
      const w = m.width(chars[cut] as string, size);
      if (width + w > maxWidth && cut > 0) break;
      width += w;
    }
    const head = chars.slice(0, cut).join('');
    const end = start + head.length;
    const typed = address
      ? lastBreakInAddress(head)
      : Math.max(head.lastIndexOf('-'), head.lastIndexOf('/'));
    const afterTyped = typed > 0 && typed < head.length - 1 ? start + typed + 1 : -1;
    const pattern = [...points]
      .reverse()
      .find((j) => j > start && j <= end && fits(`${plain.slice(start, j)}-`));
    let piece: string;
    let next: number;
    if (pattern !== undefined && pattern > afterTyped) {
      piece = plain.slice(start, pattern) + SOFT_HYPHEN;
      next = pattern;
    } else if (afterTyped > 0) {
      piece = plain.slice(start, afterTyped);
      next = afterTyped;
    } else {
      // No syllable fits: cut where the line is full, keeping room for a hyphen between letters.
      let at = head.length;
      const letters = (i: number) =>
        /\p{L}/u.test(plain[i - 1] ?? '') && /\p{L}/u.test(plain[i] ?? '');
      // An address gets no hyphen: it would read as part of it (webAddress.ts).
      const hyphenated = (i: number) => !address && letters(start + i) && i > 1;
      while (hyphenated(at) && !fits(`${plain.slice(start, start + at)}-`) && at > 2) at--;
      piece = plain.slice(start, start + at) + (hyphenated(at) ? SOFT_HYPHEN : '');
      next = start + at;
    }
    parts.push(piece);
    start = next;
  }
  if (start < plain.length) parts.push(plain.slice(start));
  return parts;
}

/** Breaks one paragraph (no line feeds) into lines of at most `maxWidth`. */
function wrapParagraph(text: string, maxWidth: number, size: number, m: TextMeasure): string[] {
  const words = text.split(/ +/).filter((w) => w !== '');
  if (words.length === 0) return [''];
  const lines: string[] = [];
  const space = m.width(' ', size);
  let line = '';
  let lineWidth = 0;
  for (const typed of words) {
    // Soft hyphens the author typed are only places to break, never drawn.
    const word = typed.replaceAll(SOFT_HYPHEN, '');
    const w = m.width(word, size);
    if (line && lineWidth + space + w <= maxWidth) {
      line += ` ${word}`;
      lineWidth += space + w;
      continue;
    }
    // A line broken at a space keeps it (invisible at the line's end), so text
    // extraction and screen readers do not run the last and next word together.
    if (line) lines.push(`${line} `);
    if (w <= maxWidth) {
      line = word;
      lineWidth = w;
      continue;
    }
    const pieces = splitLongWord(typed, maxWidth, size, m);
    lines.push(...pieces.slice(0, -1));
    line = pieces[pieces.length - 1] ?? '';
    lineWidth = m.width(line, size);
  }
  lines.push(line);
  return lines;
}

/** Wraps text with line feeds into lines no wider than `maxWidth` at `size`. */
export function wrapText(text: string, maxWidth: number, size: number, m: TextMeasure): string[] {
  return cleanForPdf(text)
    .split('\n')
    .flatMap((paragraph) => wrapParagraph(paragraph, maxWidth, size, m));
}

/** A wrapped line as drawn where it is not text of its own (a picture, an artifact): its layout hyphen as "-". */
export function shownLine(line: string): string {
  const { text, hyphen } = splitLayoutHyphen(line);
  return hyphen ? `${text}-` : text;
}
