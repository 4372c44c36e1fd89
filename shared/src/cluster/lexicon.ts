/**
 * What a board's notes say as a whole, for reading each note in its context:
 * which stems and words occur, how often, and which are misspellings of
 * others. Compounds, truncations and typos are resolved against the board
 * itself, not against a dictionary, so the method needs no word list and no
 * knowledge of a particular workshop.
 */
import type { AnalysedToken, Word } from './analyze.ts';
import { withinEdits } from './morphology.ts';

export interface Lexicon {
  /** Every stem written on the board. */
  readonly stems: ReadonlySet<string>;
  /** Folded words written in full (not cut short), with count and stem. */
  readonly fullWords: ReadonlyMap<string, { readonly count: number; readonly stem: string }>;
  /** Misspelt or variant stem → the board's usual spelling of it. */
  readonly variants: ReadonlyMap<string, string>;
}

export function wordsOf(token: AnalysedToken): Word[] {
  return token.joined ? [...token.parts, token.joined] : [...token.parts];
}

/** Words shorter than this are too short to tell a typo from another word. */
const MIN_TYPO_LENGTH = 6;

/** One edit for ordinary words, two from ten letters on ("Digitalisirung"). */
function allowedEdits(a: string, b: string): number {
  return Math.min(a.length, b.length) >= 10 ? 2 : 1;
}

/**
 * Pairs of stems a typo apart. Typos rarely hit the first two letters, so
 * only stems sharing them are compared: that keeps a 500-note board fast.
 * Each stem maps to its "better" neighbour (more frequent, else longer), so
 * a typo is read as the usual spelling.
 */
function findVariants(noteCounts: ReadonlyMap<string, number>): Map<string, string> {
  const buckets = new Map<string, string[]>();
  for (const stem of noteCounts.keys()) {
    if (stem.length < MIN_TYPO_LENGTH) continue;
    const key = stem.slice(0, 2);
    const bucket = buckets.get(key);
    if (bucket) bucket.push(stem);
    else buckets.set(key, [stem]);
  }
  const rank = (stem: string): number => noteCounts.get(stem) ?? 0;
  // Equally frequent: the longer spelling, since hasty writing drops letters
  // more often than it adds them ("Datenschtz"); then the alphabetically first.
  const better = (a: string, b: string): boolean =>
    rank(a) > rank(b) ||
    (rank(a) === rank(b) && (a.length > b.length || (a.length === b.length && a < b)));
  const variants = new Map<string, string>();
  for (const bucket of buckets.values()) {
    for (const stem of bucket) {
      let best: string | undefined;
      for (const other of bucket) {
        if (other === stem || !better(other, stem)) continue;
        if (best !== undefined && !better(other, best)) continue;
        if (withinEdits(stem, other, allowedEdits(stem, other))) best = other;
      }
      if (best !== undefined) variants.set(stem, best);
    }
  }
  return variants;
}

export function buildLexicon(notes: readonly AnalysedToken[][]): Lexicon {
  const stems = new Set<string>();
  const noteCounts = new Map<string, number>();
  const fullWords = new Map<string, { count: number; stem: string }>();
  for (const tokens of notes) {
    const inNote = new Set<string>();
    for (const token of tokens) {
      for (const word of wordsOf(token)) {
        stems.add(word.stem);
        inNote.add(word.stem);
        if (token.truncated) continue;
        const entry = fullWords.get(word.folded);
        if (entry) entry.count++;
        else fullWords.set(word.folded, { count: 1, stem: word.stem });
      }
    }
    for (const stem of inNote) noteCounts.set(stem, (noteCounts.get(stem) ?? 0) + 1);
  }
  return { stems, fullWords, variants: findVariants(noteCounts) };
}

/** A compound's parts need this many letters: "Be|arbeitung" is no compound. */
const MIN_PART = 4;
/** After a modifier found as a written word, the rest must be a word too: not "Stand|ards". */
const MIN_REST = 5;
/** Linking elements between the parts of a compound ("Information|s|austausch"). */
const LINKS = ['', 's', 'es', 'n', 'en'] as const;

/** The modifier as a board stem, with or without a linking element ("informations" → "information"). */
function knownModifier(modifier: string, lexicon: Lexicon): string | undefined {
  for (const link of LINKS) {
    if (!modifier.endsWith(link)) continue;
    const part = modifier.slice(0, modifier.length - link.length);
    if (part.length >= MIN_PART && lexicon.stems.has(part)) return part;
  }
  return undefined;
}

/**
 * Stems of the parts of a compound that the board writes on their own:
 * - the head, the longest board stem that ends the word's stem
 *   ("Informationsaustausch" → "austausch");
 * - the modifier, when the rest of the stem less a linking element is a board
 *   stem ("Themenfeld|struktur"), or when the word starts with a word the
 *   board writes in full ("Datenschutz|fragen"), which also covers compounds
 *   whose head the board never writes alone.
 */
export function compoundParts(word: Word, lexicon: Lexicon): string[] {
  const parts: string[] = [];
  const { stem, folded } = word;
  for (let start = MIN_PART; stem.length - start >= MIN_PART; start++) {
    const head = stem.slice(start);
    if (!lexicon.stems.has(head)) continue;
    parts.push(head);
    const modifier = knownModifier(stem.slice(0, start), lexicon);
    if (modifier !== undefined) parts.push(modifier);
    break;
  }
  for (let end = folded.length - MIN_REST; end >= MIN_PART; end--) {
    const entry = lexicon.fullWords.get(folded.slice(0, end));
    if (!entry || entry.stem === stem) continue;
    if (!parts.includes(entry.stem)) parts.push(entry.stem);
    break;
  }
  return parts;
}

const MIN_TRUNCATED_LENGTH = 3;

/** The stem of the most frequent full word that a truncated word ("Umsetz.") abbreviates. */
export function expansion(word: Word, lexicon: Lexicon): string | undefined {
  if (word.folded.length < MIN_TRUNCATED_LENGTH) return undefined;
  let best: { folded: string; count: number; stem: string } | undefined;
  for (const [folded, entry] of lexicon.fullWords) {
    if (folded.length <= word.folded.length || !folded.startsWith(word.folded)) continue;
    const better =
      !best || entry.count > best.count || (entry.count === best.count && folded < best.folded);
    if (better) best = { folded, ...entry };
  }
  return best && best.stem !== word.stem ? best.stem : undefined;
}
