/**
 * What a note is made of, for comparing it with the other notes of its board.
 *
 * Two kinds of features, weighted separately later (see `vectors.ts`):
 * - word features: stems of the meaningful words and the joined form of
 *   hyphenated words ("Roll-out" → "rollout"), plus what German needs on top,
 *   resolved against the board (`lexicon.ts`, `morphology.ts`):
 *   - compound parts: "Informationsaustausch" also counts as "Austausch" when
 *     the board writes "Austausch" on its own;
 *   - derivational roots: "Strukturierung" also counts as "struktur",
 *     "finanziell" and "Finanzierung" as "finanz";
 *   - typos: "Digitalisirung" also counts as the board's "Digitalisierung";
 *   - truncated words: "Umsetz." also counts (half) as the board's most
 *     frequent word starting with "umsetz".
 * - character 3- and 4-grams within each word ("#ozg#" → "#oz", "ozg", …), so
 *   abbreviations, variants and typos the rules above miss still overlap.
 */
import { type AnalysedToken, analyse, cachedStemmer, type Word } from './analyze.ts';
import { buildLexicon, compoundParts, expansion, type Lexicon, wordsOf } from './lexicon.ts';
import { derivationalRoot } from './morphology.ts';

export interface NoteFeatures {
  /** Word features: stem → weight (1 per written or derived occurrence, ½ per guess). */
  readonly words: Map<string, number>;
  /** Character n-grams → count. */
  readonly ngrams: Map<string, number>;
  /** How each written stem was spelt in this note ("Länder"), for headings. */
  readonly surfaces: Map<string, string[]>;
  /** The words a derived feature came from ("finanz" ← "finanziell"), for headings. */
  readonly derivedFrom: Map<string, string[]>;
}

/** Compound parts, roots and typo readings are nearly as telling as the word itself. */
const DERIVED_WEIGHT = 1;
/** Expanding a truncated word is a guess: it counts half. */
const GUESSED_WEIGHT = 0.5;
const NGRAM_SIZES = [3, 4] as const;

function add(map: Map<string, number>, key: string, weight: number): void {
  map.set(key, (map.get(key) ?? 0) + weight);
}

function addSpelling(map: Map<string, string[]>, key: string, surface: string): void {
  const spellings = map.get(key);
  if (spellings) spellings.push(surface);
  else map.set(key, [surface]);
}

function addNgrams(ngrams: Map<string, number>, letters: string): void {
  const padded = `#${letters}#`;
  for (const size of NGRAM_SIZES) {
    for (let i = 0; i + size <= padded.length; i++) add(ngrams, padded.slice(i, i + size), 1);
  }
}

function noteFeatures(tokens: readonly AnalysedToken[], lexicon: Lexicon): NoteFeatures {
  const words = new Map<string, number>();
  const ngrams = new Map<string, number>();
  const surfaces = new Map<string, string[]>();
  const derivedFrom = new Map<string, string[]>();
  const derive = (key: string, word: Word, weight: number): void => {
    if (words.has(key) && surfaces.has(key)) return;
    add(words, key, weight);
    addSpelling(derivedFrom, key, word.surface);
  };
  // A compound part or truncation target may itself be a board typo's usual spelling.
  const deriveWithVariant = (key: string, word: Word, weight: number): void => {
    derive(key, word, weight);
    const usual = lexicon.variants.get(key);
    if (usual !== undefined) derive(usual, word, weight);
  };
  for (const token of tokens) {
    for (const word of wordsOf(token)) {
      add(words, word.stem, 1);
      addSpelling(surfaces, word.stem, word.surface);
      const usual = lexicon.variants.get(word.stem) ?? word.stem;
      if (usual !== word.stem) derive(usual, word, DERIVED_WEIGHT);
      const root = derivationalRoot(usual);
      if (root !== usual) derive(root, word, DERIVED_WEIGHT);
      // A hyphenated word's parts are already there.
      if (word === token.joined) continue;
      for (const part of compoundParts(word, lexicon))
        deriveWithVariant(part, word, DERIVED_WEIGHT);
    }
    const [single] = token.parts;
    if (token.truncated && single && token.parts.length === 1) {
      const expanded = expansion(single, lexicon);
      if (expanded !== undefined) deriveWithVariant(expanded, single, GUESSED_WEIGHT);
    }
    addNgrams(ngrams, token.letters);
  }
  return { words, ngrams, surfaces, derivedFrom };
}

/** Features of each text, in the context of all the texts (one board). */
export function extractFeatures(texts: readonly string[]): NoteFeatures[] {
  const stem = cachedStemmer();
  const analysed = texts.map((text) => analyse(text, stem));
  const lexicon = buildLexicon(analysed);
  return analysed.map((tokens) => noteFeatures(tokens, lexicon));
}
