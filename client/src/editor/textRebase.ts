// A change typed into a textarea, moved over others' changes to the same
// Y.Text that the textarea has not shown yet. The textarea binding holds
// remote changes back while an input method composes (rewriting the value
// then breaks the composition), so when the composition ends the textarea's
// change is relative to an older text than the Y.Text's. Diffing the textarea
// against the Y.Text would take back what others wrote meanwhile; instead the
// change is taken against what the textarea last showed and mapped through
// the held-back Y.Text deltas, which say exactly where others inserted and
// deleted (no guessing by a second diff, as mergeText.ts must for a form
// saved without them).
//
// Ties: others' text inserted exactly where this person's change starts goes
// before it (as typing after a remote insert at the caret does: the caret's
// Y relative position moves behind the insert), and what others inserted
// inside a range this person replaced stays.

/** One Y.Text delta (Y.YTextEvent['delta']): retains, deletes and inserts in order. */
export type TextDelta = ReadonlyArray<{ insert?: unknown; delete?: number; retain?: number }>;

/** A replacement of one range: delete `remove` units at `at`, insert `insert` there. */
export interface TextChange {
  at: number;
  remove: number;
  insert: string;
}

/** The change, placed in the text as others' changes left it. */
export interface RebasedChange {
  /** Where the insertion goes. */
  at: number;
  insert: string;
  /** The removed units that others had not removed already, ascending, all at or after `at`. */
  removals: [from: number, to: number][];
  /** Where a position of the textarea's value (with the change) is in the resulting text. */
  place(position: number): number;
}

/**
 * The change from `before` to `after`, one range. Where the range is
 * ambiguous (typing "a" into "aa"), it is put where the caret says the person
 * typed: an insertion ends at the caret, a deletion starts at it. That place
 * matters once others' changes sit between the candidates. Surrogate pairs
 * are never split: Y.Text counts UTF-16 units like JS strings.
 */
export function changeBetween(before: string, after: string, caret: number): TextChange | null {
  if (before === after) return null;
  const min = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < min && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < min && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) {
    suffix++;
  }
  let at = prefix;
  if (prefix + suffix > min) {
    // A pure insertion or deletion that could start anywhere in [lowest, prefix].
    const lowest = min - suffix;
    const wanted = after.length > before.length ? caret - (after.length - before.length) : caret;
    at = Math.max(lowest, Math.min(prefix, wanted));
    suffix = min - at;
  }
  let endBefore = before.length - suffix;
  let endAfter = after.length - suffix;
  if (at > 0 && isHighSurrogate(before.charCodeAt(at - 1))) at--;
  if (endBefore < before.length && isLowSurrogate(before.charCodeAt(endBefore))) {
    endBefore++;
    endAfter++;
  }
  return { at, remove: endBefore - at, insert: after.slice(at, endAfter) };
}

/** Moves `change`, made to the text before `deltas`, over them. */
export function rebase(change: TextChange, deltas: readonly TextDelta[]): RebasedChange {
  const { insert } = change;
  const end = change.at + change.remove;
  let at = change.at;
  let removals: [number, number][] = change.remove > 0 ? [[change.at, end]] : [];
  for (const delta of deltas) {
    at = mapPosition(at, delta);
    removals = removals.flatMap(([from, to]) => mapRange(from, to, delta));
  }
  const removed = removals.reduce((sum, [from, to]) => sum + to - from, 0);
  const place = (position: number): number => {
    if (position >= change.at && position <= change.at + insert.length) {
      return at + position - change.at;
    }
    if (position < change.at) return deltas.reduce((p, d) => mapPosition(p, d), position);
    const old = position - insert.length + change.remove;
    return deltas.reduce((p, d) => mapPosition(p, d), old) - removed + insert.length;
  };
  return { at, insert, removals, place };
}

function insertLength(insert: unknown): number {
  return typeof insert === 'string' ? insert.length : 1;
}

/**
 * Where a position of the text before `delta` is after it: behind anything
 * inserted at it; a removed position goes where the removal ended.
 */
function mapPosition(position: number, delta: TextDelta): number {
  let before = 0;
  let after = 0;
  let p = position;
  for (const op of delta) {
    if (op.retain !== undefined) {
      if (p < before + op.retain) return after + p - before;
      before += op.retain;
      after += op.retain;
    } else if (op.delete !== undefined) {
      before += op.delete;
      p = Math.max(p, before);
    } else {
      after += insertLength(op.insert);
    }
  }
  return after + p - before;
}

/** What is left after `delta` of the range [from, to) of the text before it, as ranges. */
function mapRange(from: number, to: number, delta: TextDelta): [number, number][] {
  const ranges: [number, number][] = [];
  let before = 0;
  let after = 0;
  const keep = (length: number) => {
    const start = Math.max(from, before);
    const stop = Math.min(to, before + length);
    if (start < stop) ranges.push([after + start - before, after + stop - before]);
  };
  for (const op of delta) {
    if (op.retain !== undefined) {
      keep(op.retain);
      before += op.retain;
      after += op.retain;
    } else if (op.delete !== undefined) {
      before += op.delete;
    } else {
      after += insertLength(op.insert);
    }
  }
  keep(Number.POSITIVE_INFINITY);
  return ranges;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
