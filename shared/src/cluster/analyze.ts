/**
 * From tokens to comparable words: folded spelling, stop words removed, stems.
 *
 * Stemming uses the Snowball German stemmer from `@orama/stemmers` (Apache-2.0):
 * an ES module per language of a few KB, typed, used by the Orama search engine
 * in browsers and Node alike. (`snowball-stemmers` ships every language in one
 * 860 KB CommonJS file and has not been released since 2017.)
 */
import { stemmer } from '@orama/stemmers/german';
import { foldWord } from './normalize.ts';
import { isStopWord } from './stopwords.ts';
import { isAcronym, type Token, tokenize } from './tokenize.ts';

export interface Word {
  /** As written ("Länder", "Roll-out"). */
  readonly surface: string;
  /** Folded spelling ("lander", "rollout"). */
  readonly folded: string;
  /** The feature key: the Snowball stem, or the folded spelling for acronyms. */
  readonly stem: string;
}

export interface AnalysedToken {
  /** The hyphen parts that carry meaning (no stop words, no single letters). */
  readonly parts: readonly Word[];
  /**
   * The whole token with hyphens removed ("Roll-out" → "rollout"), so that it
   * meets the same word written closed. Undefined for a plain word (it is its part).
   */
  readonly joined: Word | undefined;
  /** The token's words as one folded string for character n-grams. */
  readonly letters: string;
  readonly truncated: boolean;
}

/** Stems a folded word. */
export type Stem = (folded: string) => string;

/** Stemming is the hot path for large boards; words repeat, so remember them. */
export function cachedStemmer(): Stem {
  const cache = new Map<string, string>();
  return (folded) => {
    let stem = cache.get(folded);
    if (stem === undefined) {
      stem = stemmer(folded);
      cache.set(folded, stem);
    }
    return stem;
  };
}

function toWord(surface: string, stem: Stem): Word {
  const folded = foldWord(surface);
  return { surface, folded, stem: isAcronym(surface) ? folded : stem(folded) };
}

function meaningful(word: Word): boolean {
  return word.folded.length >= 2 && !isStopWord(word.folded);
}

function analyseToken(token: Token, stem: Stem): AnalysedToken | undefined {
  const whole = toWord(token.parts.join(''), stem);
  // "z.B.", "d.h." and the like are stop words only as a whole.
  if (!meaningful(whole)) return undefined;
  if (token.parts.length === 1) {
    return { parts: [whole], joined: undefined, letters: whole.folded, truncated: token.truncated };
  }
  const parts = token.parts.map((part) => toWord(part, stem)).filter(meaningful);
  const joined: Word = { ...whole, surface: token.surface };
  return { parts, joined, letters: whole.folded, truncated: token.truncated };
}

export function analyse(text: string, stem: Stem): AnalysedToken[] {
  const tokens: AnalysedToken[] = [];
  for (const token of tokenize(text)) {
    const analysed = analyseToken(token, stem);
    if (analysed) tokens.push(analysed);
  }
  return tokens;
}
