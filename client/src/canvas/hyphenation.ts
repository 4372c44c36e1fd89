// Where a long word may be broken across lines, from TeX's German hyphenation
// patterns (Liang's algorithm, the `hyphen` package): "Er|fah|rungs|aus|tausch".
// The patterns are a 150 KB (gzipped) chunk of their own, loaded once the
// first picture is drawn: notes drawn before they arrive use hyphenate.ts's
// syllable heuristic, and everything laid out is redrawn when they come
// (`onHyphenationChange`). German patterns for every note: workshops are
// written in German, and English words break acceptably by them too.

import type { HyphenationFunctionSync } from 'hyphen';

const MARK = '\u00AD';
let hyphenate: HyphenationFunctionSync | null = null;
let loading: Promise<void> | null = null;
let version = 0;
const listeners = new Set<() => void>();

/** Loads the patterns (once); resolves when they can be used, or failed to load. */
export function loadHyphenation(): Promise<void> {
  loading ??= import('hyphen/de-1996')
    .then((mod) => {
      // A CommonJS module: its exports may sit on `default` once bundled.
      const api = mod.default ?? mod;
      hyphenate = api.hyphenateSync;
      version += 1;
      for (const listener of listeners) listener();
    })
    .catch(() => {
      // Offline before the chunk was cached: the heuristic stays in use.
    });
  return loading;
}

/** Changes whenever the break points of words may have changed (layouts keyed on it stay valid). */
export function hyphenationVersion(): number {
  return version;
}

/** Calls `listener` when the patterns arrive; returns the unsubscribe. */
export function onHyphenationChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Indices where `word` may be broken (before `word[j]`), ascending, or null
 * while the patterns are not loaded. Soft hyphens the author typed are break
 * points of their own and replace the patterns' guesses.
 */
export function patternBreaks(word: string): number[] | null {
  if (word.includes(MARK)) {
    const typed: number[] = [];
    for (let j = 0; j < word.length; j++) if (word[j] === MARK) typed.push(j + 1);
    return typed;
  }
  if (!hyphenate) return null;
  const marked = hyphenate(word, { hyphenChar: MARK, minWordLength: 5 });
  const breaks: number[] = [];
  let index = 0;
  for (const char of marked) {
    if (char === MARK) breaks.push(index);
    else index += char.length;
  }
  return breaks;
}
