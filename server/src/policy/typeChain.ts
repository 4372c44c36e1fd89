/**
 * Where a changed Yjs type sits in the workshop document: its chain of types
 * from the root down, and which of the schema's roots that is. Computed once
 * per changed type (nesting depth is bounded by the update guard), so the
 * role policy's cost stays linear in what a transaction changed.
 */
import { ROOT } from '@pinnwand/shared/model/schema';
import type * as Y from 'yjs';

/** The root types participants may write under: the schema's. */
export const SCHEMA_ROOTS: ReadonlySet<string> = new Set(Object.values(ROOT));

/** Structure first, so that e.g. deleting a board is refused as that, not as its clusters. */
const ROOT_ORDER: readonly string[] = [ROOT.meta, ROOT.boards, ROOT.summaries, ROOT.clusters];

export function rootRank(root: string | null): number {
  const rank = ROOT_ORDER.indexOf(root ?? '');
  return rank === -1 ? ROOT_ORDER.length : rank;
}

/** The schema's root types by identity (any other root is unknown). */
export function rootNames(doc: Y.Doc): Map<unknown, string> {
  const names = new Map<unknown, string>();
  for (const name of SCHEMA_ROOTS) {
    const type = doc.share.get(name);
    if (type) names.set(type, name);
  }
  return names;
}

/** The types from the root down to `type`: [root, entry, field type, …]. */
export function typeChain(type: Y.AbstractType<unknown>): Y.AbstractType<unknown>[] {
  const chain: Y.AbstractType<unknown>[] = [];
  let current: Y.AbstractType<unknown> | null = type;
  while (current) {
    chain.unshift(current);
    current = (current._item?.parent as Y.AbstractType<unknown> | null | undefined) ?? null;
  }
  return chain;
}
