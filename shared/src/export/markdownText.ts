/**
 * Escaping for Markdown (CommonMark + GFM) so that a note's text is shown as
 * it was typed and never becomes markup: no heading, list, quote, link,
 * image, emphasis, code, table or HTML.
 *
 * A character is escaped only where it would change the rendering at that
 * place, because the file is read as plain text as often as it is rendered:
 * "Bürger*innen", "-> Ergebnis", "3-4 Wochen", "a < b", "[Entwurf]" and a
 * trailing space stay as typed, while "*wichtig*", "- Punkt" at the start of
 * a line, "[Link](…)" and "<b>" are escaped. Whether an emphasis mark, a
 * backtick or a bracket is live depends on the rest of the paragraph (a lone
 * `*` pairs with nothing), so a paragraph is escaped as a whole
 * (`escapeMarkdownParagraph`). Where a rule of CommonMark is subtle the test
 * is deliberately broader than the rule (e.g. every `*` run that is not
 * surrounded by spaces counts as a possible delimiter): an unneeded backslash
 * costs looks, a missing one injects markup.
 *
 * Leading spaces are written as numeric character references (`&#32;`):
 * Markdown would swallow them or read four as a code block. Trailing spaces
 * are left as they are; Markdown does not show them and the importer keeps
 * them.
 *
 * `unescapeMarkdownText` is the exact inverse for text this module wrote, so
 * the importer can read our own export back (round trip).
 */

// ASCII punctuation: what a backslash escapes in CommonMark.
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
// `<` followed by these can open an HTML tag, a comment, a declaration or an autolink.
const TAG_START = /[A-Za-z/!?]/;
const CHARACTER_REFERENCE = /^&#?[A-Za-z0-9]+;/;

// Block starts at the beginning of a line, each with the index of the
// character to escape.
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
const BULLET = /^[-+*](?:[ \t]|$)/;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/;
const FENCE = /^(?:`{3,}|~{3,})/;
const ORDERED = /^(\d{1,9})[.)](?:[ \t]|$)/;
// A line that could be a table's delimiter row ("|---|:--:|").
const TABLE_DELIMITER = /^(?=.*-)(?=.*[|:])[|:\- \t]+$/;
// What the strict escape (inside the author's italics) escapes everywhere.
const STRICT_SPECIAL = /[\\`*_[\]<|~]|&(?=#?[A-Za-z0-9]+;)/g;

const isBlank = (c: string | undefined) => c === undefined || /\s/u.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

interface Run {
  start: number;
  length: number;
}

function runsOf(text: string, char: string): Run[] {
  const runs: Run[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== char) continue;
    let end = i;
    while (text[end + 1] === char) end++;
    runs.push({ start: i, length: end - i + 1 });
    i = end;
  }
  return runs;
}

/**
 * Whether a run of `*`, `_` or `~` could open or close emphasis
 * (strikethrough): not when it stands between spaces, and `_` not inside a
 * word ("snake_case").
 */
function mayDelimit(text: string, run: Run, char: string): boolean {
  const before = text[run.start - 1];
  // A line that is not the last ends in the backslash of its hard break.
  const next = text[run.start + run.length];
  const after = next === '\n' ? '\\' : next;
  if (isBlank(before) && isBlank(after)) return false;
  if (char === '_' && isWordChar(before) && isWordChar(after)) return false;
  return true;
}

