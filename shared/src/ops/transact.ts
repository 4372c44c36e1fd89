/**
 * Every operation is exactly one Yjs transaction with a typed origin: one
 * update on the wire, one step for the undo manager, and observers see the
 * whole change at once (a bulk move of 30 notes is one re-render, not 30).
 * Operations nested inside another operation join the outer transaction.
 */
import type * as Y from 'yjs';
import type { TransactionOrigin } from '../model/origin.ts';

export function transact<T>(doc: Y.Doc, origin: TransactionOrigin, fn: () => T): T {
  let result: T | undefined;
  doc.transact(() => {
    result = fn();
  }, origin);
  return result as T;
}

/** Refuses NaN/Infinity coordinates early: they would poison every peer's layout. */
export function assertFinite(name: string, value: number): void {
  if (!Number.isFinite(value))
    throw new RangeError(`${name} must be a finite number, got ${value}`);
}

/**
 * Replaces the content of a Y.Text with `next`, touching only the changed
 * middle part, so a concurrent edit elsewhere in the text survives.
 */
export function replaceText(text: Y.Text, next: string): void {
  const current = text.toString();
  if (current === next) return;
  let start = 0;
  const max = Math.min(current.length, next.length);
  while (start < max && current[start] === next[start]) start++;
  let end = 0;
  while (end < max - start && current[current.length - 1 - end] === next[next.length - 1 - end]) {
    end++;
  }
  // Do not split a surrogate pair: Y.Text counts UTF-16 units like JS strings.
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(current.charCodeAt(current.length - end))) end--;
  const removed = current.length - start - end;
  if (removed > 0) text.delete(start, removed);
  const inserted = next.slice(start, next.length - end);
  if (inserted) text.insert(start, inserted);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
