// Line breaking for note text. Konva cuts a word that is wider than the line
// wherever the line ends, and puts a hyphen at the start of the next line when
// it breaks before one. German compounds ("Informationsaustausch") are often
// wider than a note, so the canvas lays out the lines itself: words go on a
// line while they fit, and a word that cannot fit on any line is split at a
// syllable-like boundary (after a hyphen already in it, between two
// consonants, or before a consonant that starts a syllable) with a hyphen.
// Display only: the note's text in the document is never changed.

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

/** Splits a word wider than `width` into pieces that each fit (with their hyphen). */
export function splitWord(word: string, width: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let rest = word;
  while (rest.length > 3 && measure(rest) > width) {
    const piece = (k: number) => {
      const head = rest.slice(0, k);
      return /[-/]$/.test(head) ? head : `${head}-`;
    };
    let fit = 0;
    for (let k = 1; k < rest.length; k++) {
      if (measure(piece(k)) > width) break;
      fit = k;
    }
    if (fit < 2) break;
    // The best boundary: a hyphen or compound joint anywhere on the line, else
    // a syllable boundary in its second half, else wherever the line is full.
    let cut = fit;
    let best = 0;
    for (let j = Math.min(fit, rest.length - 2); j >= 2; j--) {
      const q = breakQuality(rest, j);
      if (q === 2) {
        cut = j;
        break;
      }
      if (q === 1 && best === 0 && j >= fit * 0.5) {
        best = 1;
        cut = j;
      }
    }
    pieces.push(piece(cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}

/** The text with explicit line breaks so every line fits `width`. */
export function wrapText(text: string, width: number, measure: Measure): string {
  const out: string[] = [];
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
      line = '';
      lineWidth = 0;
      if (w <= width) {
        line = word;
        lineWidth = w;
        continue;
      }
      const pieces = splitWord(word, width, measure);
      out.push(...pieces.slice(0, -1));
      line = pieces.at(-1) ?? '';
      lineWidth = measure(line);
    }
    out.push(line);
  }
  return out.join('\n');
}