/** Positions in `text` (lines joined by '\n') that need a backslash. */
function positionsToEscape(text: string, lines: readonly string[]): Set<number> {
  const toEscape = new Set<number>();
  const addRun = (run: Run) => {
    for (let k = 0; k < run.length; k++) toEscape.add(run.start + k);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '\\' && (next === undefined || next === '\n' || ASCII_PUNCTUATION.test(next))) {
      toEscape.add(i);
    } else if (c === '<' && next !== undefined && TAG_START.test(next)) toEscape.add(i);
    else if (c === '&' && CHARACTER_REFERENCE.test(text.slice(i, i + 34))) toEscape.add(i);
  }
  // Emphasis and strikethrough need a partner: a lone mark stays as typed.
  for (const char of ['*', '_', '~']) {
    const live = runsOf(text, char).filter((run) => mayDelimit(text, run, char));
    if (live.length >= 2) live.forEach(addRun);
  }
  // A code span needs two backtick runs of the same length.
  const ticks = runsOf(text, '`');
  const lengths = ticks.map((run) => run.length);
  if (new Set(lengths).size < lengths.length || lines.some((l) => l.startsWith('```'))) {
    ticks.forEach(addRun);
  }
  // A link or image needs "](" after its "["; a reference definition starts
  // the paragraph with "[" and has "]:". Without them brackets are text.
  const lastLink = text.lastIndexOf('](');
  for (let i = 0; i < lastLink; i++) if (text[i] === '[') toEscape.add(i);
  if (text.startsWith('[') && text.includes(']:')) toEscape.add(0);
  // A table needs a delimiter row; with one, every pipe and the row's start are escaped.
  if (lines.some((line) => TABLE_DELIMITER.test(line))) {
    for (let i = 0; i < text.length; i++) if (text[i] === '|') toEscape.add(i);
  }
  let offset = 0;
  for (const line of lines) {
    const at = blockStart(line);
    if (at !== undefined) {
      toEscape.add(offset + at);
      // The rest of an escaped "***" would still be a run that can close emphasis.
      const run = /^([*_~`])\1*/.exec(line.slice(at));
      for (let k = 1; k < (run?.[0].length ?? 0); k++) toEscape.add(offset + at + k);
    }
    offset += line.length + 1;
  }
  return toEscape;
}

/** The index of the character that makes `line` start a block, if any. */
function blockStart(line: string): number | undefined {
  // Leading white space is written as references, so nothing after it starts a block.
  if (/^[ \t]/.test(line)) return undefined;
  if (
    ATX_HEADING.test(line) ||
    line.startsWith('>') ||
    BULLET.test(line) ||
    THEMATIC_BREAK.test(line) ||
    SETEXT_UNDERLINE.test(line) ||
    FENCE.test(line) ||
    TABLE_DELIMITER.test(line)
  ) {
    return 0;
  }
  const ordered = ORDERED.exec(line);
  return ordered ? (ordered[1] as string).length : undefined;
}

function encodeLeadingSpaces(line: string): string {
  const lead = /^[ \t]+/.exec(line)?.[0] ?? '';
  return toEntities(lead) + line.slice(lead.length);
}

function toEntities(spaces: string): string {
  return spaces.replace(/[ \t]/g, (c) => (c === '\t' ? '&#9;' : '&#32;'));
}

function applyEscapes(text: string, toEscape: ReadonlySet<number>): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += toEscape.has(i) ? `\\${text[i]}` : text[i];
  return out;
}

/**
 * Escapes the lines of one paragraph (the lines of a note, a question, a
 * summary paragraph or the cover), which the caller joins with hard breaks.
 */
export function escapeMarkdownParagraph(lines: readonly string[]): string[] {
  const text = lines.join('\n');
  return applyEscapes(text, positionsToEscape(text, lines)).split('\n').map(encodeLeadingSpaces);
}

/** One line that is a paragraph of its own. */
export function escapeMarkdownLine(line: string): string {
  return escapeMarkdownParagraph([line])[0] as string;
}

/**
 * Text inside the document's own italics (the author after a note): every
 * mark is escaped, so the name cannot end the italics or start its own.
 */
export function escapeMarkdownStrict(text: string): string {
  return text.replace(STRICT_SPECIAL, '\\$&');
}

/** Normalises line breaks and splits text into lines. */
export function textLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}

/**
 * A title for a heading: one line (line breaks become spaces). A heading's
 * text holds no blocks, but a trailing run of `#` would be read as the
 * heading's closing sequence, and spaces at its ends would be dropped.
 */
export function escapeMarkdownHeading(text: string): string {
  const line = textLines(text).join(' ');
  const toEscape = positionsToEscape(line, []);
  const closing = /(?:^|[ \t])(#+)[ \t]*$/.exec(line);
  if (closing) toEscape.add(closing.index + closing[0].indexOf('#'));
  const out = applyEscapes(line, toEscape);
  const trail = /[ \t]+$/.exec(out)?.[0] ?? '';
  return encodeLeadingSpaces(out.slice(0, out.length - trail.length)) + toEntities(trail);
}

/**
 * Reverses the escaping above: backslash escapes and the numeric character
 * references it writes. A backslash before anything that is not ASCII
 * punctuation stays a backslash, as in CommonMark.
 */
export function unescapeMarkdownText(text: string): string {
  return text.replace(
    /\\([!-/:-@[-`{-~])|&#(\d{1,7});|&#[xX]([0-9a-fA-F]{1,6});/g,
    (_m, esc, dec, hex) => {
      if (esc !== undefined) return esc as string;
      const code =
        dec !== undefined ? Number.parseInt(dec as string, 10) : Number.parseInt(hex as string, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
    },
  );
}
