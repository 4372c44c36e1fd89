// Membership by position: where a dropped note belongs (clusterAt), and what a
// frame drawn, moved or resized does to the notes around it.
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../model/cluster.ts';
import type { BoardId, ClusterId, NoteId } from '../model/ids.ts';
import { clusterAt, membershipAfterFrameChange } from './membership.ts';

const board = 'b' as BoardId;
const frame = (id: string, x: number, y: number, width: number, height: number): Cluster =>
  ({ id: id as ClusterId, boardId: board, title: id, x, y, width, height, order: 0 }) as Cluster;
const note = (id: string, x: number, y: number, clusterId: string | null = null) => ({
  id: id as NoteId,
  x,
  y,
  clusterId: clusterId as ClusterId | null,
});

describe('clusterAt', () => {
  it('keeps a note in its cluster while it lies there, else takes the smallest frame', () => {
    const big = frame('big', 0, 0, 1000, 1000);
    const small = frame('small', 0, 0, 400, 400);
    expect(clusterAt(note('n', 20, 60), [big, small])).toBe('small');
    expect(clusterAt(note('n', 20, 60, 'big'), [big, small])).toBe('big');
    expect(clusterAt(note('n', 2000, 60, 'big'), [big, small])).toBeNull();
  });
});

describe('membershipAfterFrameChange', () => {
  const a = frame('a', 0, 0, 800, 300);
  const changed = new Set(['a' as ClusterId]);

  it('takes in a loose note the changed frame now covers', () => {
    const result = membershipAfterFrameChange([note('loose', 500, 100)], [a], changed);
    expect(result.joins.get('a' as ClusterId)).toEqual(['loose']);
    expect(result.leaves).toEqual([]);
  });

  it('lets a member go that now lies outside, to no frame or to the frame it lies in', () => {
    const small = frame('a', 0, 0, 90, 300);
    const other = frame('o', 1000, 0, 300, 300);
    const result = membershipAfterFrameChange(
      [note('out', 500, 100, 'a'), note('over', 1050, 100, 'a')],
      [small, other],
      changed,
    );
    expect(result.leaves).toEqual(['out']);
    expect(result.joins.get('o' as ClusterId)).toEqual(['over']);
  });

  it("leaves another cluster's members and notes no changed frame touches alone", () => {
    const other = frame('o', 480, 40, 240, 240);
    const far = frame('f', 2000, 0, 300, 300);
    const result = membershipAfterFrameChange(
      [
        note('theirs', 500, 100, 'o'),
        // Out of step with the board, but not this change's doing.
        note('stray', 2500, 100, 'f'),
        note('inside', 20, 60, 'a'),
      ],
      [a, other, far],
      changed,
    );
    expect(result.joins.size).toBe(0);
    expect(result.leaves).toEqual([]);
  });
});
