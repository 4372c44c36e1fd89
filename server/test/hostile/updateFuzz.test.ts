/**
 * Issue 11: a fuzz run composing valid but hostile updates — delete ranges
 * over others' future clocks, deep nesting, unknown roots, giant maps, updates
 * that make Yjs throw, and randomly mutated honest updates — from several
 * connections (participants and a facilitator link) at once, while an honest
 * participant writes in the attacked workshop and another workshop is probed.
 * The server stays up, every honest note survives, nobody honest is
 * disconnected, and the bystander's edits keep arriving.
 *
 * The mutated edits target a second participant's notes, not the honest
 * writer's: participants may edit any note's text, so a mutation that turns
 * one edit into another (say, deleting one letter of a note) is a legitimate
 * change, not a loss. A mutation would have to hit the writer's 32-bit client
 * id to reach its notes.
 */
import type { NoteId } from '@pinnwand/shared/model/ids';
import { notesMap } from '@pinnwand/shared/model/schema';
import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  bystander,
  bystanderRoundTrip,
  deleteRangeUpdate,
  expectNotesSurvive,
  forge,
  hostile,
  hostileRound,
  person,
  type Scene,
  writeNote,
} from '../helpers/hostile.ts';
import { synced, waitFor } from '../helpers/testServer.ts';

/** Deterministic pseudo-random numbers in [0, 1), so a failure can be replayed from its seed. */
function rng(seed: number): () => number {
  const gen = prng.create(seed);
  return () => prng.real53(gen);
}

const THROWS = Buffer.from('AAGPp8e1AgFgAA==', 'base64');

/** One hostile update against the current state of `s`, chosen by `rand`; `edited`: notes it may mutate edits of. */
function attack(s: Scene, rand: () => number, n: number, edited: NoteId[]): Uint8Array {
  const victims = [s.alice.doc, s.facilitator.doc];
  const victim = victims[Math.floor(rand() * victims.length)]!;
  const client = 50_000_000 + n;
  switch (Math.floor(rand() * 6)) {
    case 0:
      return deleteRangeUpdate(
        victim.clientID,
        Y.getState(victim.store, victim.clientID) + Math.floor(rand() * 3),
        1 + Math.floor(rand() * 1e8),
      );
    case 1: {
      const forged = forge(victim, client);
      forged.doc.transact(() => {
        let map = new Y.Map<unknown>();
        forged.doc.getMap(rand() < 0.5 ? 'notes' : `root${n}`).set(`deep${n}`, map);
        for (let i = 0; i < 40 + Math.floor(rand() * 200); i++) {
          const inner = new Y.Map<unknown>();
          map.set('k', inner);
          map = inner;
        }
      });
      return forged.updates[0]!;
    }
    case 2: {
      const forged = forge(victim, client);
      forged.doc.getMap(`junk${n}`).set('blob', 'z'.repeat(1000 + Math.floor(rand() * 50_000)));
      return forged.updates[0]!;
    }
    case 3: {
      const forged = forge(victim, client);
      forged.doc.transact(() => {
        const map = forged.doc.getMap<unknown>('notes');
        for (let i = 0; i < 25_000; i++) map.set(`g${i % 16}`, i);
      });
      return forged.updates[0]!;
    }
    case 4:
      return THROWS;
    default: {
      // An honest-looking edit of someone's note, with a few bytes changed.
      const forged = forge(victim, client);
      const note = notesMap(forged.doc).get(edited[Math.floor(rand() * edited.length)] ?? '');
      if (note instanceof Y.Map) note.set('x', rand());
      else forged.doc.getMap('notes').set(`plain${n}`, n);
      const update = (forged.updates[0] ?? new Uint8Array([0, 0])).slice();
      for (let i = 0; i < 1 + rand() * 3; i++) {
        update[Math.floor(rand() * update.length)] = Math.floor(rand() * 256);
      }
      return update;
    }
  }
}

describe('fuzzing with valid but hostile updates', () => {
  const round = hostileRound();

  it('keeps the server up, the honest notes and the bystander flowing', async () => {
    const { t, s } = await round.start();
    const other = await bystander(t, round.extra);
    const bob = await person(s, s.w.participantToken);
    await synced(bob.provider);
    const edited = [0, 1, 2].map((i) => writeNote(s, bob, `Bobs Notiz ${i}`, 5000 + i * 150));
    await waitFor(() => edited.every((id) => notesMap(s.alice.doc).has(id)), 10_000, "bob's notes");
    const closes: unknown[] = [];
    for (const p of [s.alice.provider, s.facilitator.provider]) {
      p.on('connection-close', (event: unknown) => closes.push(event));
    }
    const honest = new Map<ReturnType<typeof writeNote>, string>();
    let sent = 0;
    const attacker = async (seed: number) => {
      const rand = rng(seed);
      for (let round = 0; round < 12; round++) {
        const token = rand() < 0.75 ? s.w.participantToken : s.w.facilitatorToken;
        const raw = await hostile(s, token);
        for (let i = 0; i < 4 && raw.ws.readyState === raw.ws.OPEN; i++) {
          raw.sendUpdate(attack(s, rand, seed * 1000 + round * 10 + i, edited));
          sent += 1;
        }
        await Promise.race([raw.closed, new Promise((resolve) => setTimeout(resolve, 200))]);
        raw.ws.terminate();
      }
    };
    const writing = (async () => {
      for (let i = 0; i < 20; i++) {
        const text = `Ehrliche Notiz ${i}`;
        honest.set(writeNote(s, s.alice, text, i * 150), text);
        await bystanderRoundTrip(other, `probe-${i}`, 20_000);
      }
    })();
    await Promise.all([attacker(1), attacker(2), attacker(3), writing]);

    expect(sent).toBeGreaterThan(100);
    await expectNotesSurvive(s, honest);
    expect(closes).toEqual([]);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    await bystanderRoundTrip(other, 'after');
  }, 120_000);
});
