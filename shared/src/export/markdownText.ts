/**
 * Escaping for Markdown (CommonMark + GFM) so that a note's text is shown as
 * it was typed and never becomes markup: no heading, list, quote, link,
 * image, emphasis, code, table or HTML. Every character that could start
 * markup is backslash-escaped (CommonMark allows a backslash before any ASCII
 * punctuation); characters that Markdown would swallow (leading and trailing
 * spaces) are written as numeric character references. Emoji, right-to-left
 * text and long words pass through untouched.
 *
 * `unescapeMarkdownText` is the exact inverse for text this module wrote, so
 * the importer can read our own export back (round trip).
 */

// Punctuation that can open or close markup anywhere in a line: backslash,
// code, emphasis, links/images, HTML/autolinks, tables, strikethrough; `&`
// only where it would start a character reference. `>` matters only at the
// start of a line (a quote), handled with the block starts.
const INLINE_SPECIAL = /[\\`*_[\]<|~]|&(?=#?[A-Za-z0-9]+;)/g;
// Starts of block constructs at the beginning of a line: ATX headings, quotes,
// bullet lists, setext underlines; ordered lists are handled below.
const BLOCK_START = /^[#>+\-=]/;
const ORDERED_START = /^(\d{1,9})([.)])/;

function encodeEdgeSpaces(line: string): string {
  const lead = /^[ \t]+/.exec(line)?.[0] ?? '';
  if (lead.length === line.length) return toEntities(line);
  const trail = /[ \t]+$/.exec(line)?.[0] ?? '';
  return toEntities(lead) + line.slice(lead.length, line.length - trail.length) + toEntities(trail);
}

function toEntities(spaces: string): string {
  return spaces.replace(/[ \t]/g, (c) => (c === '\t' ? '&#9;' : '&#32;'));
}

/** Escapes one line of text (no line breaks) so that it renders literally. */
export function escapeMarkdownLine(
  line: string,
  options: { escapeAllHashes?: boolean } = {},
): string {
  let out = line.replace(INLINE_SPECIAL, '\\$&');
  if (options.escapeAllHashes) out = out.replace(/#/g, '\\#');
  else if (BLOCK_START.test(out)) out = `\\${out}`;
  out = out.replace(ORDERED_START, '$1\\$2');
  return encodeEdgeSpaces(out);
}

/** Normalises line breaks and splits text into lines. */
export function textLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}

/**
 * A title for a heading: one line (line breaks become spaces), every `#`
 * escaped so that a trailing `#` is not read as a closing sequence.
 */
export function escapeMarkdownHeading(text: string): string {
  return escapeMarkdownLine(textLines(text).join(' '), { escapeAllHashes: true });
}

/**
 * Reverses `escapeMarkdownLine`: backslash escapes and the numeric character
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
