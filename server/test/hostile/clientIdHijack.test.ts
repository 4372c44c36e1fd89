/**
 * Yjs identifies every change by its writer's client id and clock, and a
 * server that has a clock skips whatever arrives for it again. A client id is
 * public (every relayed update and awareness state carries it), so a hostile
 * participant can write under someone else's id, at the clock that person
 * writes next: when that person's connection drops (their awareness state
 * disappears), everything they write offline is then skipped on their return,
 * or lands wherever the hostile change sits. The server binds each client id
 * to the identity that announced it first, and closes a connection that
 * writes under another identity's id (transiently: see ClientIdOwners).
 */
import { getNoteText } from '@pinnwand/shared/ops/noteOps';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  forge,
  freshView,
  hostile,
  hostileRound,
  noteText,
  writeNote,
} from '../helpers/hostile.ts';
import { synced, waitFor } from '../helpers/testServer.ts';

/** The close code, or 'open' when the socket is still open after `ms`. */
function closedWithin(closed: Promise<number>, ms: number): Promise<number | 'open'> {
  return Promise.race([closed, new Promise<'open'>((r) => setTimeout(() => r('open'), ms))]);
}

describe('writing under someone else’s client id', () => {
  const round = hostileRound();

  it('is refused, so what a participant wrote offline arrives when they return', async () => {
    const { s } = await round.start();
    const alice = s.alice;
    const note = writeNote(s, alice, 'Alice');
    const view = await freshView(s);
    await waitFor(() => noteText(view, note) === 'Alice', 10_000, 'alice’s note');

    alice.provider.disconnect();
    getNoteText(alice.doc, note)!.insert(5, ' schreibt offline weiter');
    const offline = writeNote(s, alice, 'Offline geschrieben', 400);

    // The attacker writes under Alice's id, at the clock the server has next for it.
    const attacker = await hostile(s, s.w.participantToken);
    const claimed = forge(view, alice.doc.clientID);
    getNoteText(claimed.doc, note)!.insert(0, '!');
    attacker.sendUpdate(claimed.updates[0]!);
    const refused = closedWithin(attacker.closed, 5000);

    alice.provider.connect();
    await synced(alice.provider);
    const after = await freshView(s);
    await waitFor(
      () => noteText(after, offline) === 'Offline geschrieben',
      10_000,
      'alice’s offline note',
    );
    expect(noteText(after, note)).toBe('Alice schreibt offline weiter');
    expect(Y.encodeStateVector(after)).toEqual(Y.encodeStateVector(alice.doc));
    expect(await refused).toBe(4509);
  });

  it('is refused for an id only announced in awareness, while the owner still writes under it', async () => {
    const { s } = await round.start();
    const attacker = await hostile(s, s.w.participantToken);
    // Alice is present (her awareness state carries her id) but has not written yet.
    const view = await freshView(s);
    const claimed = forge(view, s.alice.doc.clientID);
    claimed.doc.getMap('notes').set('x', 1);
    attacker.sendUpdate(claimed.updates[0]!);
    expect(await closedWithin(attacker.closed, 5000)).toBe(4509);
    const note = writeNote(s, s.alice, 'Alice, danach');
    const after = await freshView(s);
    await waitFor(() => noteText(after, note) === 'Alice, danach', 10_000, 'alice’s note');
  });
});
