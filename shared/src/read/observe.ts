/**
 * Change notification by entity. One callback per transaction with the ids of
 * the boards, clusters, notes and summaries it touched (including edits deep
 * inside them, like typing in a note or a vote), so a UI re-reads just those
 * entities instead of rebuilding the whole workshop view.
 */
import type * as Y from 'yjs';
import { boardsMap, clustersMap, metaMap, notesMap, summariesMap } from '../model/schema.ts';

export interface WorkshopChange {
  meta: boolean;
  boards: Set<string>;
  clusters: Set<string>;
  notes: Set<string>;
  summaries: Set<string>;
}

function emptyChange(): WorkshopChange {
  return {
    meta: false,
    boards: new Set(),
    clusters: new Set(),
    notes: new Set(),
    summaries: new Set(),
  };
}

/** The top-level keys of `root` that `events` changed (directly or deep inside). */
function touchedKeys(events: Y.YEvent<Y.AbstractType<unknown>>[], into: Set<string>): void {
  for (const event of events) {
    const [first] = event.path;
    if (typeof first === 'string') into.add(first);
    else if (event.path.length === 0) for (const key of event.keys.keys()) into.add(key);
  }
}

/**
 * Calls `listener` after each transaction that changed the workshop. Returns
 * a function that stops listening.
 */
export function observeWorkshop(
  doc: Y.Doc,
  listener: (change: WorkshopChange, transaction: Y.Transaction) => void,
): () => void {
  let pending: WorkshopChange | null = null;
  const take = () => {
    pending ??= emptyChange();
    return pending;
  };
  const onMeta = () => {
    take().meta = true;
  };
  const onBoards = (events: Y.YEvent<Y.AbstractType<unknown>>[]) =>
    touchedKeys(events, take().boards);
  const onClusters = (events: Y.YEvent<Y.AbstractType<unknown>>[]) =>
    touchedKeys(events, take().clusters);
  const onNotes = (events: Y.YEvent<Y.AbstractType<unknown>>[]) =>
    touchedKeys(events, take().notes);
  const onSummaries = (events: Y.YEvent<Y.AbstractType<unknown>>[]) =>
    touchedKeys(events, take().summaries);
  // observeDeep handlers run before 'afterTransaction', which delivers the
  // collected change once per transaction.
  const onAfter = (transaction: Y.Transaction) => {
    if (!pending) return;
    const change = pending;
    pending = null;
    listener(change, transaction);
  };
  const pairs: [Y.Map<unknown>, (events: Y.YEvent<Y.AbstractType<unknown>>[]) => void][] = [
    [metaMap(doc), onMeta],
    [boardsMap(doc), onBoards],
    [clustersMap(doc), onClusters],
    [notesMap(doc), onNotes],
    [summariesMap(doc), onSummaries],
  ];
  for (const [root, handler] of pairs) root.observeDeep(handler);
  doc.on('afterTransaction', onAfter);
  return () => {
    for (const [root, handler] of pairs) root.unobserveDeep(handler);
    doc.off('afterTransaction', onAfter);
  };
}
