// The guard's promise, checked on thousands of updates: whatever it lets
// through, Yjs applies without throwing and without leaving anything pending;
// what refers to clocks the document lacks, it refuses.
import { seededRandom } from '@pinnwand/shared/cluster/random';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { guardUpdate } from './updateGuard.ts';

const bounds = { maxNestingDepth: 16, maxUpdateTypes: 5000, allowRoot: () => true };

/** Random edits on a doc: map sets (nested too), text inserts and deletes, map deletes. */
function edit(doc: Y.Doc, rand: () => number): void {
  const notes = doc.getMap<unknown>('notes');
  const keys = [...notes.keys()];
  const pick = () => keys[Math.floor(rand() * keys.length)];
  const r = rand();
  if (r < 0.3 || keys.length === 0) {
    const note = new Y.Map<unknown>();
    notes.set(`n${Math.floor(rand() * 20)}`, note);
    note.set('text', new Y.Text('hallo'));
    note.set('votes', new Y.Map());
  } else if (r < 0.6) {
    const note = notes.get(pick()!);
    const text = note instanceof Y.Map ? note.get('text') : null;
    if (text instanceof Y.Text) {
      if (rand() < 0.5 || text.length === 0)
        text.insert(Math.floor(rand() * (text.length + 1)), 'ab');
      else text.delete(Math.floor(rand() * text.length), 1);
    }
  } else if (r < 0.8) {
    const note = notes.get(pick()!);
    if (note instanceof Y.Map) note.set('x', rand());
  } else {
    notes.delete(pick()!);
  }
}

function copyOf(doc: Y.Doc, clientID: number): Y.Doc {
  const copy = new Y.Doc();
  copy.clientID = clientID;
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe('guardUpdate', () => {
  it('lets through only what Yjs integrates completely, whatever the update', () => {
    const rand = seededRandom(8);
    let accepted = 0;
    let refused = 0;
    for (let round = 0; round < 60; round++) {
      const server = new Y.Doc();
      server.clientID = 1;
      for (let i = 0; i < 10; i++) edit(server, rand);
      // Two clients forked from the server, each going its own way; the server
      // never sees some of their updates, so later ones refer to missing clocks.
      const clients = [copyOf(server, 100 + round), copyOf(server, 200 + round)];
      const updates: Uint8Array[] = [];
      for (const c of clients) c.on('update', (u: Uint8Array) => updates.push(u));
      for (let i = 0; i < 30; i++) {
        const c = clients[Math.floor(rand() * clients.length)]!;
        edit(c, rand);
        if (rand() < 0.3) Y.applyUpdate(clients[0]!, Y.encodeStateAsUpdate(clients[1]!));
      }
      const candidates = [...updates, Y.encodeStateAsUpdate(clients[0]!), Y.mergeUpdates(updates)];
      for (const update of [...candidates]) {
        for (let m = 0; m < 3; m++) {
          const mutated = update.slice();
          mutated[Math.floor(rand() * mutated.length)] = Math.floor(rand() * 256);
          candidates.push(mutated);
        }
      }
      for (const update of candidates) {
        let decoded: ReturnType<typeof Y.decodeUpdate>;
        try {
          decoded = Y.decodeUpdate(update);
        } catch {
          continue; // the socket layer closes these as malformed
        }
        const verdict = guardUpdate(server, decoded, bounds);
        if (!verdict.ok) {
          refused += 1;
          continue;
        }
        accepted += 1;
        const probe = copyOf(server, 1);
        expect(() => Y.applyUpdate(probe, update)).not.toThrow();
        expect(probe.store.pendingStructs).toBeNull();
        expect(probe.store.pendingDs).toBeNull();
        // Accepted updates are applied for real, so later ones build on them.
        if (rand() < 0.5) Y.applyUpdate(server, update);
      }
    }
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });

  it('refuses a delete range over clocks the document does not have yet', () => {
    const doc = new Y.Doc();
    doc.getMap('notes').set('a', 1);
    const other = copyOf(doc, 77);
    const updates: Uint8Array[] = [];
    other.on('update', (u: Uint8Array) => updates.push(u));
    other.getMap('notes').set('b', 2);
    other.getMap('notes').delete('b');
    const verdict = guardUpdate(doc, Y.decodeUpdate(updates[1]!), bounds);
    expect(verdict).toMatchObject({ ok: false, kind: 'pending' });
    expect(guardUpdate(doc, Y.decodeUpdate(Y.mergeUpdates(updates)), bounds).ok).toBe(true);
  });

  it('refuses types nested deeper than the bound, wherever the chain starts', () => {
    const doc = new Y.Doc();
    let map = doc.getMap<unknown>('notes');
    for (let i = 0; i < 10; i++) {
      const inner = new Y.Map<unknown>();
      map.set('k', inner);
      map = inner;
    }
    const client = copyOf(doc, 5);
    const updates: Uint8Array[] = [];
    client.on('update', (u: Uint8Array) => updates.push(u));
    let deepest = client.getMap<unknown>('notes');
    while (deepest.get('k') instanceof Y.Map) deepest = deepest.get('k') as Y.Map<unknown>;
    client.transact(() => {
      for (let i = 0; i < 10; i++) {
        const inner = new Y.Map<unknown>();
        deepest.set('k', inner);
        deepest = inner;
      }
    });
    const verdict = guardUpdate(doc, Y.decodeUpdate(updates[0]!), bounds);
    expect(verdict).toMatchObject({ ok: false, kind: 'refused' });
    expect(
      guardUpdate(doc, Y.decodeUpdate(updates[0]!), { ...bounds, maxNestingDepth: 32 }).ok,
    ).toBe(true);
  });
});
