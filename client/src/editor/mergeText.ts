// A text edited away from the document (the outline's form) is saved as the
// change the person made, not as the whole text: the form remembers the text
// it opened with (base), the person's draft is "mine", the note's Y.Text now
// is "theirs" (others' edits that arrived meanwhile, e.g. while this device
// was offline). Both are aligned to the base by a character diff, and only
// the person's own insertions and deletions are applied to the Y.Text, at the
// places they map to now — others' edits anywhere else in the note survive,
// and what both deleted or both typed identically happens once.
//
// The diff is fast-diff's (Myers, as in diff-match-patch), read per code
// point of the base: an emoji is never split into halves, which Yjs would
// store as U+FFFD.
import diff from 'fast-diff';
import type * as Y from 'yjs';

/** A diff of `base` to another text, per code point of the base. */
interface Alignment {
  /** Whether base code point i is gone. */
  deleted: boolean[];
  /** What stands before base code point i (at index n: after the last). */
  inserted: string[];
}

function align(base: string, other: string): Alignment {
  // The code point at each UTF-16 offset of the base (a low surrogate counts
  // with its pair), and one past the end.
  const pointAt: number[] = [];
  let points = 0;
  for (const char of base) {
    for (let k = 0; k < char.length; k++) pointAt.push(points);
    points++;
  }
  pointAt.push(points);
  const deleted = new Array<boolean>(points).fill(false);
  const inserted = new Array<string>(points + 1).fill('');
  let offset = 0;
  for (const [op, text] of diff(base, other)) {
    if (op === diff.INSERT) {
      const at = pointAt[offset] ?? points;
      inserted[at] = (inserted[at] ?? '') + text;
      continue;
    }
    if (op === diff.DELETE)
      for (let k = 0; k < text.length; k++) deleted[pointAt[offset + k] ?? points] = true;
    offset += text.length;
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
  const ours = align(base, mine);
  const others = align(base, theirs);
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
