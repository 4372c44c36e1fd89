/**
 * Reading a Y.Map entry as it was before and as it is after a transaction,
 * from inside `afterTransaction` (before garbage collection, so the content
 * of items deleted by the transaction is still there). The update policies
 * judge what a transaction changed from these values, never from a field a
 * client wrote about itself.
 *
 * A Y.Map keeps every value ever set for a key as a chain of items (older to
 * the left); the live one is the rightmost that is not deleted. So the value
 * before the transaction is the rightmost item that the transaction did not
 * create, unless it was already deleted before the transaction.
 */
import * as Y from 'yjs';

/** Any Yjs type: only its item (null for a root type) matters here. */
type AnyType = Pick<Y.AbstractType<unknown>, '_item'>;

/** Whether the transaction created the struct with this id. */
export function addedIn(tr: Y.Transaction, id: Y.ID): boolean {
  return id.clock >= (tr.beforeState.get(id.client) ?? 0);
}

/** Whether the transaction deleted the struct with this id. */
export function deletedIn(tr: Y.Transaction, id: Y.ID): boolean {
  return Y.isDeleted(tr.deleteSet, id);
}

/** Whether the type existed (created and not deleted) before the transaction. Root types always did. */
export function existedBefore(type: AnyType, tr: Y.Transaction): boolean {
  const item = type._item;
  if (!item) return true;
  if (addedIn(tr, item.id)) return false;
  return !item.deleted || deletedIn(tr, item.id);
}

/** Whether the type exists now (not deleted). Deleting a type deletes everything in it. */
export function existsNow(type: AnyType): boolean {
  return !type._item?.deleted;
}

function lastValue(item: Y.Item): unknown {
  const content = item.content.getContent() as unknown[];
  return content[content.length - 1];
}

/** The entry's value before the transaction; undefined when absent (or the map did not exist). */
export function valueBefore(map: Y.Map<unknown>, key: string, tr: Y.Transaction): unknown {
  if (!existedBefore(map, tr)) return undefined;
  let item: Y.Item | null = map._map.get(key) ?? null;
  while (item && addedIn(tr, item.id)) item = item.left;
  if (!item) return undefined;
  if (item.deleted && !deletedIn(tr, item.id)) return undefined;
  return lastValue(item);
}

/** The entry's value now; undefined when absent or when the map itself was deleted. */
export function valueAfter(map: Y.Map<unknown>, key: string): unknown {
  return existsNow(map) ? map.get(key) : undefined;
}

/** All entries of a map before the transaction. */
export function entriesBefore(map: Y.Map<unknown>, tr: Y.Transaction): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  for (const key of map._map.keys()) {
    const value = valueBefore(map, key, tr);
    if (value !== undefined) entries.set(key, value);
  }
  return entries;
}

/** All entries of a map now (none when the map was deleted). */
export function entriesAfter(map: Y.Map<unknown>): Map<string, unknown> {
  return existsNow(map) ? new Map(map.entries()) : new Map();
}

/** The entry's value before and after, deduplicated, leaving out absent ones. */
export function valuesAround(map: Y.Map<unknown>, key: string, tr: Y.Transaction): unknown[] {
  const values = new Set<unknown>([valueBefore(map, key, tr), valueAfter(map, key)]);
  values.delete(undefined);
  return [...values];
}

/** A text's content before the transaction ('' if it did not exist); linear in the text. */
export function textBefore(text: Y.Text, tr: Y.Transaction): string {
  if (!existedBefore(text, tr)) return '';
  let result = '';
  for (let item = text._start; item !== null; item = item.right) {
    if (addedIn(tr, item.id)) continue;
    if (item.deleted && !deletedIn(tr, item.id)) continue;
    if (item.content instanceof Y.ContentString) result += item.content.str;
  }
  return result;
}

/** A note's text as a string: before the transaction when `tr` is given, else now. */
export function textOf(value: unknown, tr: Y.Transaction | null): string {
  if (!(value instanceof Y.Text)) return '';
  return tr ? textBefore(value, tr) : value._item?.deleted ? '' : value.toString();
}
