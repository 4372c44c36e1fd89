// The benchmark board: `count` notes in a grid of COLS columns, written into
// a real workshop by a Node client (as an import or many people would).
import { setTimeout as sleep } from 'node:timers/promises';
import type { ParticipantId } from '@pinnwand/shared/model/ids';
import { insertNote } from '@pinnwand/shared/ops/entries';
import type * as Y from 'yjs';
import { BenchClient, type RoomRef } from './lib/client.ts';

export const COLS = 40;
const DX = 190;
const DY = 150;
/** Notes per update when writing the board (3 shared types and ~12 changes each). */
const CHUNK = 800;

/** Writes `count` notes on the first board in one update; returns the board's doc reader. */
export async function populate(room: RoomRef, count: number): Promise<BenchClient> {
  const client = new BenchClient(room, 0, {}, true);
  await client.connect();
  const boards = client.doc.getMap<Y.Map<unknown>>('boards');
  let boardId = '';
  let order = Number.POSITIVE_INFINITY;
  boards.forEach((b, id) => {
    const o = Number(b.get('order') ?? 0);
    if (o < order) {
      order = o;
      boardId = id;
    }
  });
  if (!boardId) throw new Error('the workshop has no board');
  // In chunks: the server caps the changes and shared types one update may carry.
  for (let from = 0; from < count; from += CHUNK) {
    client.doc.transact(() => {
      for (let i = from; i < Math.min(count, from + CHUNK); i++) {
        const r = Math.floor(i / COLS);
        const c = i % COLS;
        insertNote(client.doc, `r${r}c${c}` as never, {
          boardId: boardId as never,
          clusterId: null,
          text: `Notiz ${i + 1}: ${['Antrag digitalisieren', 'Portalverbund stärken', 'Registermodernisierung', 'Nutzerfeedback einholen'][i % 4]}`,
          x: c * DX,
          y: r * DY,
          color: (['yellow', 'pink', 'blue', 'green', 'orange', 'purple'] as const)[i % 6]!,
          author: `Person ${i % 30}`,
          authorId: `p${i % 30}` as ParticipantId,
          createdAt: 1_700_000_000_000 + i,
        });
      }
    }, 'bench');
    // Let the server take each update in before the next (its rate limit throttles the socket).
    await sleep(300);
  }
  await sleep(500);
  return client;
}
