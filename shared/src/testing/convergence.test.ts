/**
 * Convergence with simulated peers: reordered, duplicated, delayed, dropped
 * and offline delivery, and the hard concurrent cases of issue 3.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../cluster/random.ts';
import type { BoardId, NoteId } from '../model/ids.ts';
import { deleteBoard, moveBoard } from '../ops/boardOps.ts';
import {
  assignNotesToCluster,
  createCluster,
  deleteCluster,
  moveCluster,
} from '../ops/clusterOps.ts';
import { addNote, deleteNotes, getNoteText, moveNote, setNoteText } from '../ops/noteOps.ts';
import { getCluster, getNote, listBoardIds } from '../read/lookups.ts';
import { readWorkshop } from '../read/workshopView.ts';
import { checkInvariants, NoteLedger } from './invariants.ts';
import { PeerNetwork } from './peerNetwork.ts';
import { person, testWorkshop } from './testWorkshop.ts';
import { vote } from './votes.ts';

const people = Array.from({ length: 10 }, (_, i) => person(`P${i}`));

function network(peers: number) {
  const net = new PeerNetwork(peers);
  const { boardIds } = testWorkshop('retro', net.doc(0));
  net.settle();
  return { net, boardIds, ledger: new NoteLedger() };
}

function note(
  net: PeerNetwork,
  peer: number,
  boardId: BoardId,
  text: string,
  x = peer * 10,
): NoteId {
  const who = people[peer]!;
  return addNote(
    net.doc(peer),
    { boardId, x, y: 0, text, author: who.name, authorId: who.id },
    who.origin,
  );
}

describe('peer network delivery', () => {
  it('converges under reordered, duplicated and dropped-then-resent messages (5 peers)', () => {
    const { net, boardIds, ledger } = network(5);
    const rng = seededRandom(42);
    for (let round = 0; round < 20; round++) {
      for (let peer = 0; peer < 5; peer++) {
        const id = note(net, peer, boardIds[round % 3]!, `r${round}p${peer}`);
        ledger.add(id);
        if (round % 4 === 0)
          setNoteText(net.doc(peer), id, `edited ${round}`, people[peer]!.origin);
      }
      // Deliver only part of the traffic each round: the rest is delayed.
      for (let i = 0; i < 6; i++)
        net.deliverOne({ rng, anyOrder: true, duplicateRate: 0.2, dropRate: 0.2 });
    }
    expect(net.stats.dropped).toBeGreaterThan(0);
    expect(net.stats.duplicated).toBeGreaterThan(0);
    net.settle();
    expect(checkInvariants(net.docs, ledger)).toBeNull();
    expect(readWorkshop(net.doc(3)).boards.reduce((n, b) => n + b.noteCount, 0)).toBe(100);
    // Thousands of deliveries: seconds on a busy machine. The test judges convergence, not speed.
  }, 60_000);

  it('keeps each link in order: with drops, no peer ever holds an update it cannot integrate yet', () => {
    const waiting = (net: PeerNetwork) =>
      net.docs.filter((d) => d.store.pendingStructs !== null || d.store.pendingDs !== null).length;
    const run = (anyOrder: boolean) => {
      const { net, boardIds, ledger } = network(4);
      const rng = seededRandom(5);
      let worst = 0;
      for (let round = 0; round < 30; round++) {
        for (let peer = 0; peer < 4; peer++) {
          const id = note(net, peer, boardIds[0]!, `r${round}`);
          ledger.add(id);
          moveNote(net.doc(peer), id, { x: round, y: peer }, people[peer]!.origin);
        }
        for (let i = 0; i < 8; i++) {
          net.deliverOne({ rng, anyOrder, dropRate: 0.1 });
          worst = Math.max(worst, waiting(net));
        }
        if (round % 10 === 9) net.resync(round % 4, (round + 1) % 4);
      }
      net.settle();
      return { worst, converged: checkInvariants(net.docs, ledger) };
    };
    expect(run(false)).toEqual({ worst: 0, converged: null });
    // The same traffic in any order does leave peers waiting: the check can see it.
    expect(run(true).worst).toBeGreaterThan(0);
  });

  it('merges offline edits after reconnect (10 peers, 4 of them offline for a while)', () => {
    const { net, boardIds, ledger } = network(10);
    for (const offline of [2, 4, 6, 8]) net.disconnect(offline);
    for (let peer = 0; peer < 10; peer++) {
      for (let i = 0; i < 5; i++) ledger.add(note(net, peer, boardIds[i % 3]!, `p${peer}n${i}`));
    }
    net.deliverAll({ rng: seededRandom(7) });
    // The offline peers have seen nothing of the others.
    expect(readWorkshop(net.doc(2)).boards.reduce((n, b) => n + b.noteCount, 0)).toBe(5);
    for (const offline of [2, 4, 6, 8]) net.reconnect(offline);
    net.deliverAll({ rng: seededRandom(8) });
    expect(checkInvariants(net.docs, ledger)).toBeNull();
    expect(readWorkshop(net.doc(2)).boards.reduce((n, b) => n + b.noteCount, 0)).toBe(50);
  });
});

describe('hard concurrent cases', () => {
  it('deleting a cluster while someone drops a note into it keeps the note, unclustered', () => {
    const { net, boardIds, ledger } = network(3);
    const board = boardIds[0]!;
    const cluster = createCluster(
      net.doc(0),
      { boardId: board, title: 'C', x: 0, y: 0 },
      people[0]!.origin,
    );
    const dropped = note(net, 1, board, 'drop me', 800);
    ledger.add(dropped);
    net.settle();
    deleteCluster(net.doc(0), cluster, people[0]!.origin);
    moveNote(net.doc(1), dropped, { x: 20, y: 60 }, people[1]!.origin);
    assignNotesToCluster(net.doc(1), cluster, [dropped], people[1]!.origin);
    net.deliverAll({ rng: seededRandom(1) });
    net.settle();
    expect(checkInvariants(net.docs, ledger)).toBeNull();
    const view = readWorkshop(net.doc(2));
    expect(view.boards[0]?.clusters).toEqual([]);
    expect(view.boards[0]?.unclusteredNotes.map((n) => n.id)).toEqual([dropped]);
    expect(getCluster(net.doc(2), cluster)).toBeUndefined();
  });

  it('deleting a note while someone edits its text removes it everywhere, cleanly', () => {
    const { net, boardIds, ledger } = network(3);
    const id = note(net, 0, boardIds[0]!, 'Finanzierung');
    ledger.add(id);
    net.settle();
    deleteNotes(net.doc(0), [id], people[0]!.origin);
    ledger.remove(id);
    const text = getNoteText(net.doc(1), id)!;
    net.doc(1).transact(() => text.insert(text.length, ' sichern'), people[1]!.origin);
    net.settle();
    expect(checkInvariants(net.docs, ledger)).toBeNull();
    for (const doc of net.docs) expect(getNote(doc, id)).toBeUndefined();
  });

  it('two people typing in one note both keep their words', () => {
    const { net, boardIds, ledger } = network(2);
    const id = note(net, 0, boardIds[0]!, 'Zusammenarbeit');
    ledger.add(id);
    net.settle();
    net.doc(0).transact(() => getNoteText(net.doc(0), id)!.insert(0, 'Gute '), people[0]!.origin);
    const other = getNoteText(net.doc(1), id)!;
    net.doc(1).transact(() => other.insert(other.length, ' Bund-Länder'), people[1]!.origin);
    net.settle();
    expect(checkInvariants(net.docs, ledger)).toBeNull();
    expect(getNote(net.doc(0), id)?.text).toBe('Gute Zusammenarbeit Bund-Länder');
  });

  it('two people moving the same note converge on one position', () => {
    const { net, boardIds, ledger } = network(3);
    const id = note(net, 0, boardIds[0]!, 'n');
    ledger.add(id);
    net.settle();
    moveNote(net.doc(1), id, { x: 100, y: 100 }, people[1]!.origin);
    moveNote(net.doc(2), id, { x: 300, y: 300 }, people[2]!.origin);
    net.deliverAll({ rng: seededRandom(3) });
    net.settle();
    expect(checkInvariants(net.docs, ledger)).toBeNull();
    const final = getNote(net.doc(0), id)!;
    expect([100, 300]).toContain(final.x);
    expect([100, 300]).toContain(final.y);
  });

  it('a cluster moved by one person while another moves one of its notes keeps both docs equal', () => {
    const { net, boardIds, ledger } = network(2);
    const board = boardIds[0]!;
    const id = note(net, 0, board, 'n');
    ledger.add(id);
    const cluster = createCluster(
      net.doc(0),
      { boardId: board, title: 'C', x: 0, y: 0, noteIds: [id] },
      people[0]!.origin,
    );
    net.settle();
    moveCluster(net.doc(0), cluster, { x: 500, y: 0 }, people[0]!.origin);
    moveNote(net.doc(1), id, { x: 40, y: 70 }, people[1]!.origin);
    net.settle();
    expect(checkInvariants(net.docs, ledger)).toBeNull();
    expect(getNote(net.doc(1), id)?.clusterId).toBe(cluster);
  });

  it('reordering boards concurrently keeps every board and one order everywhere', () => {
    const { net, boardIds } = network(4);
    const [a, b, c] = boardIds as [BoardId, BoardId, BoardId];
    moveBoard(net.doc(0), c, 0, people[0]!.origin);
    moveBoard(net.doc(1), a, 2, people[1]!.origin);
    moveBoard(net.doc(2), b, 0, people[2]!.origin);
    moveBoard(net.doc(3), c, 1, people[3]!.origin);
    net.deliverAll({ rng: seededRandom(11) });
    net.settle();
    expect(checkInvariants(net.docs, new NoteLedger())).toBeNull();
    const order = listBoardIds(net.doc(0));
    expect([...order].sort()).toEqual([a, b, c].sort());
    for (const doc of net.docs) expect(listBoardIds(doc)).toEqual(order);
  });

  it('deleting a board while someone adds a note to it shows the note among the orphans', () => {
    const { net, boardIds, ledger } = network(3);
    const board = boardIds[1]!;
    deleteBoard(net.doc(0), board, people[0]!.origin);
    const late = note(net, 1, board, 'late');
    ledger.add(late);
    net.settle();
    expect(checkInvariants(net.docs, ledger)).toBeNull();
    expect(readWorkshop(net.doc(2)).orphanNotes.map((n) => n.id)).toEqual([late]);
  });

  it('votes by different people on one note at the same time all count', () => {
    const { net, boardIds, ledger } = network(5);
    const id = note(net, 0, boardIds[0]!, 'n');
    ledger.add(id);
    net.settle();
    for (let peer = 0; peer < 5; peer++) {
      expect(vote(net.doc(peer), id, people[peer]!.id, people[peer]!.origin).ok).toBe(true);
    }
    net.settle();
    expect(checkInvariants(net.docs, ledger)).toBeNull();
    expect(getNote(net.doc(0), id)?.votes.total).toBe(5);
  });
});
