// Line breaking for note text. Konva cuts a word that is wider than the line
// wherever the line ends, and puts a hyphen at the start of the next line when
// it breaks before one. German compounds ("Informationsaustausch") are often
// wider than a note, so the canvas lays out the lines itself: words go on a
// line while they fit, and a word that cannot fit on any line is split with a
// hyphen where TeX's hyphenation patterns allow (hyphenation.ts) or after a
// hyphen already in it. Until the patterns are loaded, a heuristic finds
// syllable-like boundaries (between two consonants, or before a consonant
// that starts a syllable). Display only: the note's text is never changed.
import { ADDRESS_BREAK_AFTER, isWebAddress } from '@pinnwand/shared/export/webAddress';
import { patternBreaks } from './hyphenation.ts';

const SOFT_HYPHEN = '\u00AD';

const VOWELS = new Set('aeiouyäöüAEIOUYÄÖÜ');
/** Consonant pairs that belong together and are not split. */
const KEEP = new Set(['ch', 'ck', 'sc', 'ph', 'th', 'qu']);

const isVowel = (c: string | undefined): boolean => c !== undefined && VOWELS.has(c);
const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c);

type Measure = (s: string) => number;

/** Ends of the first part of a compound, with or without the linking "s". */
const COMPOUND_JOINT = /(?:ion|ung|heit|keit|schaft|tät|ität|ling|tum)s?$/i;

/**
 * Quality of breaking `word` before index j: 2 after a hyphen or at a likely
 * compound joint ("Erfahrungs|austausch"), 1 at a syllable boundary, 0 not.
 */
function breakQuality(word: string, j: number): number {
  const before = word[j - 1];
  const at = word[j];
  const next = word[j + 1];
  if (before === '-' || before === '/') return 2;
  if (j >= 4 && word.length - j >= 3 && COMPOUND_JOINT.test(word.slice(0, j)) && at !== 's') {
    return 2;
  }
  if (!isLetter(before) || !isLetter(at)) return 0;
  if (isVowel(before) && !isVowel(at) && isVowel(next)) return 1;
  if (!isVowel(before) && !isVowel(at) && !KEEP.has(`${before}${at}`.toLowerCase())) return 1;
  return 0;
}

/**
 * Fewest characters left on a line before a break and carried to the next
 * (TeX's lefthyphenmin and righthyphenmin for German): never "Austausc-h".
 */
const LEFT_MIN = 2;
const RIGHT_MIN = 3;

/**
 * The break in `word` at or before `start + fit` from the hyphenation
 * patterns (hyphenation.ts) or after a hyphen already there, the last one
 * that fits; as a length from `start`, or null when none fits.
 */
function patternCut(word: string, start: number, fit: number, breaks: number[]): number | null {
  for (let j = Math.min(start + fit, word.length - 2); j >= start + LEFT_MIN; j--) {
    const typed = word[j - 1] === '-' || word[j - 1] === '/';
    if (typed || (breaks.includes(j) && word.length - j >= RIGHT_MIN)) return j - start;
  }
  return null;
}

/** Before the patterns are loaded: a hyphen or compound joint on the line, else a syllable-like boundary. */
function heuristicCut(rest: string, fit: number): number {
  const last = Math.max(LEFT_MIN, Math.min(fit, rest.length - RIGHT_MIN));
  // The best boundary: a hyphen or compound joint anywhere on the line, else
  // a syllable boundary in its second half, else wherever the line is full.
  let cut = last;
  let best = 0;
  for (let j = last; j >= LEFT_MIN; j--) {
    const q = breakQuality(rest, j);
    if (q === 2) return j;
    if (q === 1 && best === 0 && j >= fit * 0.5) {
      best = 1;
      cut = j;
    }
  }
  return cut;
}

/**
 * A web or e-mail address wider than `width` in pieces that each fit, with no
 * hyphen added (it would read as part of the address): broken after the last
 * slash, dot or other separator that fits, else where the line is full.
 */
function splitAddress(word: string, width: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let rest = word;
  while (rest.length > 1 && measure(rest) > width) {
    let fit = 1;
    while (fit < rest.length - 1 && measure(rest.slice(0, fit + 1)) <= width) fit++;
    let cut = fit;
    for (let j = fit; j >= LEFT_MIN; j--) {
      if (ADDRESS_BREAK_AFTER.test(rest[j - 1] ?? '')) {
        cut = j;
        break;
      }
    }
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}

/** Splits a word wider than `width` into pieces that each fit (with their hyphen). */
export function splitWord(word: string, width: number, measure: Measure): string[] {
  if (isWebAddress(word)) return splitAddress(word, width, measure);
  const breaks = patternBreaks(word);
  const pieces: string[] = [];
  let start = 0;
  while (word.length - start > RIGHT_MIN && measure(word.slice(start)) > width) {
    const rest = word.slice(start);
    const piece = (k: number) => {
      const head = rest.slice(0, k).replaceAll(SOFT_HYPHEN, '');
      return /[-/]$/.test(head) ? head : `${head}-`;
    };
    let fit = 0;
    for (let k = 1; k < rest.length; k++) {
      if (measure(piece(k)) > width) break;
      fit = k;
    }
    if (fit < LEFT_MIN) break;
    const cut = (breaks && patternCut(word, start, fit, breaks)) ?? heuristicCut(rest, fit);
    pieces.push(piece(cut));
    start += cut;
  }
  pieces.push(word.slice(start).replaceAll(SOFT_HYPHEN, ''));
  return pieces;
}

/**
 * The text with explicit line breaks so every line fits `width`; with
 * `maxLines`, only the first that many lines (a note shows a few lines of a
 * long text: laying out the rest cost most of drawing a zoomed-out board).
 * `split` breaks a word too wide for a line (a caller may remember its answers).
 */
export function wrapText(
  text: string,
  width: number,
  measure: Measure,
  maxLines = Number.POSITIVE_INFINITY,
  split: (word: string) => string[] = (word) => splitWord(word, width, measure),
): string {
  const out: string[] = [];
  const wrapped = () => out.slice(0, maxLines).join('\n');
  // A line's width is the sum of its words and spaces: each word is measured
  // once (and cached by the caller), not every growing line anew.
  const space = measure(' ');
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/ +/)) {
      if (word === '') continue;
      const w = measure(word);
      const candidate = line ? lineWidth + space + w : w;
      if (candidate <= width) {
        line = line ? `${line} ${word}` : word;
        lineWidth = candidate;
        continue;
      }
      if (line) out.push(line);
      if (out.length >= maxLines) return wrapped();
      line = '';
      lineWidth = 0;
      if (w <= width) {
        line = word;
        lineWidth = w;
        continue;
      }
      const pieces = split(word);
      out.push(...pieces.slice(0, -1));
      if (out.length >= maxLines) return wrapped();
      line = pieces.at(-1) ?? '';
      lineWidth = measure(line);
    }
    out.push(line);
    if (out.length >= maxLines) return wrapped();
  }
  return out.join('\n');
}
