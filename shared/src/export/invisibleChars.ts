/**
 * Characters that change how text around them is shown without being seen
 * themselves: bidirectional embeddings, overrides and isolates (a U+202E in a
 * note reverses what follows: "Trojan Source") and zero-width spaces that hide
 * inside words. Documents people read (Markdown, PDF, PNG) show them as a
 * visible `[U+202E]`, so a reader sees exactly what was typed and nothing
 * spills into the next line. The data formats (CSV, JSON backup) keep the text
 * exactly: every value there is isolated in its cell or string.
 *
 * Left alone on purpose: the joiners U+200C/U+200D (emoji sequences, Persian
 * and Indic scripts need them) and the marks U+200E/U+200F (they affect only
 * their neighbours, never what follows).
 */
const INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]/g;

const codePoint = (c: string) =>
  `[U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`;

export function revealInvisibles(text: string): string {
  return text.replace(INVISIBLE, codePoint);
}
