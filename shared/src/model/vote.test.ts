import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { asParticipantId } from './ids.ts';
import { readVotes, votesOf } from './vote.ts';

describe('votes', () => {
  it('tallies valid counts, skips zero, reports malformed', () => {
    const map = new Y.Doc().getMap<unknown>('votes');
    map.set('a', 2);
    map.set('b', 0);
    map.set('c', -1);
    map.set('d', 1.5);
    const read = readVotes(map, 'notes/n');
    expect(read.tally).toEqual({ total: 2, byParticipant: { a: 2 } });
    expect(read.problems).toHaveLength(2);
    expect(read.problems[0]).toMatch(/^notes\/n\.votes\.c: /);
    expect(votesOf(map, asParticipantId('a'))).toBe(2);
    expect(votesOf(map, asParticipantId('c'))).toBe(0);
    expect(votesOf(undefined, asParticipantId('a'))).toBe(0);
  });
});
