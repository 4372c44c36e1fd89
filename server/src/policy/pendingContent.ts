/**
 * Who sent the content Yjs keeps pending. Structs and deletions whose
 * dependencies have not arrived wait in `doc.store.pendingStructs` /
 * `pendingDs` and are integrated later, inside the transaction of whichever
 * update supplies the dependency. Judged by that transaction's origin alone, a
 * participant's hand-crafted update that builds on (or deletes) a
 * facilitator's next items would ride in on the facilitator's change.
 *
 * So after every judged transaction the role policy records what is pending
 * and whether a non-facilitator contributed to it; a later transaction that
 * integrates any of it is judged as that participant's. In normal operation
 * nothing is pending (a client only builds on what the server relayed to it),
 * so this costs nothing; it matters for crafted updates and for the rare race
 * of two tabs sharing edits through BroadcastChannel faster than the server.
 */
import * as Y from 'yjs';

interface Range {
  from: number;
  to: number;
}

interface Pending {
  /** Clock ranges of pending structs per client. */
  structs: Map<number, Range>;
  /** Pending deletions per client. */
  deletes: Map<number, Range[]>;
}

export interface PendingOwner {
  /** The participant id of the (only) participant whose content is pending, or null. */
  participantId: string | null;
}

interface Track extends Pending {
  /** Set once a non-facilitator contributed pending content. */
  owner: PendingOwner | null;
}

const tracks = new WeakMap<Y.Doc, Track>();

function readPending(doc: Y.Doc): Pending | null {
  const { pendingStructs, pendingDs } = doc.store;
  if (!pendingStructs && !pendingDs) return null;
  const structs = new Map<number, Range>();
  if (pendingStructs) {
    const meta = Y.parseUpdateMetaV2(pendingStructs.update);
    for (const [client, to] of meta.to)
      structs.set(client, { from: meta.from.get(client) ?? 0, to });
  }
  const deletes = new Map<number, Range[]>();
  if (pendingDs) {
    for (const [client, items] of Y.decodeUpdateV2(pendingDs).ds.clients) {
      deletes.set(
        client,
        items.map((item) => ({ from: item.clock, to: item.clock + item.len })),
      );
    }
  }
  return { structs, deletes };
}

const overlaps = (a: Range, b: Range): boolean => a.from < b.to && b.from < a.to;

/**
 * The participant whose pending content this transaction integrated, or
 * undefined when it integrated none (or only a facilitator's).
 */
export function pendingOwnerIntegrated(doc: Y.Doc, tr: Y.Transaction): PendingOwner | undefined {
  const track = tracks.get(doc);
  if (!track?.owner) return undefined;
  for (const [client, range] of track.structs) {
    const advanced = { from: tr.beforeState.get(client) ?? 0, to: tr.afterState.get(client) ?? 0 };
    if (overlaps(range, advanced)) return track.owner;
  }
  for (const [client, ranges] of track.deletes) {
    const deleted = tr.deleteSet.clients.get(client) ?? [];
    for (const item of deleted) {
      const range = { from: item.clock, to: item.clock + item.len };
      if (ranges.some((r) => overlaps(r, range))) return track.owner;
    }
  }
  return undefined;
}

function sameRanges(a: Pending, b: Pending): boolean {
  if (a.structs.size !== b.structs.size || a.deletes.size !== b.deletes.size) return false;
  for (const [client, r] of a.structs) {
    const other = b.structs.get(client);
    if (!other || other.from !== r.from || other.to !== r.to) return false;
  }
  for (const [client, ranges] of a.deletes) {
    const other = b.deletes.get(client);
    if (!other || other.length !== ranges.length) return false;
    if (ranges.some((r, i) => r.from !== other[i]!.from || r.to !== other[i]!.to)) return false;
  }
  return true;
}

/** Records what is pending after a transaction of a connection with this role. */
export function recordPending(doc: Y.Doc, role: string, participantId: string | null): void {
  const now = readPending(doc);
  if (!now) {
    tracks.delete(doc);
    return;
  }
  const before = tracks.get(doc);
  let owner = before?.owner ?? null;
  if (role !== 'facilitator' && (!before || !sameRanges(before, now))) {
    owner =
      owner === null || owner.participantId === participantId
        ? { participantId }
        : { participantId: null };
  }
  tracks.set(doc, { ...now, owner });
}
