/**
 * Headings for proposed clusters, and the reason the notes belong together.
 *
 * A term is "shared" when at least two of the cluster's notes contain it. Its
 * strength is its summed TF-IDF weight over the cluster's notes: a word in
 * many of them but rare elsewhere on the board is what sets the cluster apart.
 * Terms are shown as people wrote them ("Länder", "Bund-Länder"), choosing the
 * most frequent spelling, never as stems ("land").
 */
import type { NoteFeatures } from './features.ts';
import { foldCharacters } from './normalize.ts';

export interface SharedTerm {
  /** The term as most often written in the cluster's notes. */
  readonly text: string;
  /** How many of the cluster's notes contain it. */
  readonly noteCount: number;
}

interface Candidate {
  readonly key: string;
  readonly noteCount: number;
  /** In how many of the notes the key is written, not derived. */
  readonly written: number;
  readonly score: number;
}

function capitalised(word: string | undefined): boolean {
  const first = word?.charAt(0) ?? '';
  return first !== first.toLowerCase();
}

function mostFrequentSpelling(
  key: string,
  notes: readonly number[],
  features: readonly NoteFeatures[],
  source: 'surfaces' | 'derivedFrom',
): string | undefined {
  const counts = new Map<string, number>();
  for (const note of notes) {
    for (const spelling of features[note]?.[source].get(key) ?? []) {
      counts.set(spelling, (counts.get(spelling) ?? 0) + 1);
    }
  }
  let best: string | undefined;
  let bestCount = 0;
  // Ties go to a capitalised spelling (German nouns are, and headings are
  // nouns: "Ländern" before "land" in "U-land"), then to the one met first.
  for (const [spelling, count] of counts) {
    if (count > bestCount || (count === bestCount && capitalised(spelling) && !capitalised(best))) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}

function trigrams(key: string): Set<string> {
  const padded = `#${key}#`;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

/** Dice coefficient of the trigram sets: 1 for equal words, ~0.7 for one typo in ten letters. */
function trigramDice(a: string, b: string): number {
  const x = trigrams(a);
  const y = trigrams(b);
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared++;
  return (2 * shared) / (x.size + y.size);
}

/** Similar enough to be the same word misspelt ("Practise"/"Practice"). */
const FUZZY_DICE = 0.6;

/** How many members contain each key: exactly, or with `fuzzy`, as a near spelling. */
function countNotes(
  members: readonly number[],
  features: readonly NoteFeatures[],
  fuzzy: boolean,
): Map<string, number> {
  const keysOf = members.map((member) => new Set(features[member]?.words.keys() ?? []));
  const contains = (keys: ReadonlySet<string>, key: string): boolean => {
    if (keys.has(key)) return true;
    if (!fuzzy) return false;
    for (const k of keys) if (trigramDice(k, key) >= FUZZY_DICE) return true;
    return false;
  };
  const counts = new Map<string, number>();
  for (const keys of keysOf) {
    for (const key of keys) {
      if (!counts.has(key)) counts.set(key, keysOf.filter((other) => contains(other, key)).length);
    }
  }
  return counts;
}

/**
 * Shared word features of the members, strongest first. Only when no word is
 * shared exactly (notes joined through typos) are near spellings counted.
 */
function candidates(
  members: readonly number[],
  features: readonly NoteFeatures[],
  idf: ReadonlyMap<string, number>,
): Candidate[] {
  let noteCounts = countNotes(members, features, false);
  if (![...noteCounts.values()].some((count) => count >= 2)) {
    noteCounts = countNotes(members, features, true);
  }
  const result: Candidate[] = [];
  for (const [key, noteCount] of noteCounts) {
    if (noteCount < 2) continue;
    let weight = 0;
    let written = 0;
    for (const member of members) {
      weight += features[member]?.words.get(key) ?? 0;
      if (features[member]?.surfaces.has(key)) written++;
    }
    // Near spellings (fuzzy) may not carry the key itself: count them as half.
    const score = Math.max(weight, noteCount / 2) * (idf.get(key) ?? 0);
    result.push({ key, noteCount, written, score });
  }
  // On equal strength, a word people wrote beats one derived from their words.
  return result.sort(
    (x, y) => y.score - x.score || y.written - x.written || (x.key < y.key ? -1 : 1),
  );
}

/** "bund" says nothing new after "bundland"; neither does "bundland" after "bund". */
function overlaps(key: string, chosen: readonly Candidate[]): boolean {
  return chosen.some((c) => c.key.includes(key) || key.includes(c.key));
}

export interface ClusterDescription {
  readonly title: string;
  readonly terms: SharedTerm[];
}

/**
 * Title and shared terms of a group of notes (`members` index `features`,
 * which covers the whole board: a term reached only through a compound,
 * "Informationsaustausch" → "Austausch", takes its spelling from where the
 * board writes it alone).
 */
export function describeCluster(
  members: readonly number[],
  features: readonly NoteFeatures[],
  idf: ReadonlyMap<string, number>,
  maxTerms: number,
): ClusterDescription {
  const chosen: Candidate[] = [];
  for (const candidate of candidates(members, features, idf)) {
    if (chosen.length >= maxTerms) break;
    if (!overlaps(candidate.key, chosen)) chosen.push(candidate);
  }
  const allNotes = features.map((_, index) => index);
  // Written in the cluster; else written alone elsewhere on the board ("Austausch"
  // for "Informationsaustausch"); else the word it was derived from.
  const terms = chosen.map((c) => ({
    text:
      mostFrequentSpelling(c.key, members, features, 'surfaces') ??
      mostFrequentSpelling(c.key, allNotes, features, 'surfaces') ??
      mostFrequentSpelling(c.key, members, features, 'derivedFrom') ??
      c.key,
    noteCount: c.noteCount,
  }));
  return { title: titleFrom(terms, members.length), terms };
}

/**
 * The strongest term, and the second one too when it is in at least half of
 * the notes ("Bund-Länder / Zusammenarbeit"). No shared term at all (notes
 * joined only through similar spellings): an honest placeholder.
 */
function titleFrom(terms: readonly SharedTerm[], size: number): string {
  const [first, second] = terms;
  if (!first) return 'Ähnliche Notizen';
  const words = [first.text];
  const differs = second && foldCharacters(second.text) !== foldCharacters(first.text);
  if (second && differs && second.noteCount * 2 >= size) words.push(second.text);
  const title = words.join(' / ');
  return title.charAt(0).toUpperCase() + title.slice(1);
}
