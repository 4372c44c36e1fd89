/**
 * Which cluster a note belongs to by where it lies: the frame containing the
 * note's centre (the note's current cluster wins while it stays inside, then
 * the smallest frame, so a frame drawn inside another catches its notes).
 * The same rule settles notes after a frame itself was drawn, moved or resized.
 */
import type { Cluster } from '../model/cluster.ts';
import type { ClusterId, NoteId } from '../model/ids.ts';
import { noteCentreInside, type Point } from '../model/layout.ts';

export function clusterAt(
  note: Point & { clusterId: ClusterId | null },
  clusters: readonly Cluster[],
): ClusterId | null {
  const inside = clusters.filter((c) => noteCentreInside(note, c));
  if (inside.length === 0) return null;
  if (note.clusterId && inside.some((c) => c.id === note.clusterId)) return note.clusterId;
  inside.sort((a, b) => a.width * a.height - b.width * b.height);
  return inside[0]?.id ?? null;
}

/** What a change to some frames does to membership: who joins which cluster, who leaves. */
export interface FrameMembership {
  joins: Map<ClusterId, NoteId[]>;
  /** Notes that lie in no frame any more: they become unclustered. */
  leaves: NoteId[];
}

/**
 * After `changed` frames were drawn, moved or resized (`clusters` as they are
 * now): the notes whose cluster by `clusterAt` is no longer the one they
 * have, as far as a changed frame is involved — a note now lying in a changed
 * frame joins it (unless it still lies in its own cluster), a member now outside its changed frame leaves it (for the
 * frame it still lies in, or for none). Notes that a changed frame neither
 * gained nor lost keep what they have, even where it disagrees with the board:
 * that was someone else's doing, not this change's.
 */
export function membershipAfterFrameChange(
  notes: readonly (Point & { id: NoteId; clusterId: ClusterId | null })[],
  clusters: readonly Cluster[],
  changed: ReadonlySet<ClusterId>,
): FrameMembership {
  const result: FrameMembership = { joins: new Map(), leaves: [] };
  for (const note of notes) {
    const target = clusterAt(note, clusters);
    if (target === note.clusterId) continue;
    const gained = target !== null && changed.has(target);
    const lost = note.clusterId !== null && changed.has(note.clusterId);
    if (!gained && !lost) continue;
    if (target) result.joins.set(target, [...(result.joins.get(target) ?? []), note.id]);
    else result.leaves.push(note.id);
  }
  return result;
}
