/**
 * Which cluster a note belongs to by where it lies: the frame containing the
 * note's centre (the note's current cluster wins while it stays inside, then
 * the smallest frame, so a frame drawn inside another catches its notes).
 */
import type { Cluster } from '../model/cluster.ts';
import type { ClusterId } from '../model/ids.ts';
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
