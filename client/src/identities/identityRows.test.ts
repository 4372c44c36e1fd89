import type { Note } from '@pinnwand/shared/model/note';
import { describe, expect, it } from 'vitest';
import { identityCounts, identityRows } from './identityRows.ts';

const note = (
  authorId: string,
  author: string,
  createdAt: number,
  votes: Record<string, number> = {},
) =>
  ({
    authorId,
    author,
    createdAt,
    votes: { total: Object.values(votes).reduce((a, b) => a + b, 0), byParticipant: votes },
  }) as unknown as Note;

const issued = (
  participantId: string,
  issuedAt: number,
  revokedAt: number | null = null,
  connected = 0,
) => ({
  participantId,
  issuedAt,
  revokedAt,
  connected,
});

describe('identity rows', () => {
  it('names each identity from presence and its notes, and counts its notes and votes', () => {
    const rows = identityRows(
      [issued('a', 1, null, 1), issued('b', 2)],
      [
        note('a', 'Anna', 10, { b: 2 }),
        note('a', 'Anna M.', 20),
        note('x', 'Fremd', 5, { a: 1, b: 1 }),
      ],
      [{ id: 'a', name: 'Anna' }],
      'b',
    );
    expect(
      rows.map((r) => [r.participantId, r.names, r.notes, r.votes, r.own, r.connected]),
    ).toEqual([
      ['a', ['Anna', 'Anna M.'], 2, 1, false, 1],
      ['b', [], 0, 3, true, 0],
    ]);
  });

  it('points out valid identities that go by the same name, and lists revoked ones last', () => {
    const rows = identityRows(
      [issued('a', 1), issued('old', 2, 50), issued('b', 3), issued('c', 4)],
      [
        note('a', 'Bernd', 1),
        note('b', ' bernd ', 2),
        note('old', 'Bernd', 3),
        note('c', 'Cem', 4),
      ],
      [],
      'z',
    );
    expect(rows.map((r) => [r.participantId, r.sharesName])).toEqual([
      ['a', true],
      ['b', true],
      ['c', false],
      ['old', false],
    ]);
  });

  it('lists a device that only opened the link apart, after the people, and counts it apart', () => {
    const rows = identityRows(
      [
        issued('me', 1, null, 1),
        issued('early', 2),
        issued('anna', 3, null, 1),
        issued('voter', 4),
      ],
      [note('anna', 'Anna', 10, { voter: 1 })],
      [{ id: 'me', name: 'Fiona' }],
      'me',
    );
    expect(rows.map((r) => [r.participantId, r.unnamed])).toEqual([
      ['me', false],
      ['anna', false],
      // No name known, but it voted: someone, not just an opened link.
      ['voter', false],
      ['early', true],
    ]);
    expect(identityCounts(rows)).toEqual({ people: 3, unnamed: 1 });
  });
});
