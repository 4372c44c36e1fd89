/**
 * What a transaction touched, as paths from a root map: ['meta', 'phase'],
 * ['boards', '<boardId>', 'title'], ['notes', '<noteId>', 'text'] (null key:
 * the content of a list or text changed), ['notes', '<noteId>'] for a note that
 * was added or removed as a whole. For update policies.
 */
import * as Y from 'yjs';

export type TouchedPath = readonly (string | null)[];

/** Path of a type from the root, e.g. ['notes', 'n1', 'votes'] for a note's votes map. */
export function pathOfType(type: Y.AbstractType<unknown>): string[] {
  const path: string[] = [];
  let current: Y.AbstractType<unknown> | null = type;
  while (current) {
    const item: Y.Item | null = current._item;
    if (item === null) {
      path.unshift(Y.findRootTypeKey(current));
      break;
    }
    path.unshift(item.parentSub ?? String(indexHint(item)));
    current = item.parent as Y.AbstractType<unknown> | null;
  }
  return path;
}

// A type inside a list has no key; its position is not stable, so call it '#'.
function indexHint(_item: Y.Item): string {
  return '#';
}

export function touchedPaths(transaction: Y.Transaction): TouchedPath[] {
  const paths: TouchedPath[] = [];
  for (const [type, keys] of transaction.changed) {
    const base = pathOfType(type as Y.AbstractType<unknown>);
    for (const key of keys) paths.push([...base, key]);
  }
  return paths;
}
