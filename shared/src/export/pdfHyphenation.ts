/**
 * Where the PDF may break a word that is too long for its line, and how the
 * break is marked. The break points come from TeX's German hyphenation
 * patterns (Liang's algorithm, the `hyphen` package), the same the canvas uses
 * (client/src/canvas/hyphenation.ts): "Er|fah|rungs|aus|tausch". German
 * patterns for every workshop, as on the canvas: English words break
 * acceptably by them too. The patterns are pure JavaScript, so the browser's
 * worker and the server break the same words at the same places.
 */
import createHyphenator, { type HyphenationFunctionSync } from 'hyphen';
// The file itself, not `hyphen/de-1996`: the package has no `exports` map, so
// Node's ESM loader (the server's bundle keeps npm packages external) cannot
// import its directories.
import de1996 from 'hyphen/patterns/de-1996.js';
import { isWebAddress } from './webAddress.ts';

// Without `async`, the factory returns the synchronous function.
const hyphenateSync = createHyphenator(de1996) as HyphenationFunctionSync;

/** U+00AD: a break point the author typed; never drawn, and the mark of a layout hyphen. */
export const SOFT_HYPHEN = '\u00AD';

/**
 * Fewest characters left before a break and carried to the next line (TeX's
 * lefthyphenmin and righthyphenmin for German): never "Austausc-h".
 */
export const LEFT_MIN = 2;
export const RIGHT_MIN = 3;

/**
 * Indices where `word` may be broken with a hyphen (before `word[j]`),
 * ascending. Soft hyphens the author typed are break points of their own and
 * replace the patterns' guesses; the indices then count in the word without
 * them. None in a web or e-mail address (webAddress.ts).
 */
export function hyphenationPoints(word: string): number[] {
  if (isWebAddress(word)) return [];
  let points = known.get(word);
  if (!points) {
    points = findPoints(word);
    // Words repeat across a workshop (a board drawing breaks the same long word on every note).
    if (known.size >= 10_000) known.clear();
    known.set(word, points);
  }
  return points;
}

const known = new Map<string, number[]>();

function findPoints(word: string): number[] {
  const source = word.includes(SOFT_HYPHEN)
    ? word
    : hyphenateSync(word, { hyphenChar: SOFT_HYPHEN, minWordLength: 5 });
  const points: number[] = [];
  let index = 0;
  for (const char of source) {
    if (char === SOFT_HYPHEN) points.push(index);
    else index += char.length;
  }
  return points.filter((j) => j >= LEFT_MIN && index - j >= RIGHT_MIN);
}

/**
 * A wrapped line that ends where the layout broke a word ends in SOFT_HYPHEN:
 * drawers show it as a hyphen, and outside a picture draw it as an artifact,
 * so copied text and screen readers get the word whole (ISO 32000-1, 14.8.2.2.3).
 */
export function splitLayoutHyphen(line: string): { text: string; hyphen: boolean } {
  return line.endsWith(SOFT_HYPHEN)
    ? { text: line.slice(0, -1), hyphen: true }
    : { text: line, hyphen: false };
}
