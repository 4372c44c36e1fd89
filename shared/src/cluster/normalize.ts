/**
 * Folding German words to one comparable spelling.
 *
 * Umlauts fold to the bare vowel (ä→a, ö→o, ü→u) and ß to ss, not to the
 * transliterations ae/oe/ue. Reasons:
 * - it is what the Snowball German stemmer does itself ("Länder" stems to "land"),
 *   so stems and folded words live in one alphabet;
 * - abbreviations are typed without umlauts on foreign keyboards and in haste:
 *   "ÖZG" and "OZG" must be the same token, and a three-letter token has too few
 *   character n-grams to rescue a mismatch;
 * - people who cannot type umlauts write "ae/oe/ue" ("Laender"). Folding those
 *   digraphs to the bare vowel as well (Snowball's "german2" variant does the
 *   same, except "ue" after "q") makes "Laender", "Länder" and "Lander" meet.
 *   The price is that words such as "aktuell" become "aktull" — harmless,
 *   because every note is folded the same way.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Lower-case, strip diacritics (umlaut dots included) and spell ß as ss. */
export function foldCharacters(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(COMBINING_MARKS, '').replace(/ß/g, 'ss');
}

/**
 * Fold one word: characters first, then the ae/oe/ue digraphs ("Quelle" keeps
 * its "ue": after q it is not an umlaut).
 */
export function foldWord(word: string): string {
  return foldCharacters(word).replace(/(?<!q)ue|ae|oe/g, (digraph) => digraph.charAt(0));
}
