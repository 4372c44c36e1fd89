// A text edited away from the document (the outline's form) is saved as the
// change the person made, not as the whole text: the form remembers the text
// it opened with (base), the person's draft is "mine", the note's Y.Text now
// is "theirs" (others' edits that arrived meanwhile, e.g. while this device
// was offline). Both are aligned to the base by a character diff, and only
// the person's own insertions and deletions are applied to the Y.Text, at the
// places they map to now — others' edits anywhere else in the note survive,
// and what both deleted or both typed identically happens once.
//
// The diff is per code point (an emoji is never split into halves, which Yjs
// would store as U+FFFD), trims the common prefix and suffix, and aligns the
// middle by a longest common subsequence; a middle too large for that (far
// beyond a note's length) is taken as one replaced block.
import type * as Y from 'yjs';

/** A diff of `base` to another text, per code point of the base. */
interface Alignment {
  /** Whether base code point i is gone. */
  deleted: boolean[];
  /** What stands before base code point i (at index n: after the last). */
  inserted: string[];
}

/** Above this many cells (middle of base × middle of other) the middle is one block. */
const MAX_CELLS = 4_000_000;

function align(base: readonly string[], other: readonly string[]): Alignment {
  const n = base.length;
  const deleted = new Array<boolean>(n).fill(false);
  const inserted = new Array<string>(n + 1).fill('');
  let start = 0;
  while (start < n && start < other.length && base[start] === other[start]) start++;
  let end = 0;
  while (
    end < n - start &&
    end < other.length - start &&
    base[n - 1 - end] === other[other.length - 1 - end]
  )
    end++;
  const a = base.slice(start, n - end);
  const b = other.slice(start, other.length - end);
  const rows = a.length;
  const cols = b.length;
  if (rows * cols > MAX_CELLS) {
    for (let i = 0; i < rows; i++) deleted[start + i] = true;
    inserted[start] = b.join('');
    return { deleted, inserted };
  }
  // lcs[i * (cols + 1) + j]: the longest common subsequence of a[i..] and b[j..].
  const width = cols + 1;
  const lcs = new Uint32Array((rows + 1) * width);
  for (let i = rows - 1; i >= 0; i--)
    for (let j = cols - 1; j >= 0; j--)
      lcs[i * width + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
  let i = 0;
  let j = 0;
  while (i < rows || j < cols) {
    if (i < rows && j < cols && a[i] === b[j]) {
      i++;
      j++;
    } else if (
      j >= cols ||
      (i < rows && (lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0))
    ) {
      deleted[start + i] = true;
      i++;
    } else {
      inserted[start + i] = (inserted[start + i] ?? '') + (b[j] ?? '');
      j++;
    }
  }
  return { deleted, inserted };
}

/** One change to the current text, applied in order (each at the text as the ones before left it). */
export type TextEdit = { at: number; insert: string } | { at: number; delete: number };

/**
 * The person's change from `base` to `mine`, as edits of `theirs` (the text
 * now), and the text they give. Indices are UTF-16 units, as Y.Text counts.
 */
export function mergeText(
  base: string,
  mine: string,
  theirs: string,
): { edits: TextEdit[]; text: string } {
  const b = Array.from(base);
  const ours = align(b, Array.from(mine));
  const others = align(b, Array.from(theirs));
  const edits: TextEdit[] = [];
  let text = '';
  for (let i = 0; i <= b.length; i++) {
    text += others.inserted[i];
    const add = ours.inserted[i] ?? '';
    // Typed the same at the same place by both: once.
    if (add && add !== others.inserted[i]) {
      edits.push({ at: text.length, insert: add });
      text += add;
    }
    const char = b[i];
    if (char === undefined || others.deleted[i]) continue;
    if (!ours.deleted[i]) text += char;
    else {
      const last = edits.at(-1);
      if (last && 'delete' in last && last.at === text.length) last.delete += char.length;
      else edits.push({ at: text.length, delete: char.length });
    }
  }
  return { edits, text };
}

/** Applies `edits` to `ytext` (inside the caller's transaction). */
export function applyTextEdits(ytext: Y.Text, edits: readonly TextEdit[]): void {
  for (const edit of edits) {
    if ('insert' in edit) ytext.insert(edit.at, edit.insert);
    else ytext.delete(edit.at, edit.delete);
  }
}
