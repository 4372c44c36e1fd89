/**
 * Splitting a sticky note into words.
 *
 * Notes are typed in haste: "Roll-out", "Bund-Länder-weite", "Umsetz.",
 * "z.B.", "SI's", "Zusammenarbeit/Kommunikation". A token keeps its hyphenated
 * parts together (so the caller can use both the parts and the joined word),
 * remembers a final dot (the word may be cut short), and splits on slashes,
 * arrows and other punctuation.
 */

export interface Token {
  /** The word as written, without a final dot or a trailing "'s". */
  readonly surface: string;
  /** The hyphen-separated parts as written; a single part for a plain word. */
  readonly parts: readonly string[];
  /** Written with a final dot ("Umsetz.", "organisator."): possibly a truncated word. */
  readonly truncated: boolean;
}

// Letters/digits, joined by hyphens or dots ("z.B", "Best-Practise-Beispielen"),
// an optional apostrophe ending ("SI's"), and an optional final dot.
const TOKEN = /[\p{L}\p{N}]+(?:[-‐‑.][\p{L}\p{N}]+)*(?:['’`][\p{L}]+)?\.?/gu;
const HYPHENS = /[-‐‑]/;
const APOSTROPHE_ENDING = /['’`][\p{L}]+$/u;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    let word = match[0];
    const truncated = word.endsWith('.');
    if (truncated) word = word.slice(0, -1);
    // "SI's" is the plural of an abbreviation, "geht's" a contraction: either
    // way the part before the apostrophe is the word.
    word = word.replace(APOSTROPHE_ENDING, '');
    // Inner dots only occur in abbreviations such as "z.B" or "d.h": join them.
    const surface = word.includes('.') ? word.replace(/\./g, '') : word;
    const parts = surface.split(HYPHENS).filter((part) => part.length > 0);
    if (parts.length > 0) tokens.push({ surface, parts, truncated });
  }
  return tokens;
}

/**
 * Whether a word as written is an abbreviation or code ("ÖZG", "FITKO", "BL",
 * "A1"): all capitals, or containing a digit. These are not stemmed — the
 * stemmer would cut "FITKOS"-like endings that are not German inflection.
 */
export function isAcronym(word: string): boolean {
  if (/\p{N}/u.test(word)) return true;
  return word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase();
}
