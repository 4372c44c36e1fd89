/**
 * Note claims in awareness (`editing`, `editingSince`, `takeover`) lock others
 * out of a note, so the server judges them (room/AwarenessClaims.ts): the
 * claim's time is the server's, not what a client says, and nobody who may
 * not write the note can claim it.
 */
import { boardsMap, notesMap } from '@pinnwand/shared/model/schema';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { hostileRound, writeNote } from '../helpers/hostile.ts';
import { awarenessStates, type RawClient, rawRoom } from '../helpers/rawClient.ts';
import { waitFor } from '../helpers/testServer.ts';

interface ClaimState {
  user?: { name?: string };
  editing?: unknown;
  editingSince?: unknown;
  takeover?: unknown;
}

const NOTE = 'note-claimed-by-two';

function stateOf(watcher: RawClient, clientId: number): ClaimState | undefined {
  return awarenessStates(watcher.received).get(clientId) as ClaimState | undefined;
}

function claim(name: string, since: number, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ user: { name }, editing: NOTE, editingSince: since, ...extra });
}

describe('note claims in awareness', () => {
  const room = rawRoom();

  it('stamps claims with the server clock: a fake early time does not beat an honest earlier claim', async () => {
    const watcher = await room.open(room.w.participantToken);
    const honest = await room.open(room.w.participantToken);
    const hostile = await room.open(room.w.participantToken);
    honest.sendAwareness([{ clientId: 7001, clock: 1, json: claim('Anna', Date.now()) }]);
    await waitFor(() => stateOf(watcher, 7001)?.editing === NOTE, 5000, 'honest claim');
    // Claims "since the epoch", and again "since a year ago" with the same
    // note: neither moves its stamp before the honest one.
    hostile.sendAwareness([{ clientId: 7002, clock: 1, json: claim('Mallory', 0) }]);
    await waitFor(() => stateOf(watcher, 7002)?.editing === NOTE, 5000, 'hostile claim');
    hostile.sendAwareness([
      {
        clientId: 7002,
        clock: 2,
        json: claim('Mallory', Date.now() - 365 * 86_400_000, { cursor: 2 }),
      },
    ]);
    await waitFor(
      () => (stateOf(watcher, 7002) as { cursor?: number } | undefined)?.cursor === 2,
      5000,
      'hostile again',
    );

    const honestSince = stateOf(watcher, 7001)?.editingSince;
    const hostileSince = stateOf(watcher, 7002)?.editingSince;
    expect(typeof honestSince).toBe('number');
    expect(typeof hostileSince).toBe('number');
    expect(honestSince as number).toBeLessThan(hostileSince as number);
    // Everyone sees the same stamps, the claimants too (their own echo).
    await waitFor(() => stateOf(hostile, 7001)?.editingSince === honestSince, 5000, 'hostile');
    expect(stateOf(honest, 7002)?.editingSince).toBe(hostileSince);
    expect(stateOf(honest, 7001)?.editingSince).toBe(honestSince);
  });

  it('keeps the stamp while the claim stays on the same note, and clears it when the claim ends', async () => {
    const watcher = await room.open(room.w.participantToken);
    const writer = await room.open(room.w.participantToken);
    writer.sendAwareness([{ clientId: 7101, clock: 1, json: claim('Anna', 5) }]);
    await waitFor(() => typeof stateOf(watcher, 7101)?.editingSince === 'number', 5000, 'claim');
    const first = stateOf(watcher, 7101)?.editingSince;
    writer.sendAwareness([{ clientId: 7101, clock: 2, json: claim('Anna', 6, { cursor: 1 }) }]);
    await waitFor(() => stateOf(watcher, 7101) !== undefined, 5000, 'cursor');
    await waitFor(
      () => (stateOf(watcher, 7101) as { cursor?: number }).cursor === 1,
      5000,
      'cursor moved',
    );
    expect(stateOf(watcher, 7101)?.editingSince).toBe(first);
    writer.sendAwareness([
      {
        clientId: 7101,
        clock: 3,
        json: JSON.stringify({ user: { name: 'Anna' }, editing: null, editingSince: 1 }),
      },
    ]);
    await waitFor(() => stateOf(watcher, 7101)?.editing === null, 5000, 'released');
    expect(stateOf(watcher, 7101)?.editingSince).toBeNull();
  });

  it("does not relay a viewer's claims or requests to take over", async () => {
    const watcher = await room.open(room.w.participantToken);
    const viewer = await room.open(room.w.viewerToken);
    viewer.sendAwareness([
      { clientId: 7201, clock: 1, json: claim('Zuschauer', 0, { takeover: NOTE }) },
    ]);
    await waitFor(() => stateOf(watcher, 7201)?.user?.name === 'Zuschauer', 5000, 'viewer shown');
    expect(stateOf(watcher, 7201)).toMatchObject({
      editing: null,
      editingSince: null,
      takeover: null,
    });
  });

  it('drops claims that are not a bounded note id', async () => {
    const watcher = await room.open(room.w.participantToken);
    const hostile = await room.open(room.w.participantToken);
    hostile.sendAwareness([
      {
        clientId: 7301,
        clock: 1,
        json: JSON.stringify({
          user: { name: 'Mallory' },
          editing: 'x'.repeat(2000),
          editingSince: 0,
          takeover: { note: NOTE },
        }),
      },
    ]);
    await waitFor(() => stateOf(watcher, 7301)?.user?.name === 'Mallory', 5000, 'shown');
    expect(stateOf(watcher, 7301)).toMatchObject({
      editing: null,
      editingSince: null,
      takeover: null,
    });
  });
});

describe('note claims and the note rules', () => {
  const round = hostileRound();

  it("does not relay a participant's claim on a note of a locked board; stock clients' states pass unchanged", async () => {
    const { s } = await round.start();
    const note = writeNote(s, s.alice, 'Auf gesperrter Tafel');
    await waitFor(() => notesMap(s.facilitator.doc).has(note), 5000, 'note at the facilitator');
    const board = () => boardsMap(s.facilitator.doc).get(s.board) as Y.Map<unknown>;
    board().set('locked', true);
    await waitFor(
      () => (boardsMap(s.alice.doc).get(s.board) as Y.Map<unknown>).get('locked') === true,
      5000,
      'lock at alice',
    );
    const alice = s.alice.provider.awareness;
    const seen = () =>
      s.facilitator.provider.awareness.getStates().get(alice.clientID) as ClaimState | undefined;
    alice.setLocalState({
      user: { name: 'Alice' },
      editing: note,
      editingSince: 1,
      takeover: note,
    });
    await waitFor(() => seen()?.user?.name === 'Alice', 5000, 'alice shown');
    expect(seen()).toMatchObject({ editing: null, editingSince: null, takeover: null });

    // Unlocked, the same claim goes through, with the server's time.
    board().set('locked', false);
    await waitFor(
      () => (boardsMap(s.alice.doc).get(s.board) as Y.Map<unknown>).get('locked') === false,
      5000,
      'unlocked at alice',
    );
    alice.setLocalState({ user: { name: 'Alice' }, editing: note, editingSince: 1 });
    await waitFor(() => seen()?.editing === note, 5000, 'claim relayed');
    expect(seen()?.editingSince).toBeGreaterThan(1);
    // The facilitator's stock client claims nothing: its state gets no claim fields.
    const facilitator = s.facilitator.provider.awareness;
    facilitator.setLocalState({ user: { name: 'Moderation' } });
    await waitFor(
      () =>
        (alice.getStates().get(facilitator.clientID) as ClaimState | undefined)?.user?.name ===
        'Moderation',
      5000,
      'facilitator shown',
    );
    expect(alice.getStates().get(facilitator.clientID)).toEqual({
      user: { name: 'Moderation' },
      role: 'facilitator',
    });
  });
});
