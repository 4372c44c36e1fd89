/**
 * Property-based convergence: random operation sequences from 3–6 peers over
 * a network that delays, reorders, drops and disconnects. After settling,
 * every peer holds the same document and no note is lost unless deleted.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../cluster/random.ts';
import { notesMap } from '../model/schema.ts';
import { createCluster } from '../ops/clusterOps.ts';
import { addNote } from '../ops/noteOps.ts';
import { readWorkshop } from '../read/workshopView.ts';
import { createUndoManager } from '../undo.ts';
import { checkInvariants, NoteLedger } from './invariants.ts';
import { PeerNetwork } from './peerNetwork.ts';
import { assertProperty } from './propertySeeds.ts';
import { applyOp, type PeerContext, type Step, stepArbitrary } from './randomOps.ts';
import { person, testWorkshop } from './testWorkshop.ts';

interface RunResult {
  failure: string | null;
  notes: number;
  clusteredNotes: number;
  orphanNotes: number;
}

function run(peers: number, steps: readonly Step[]): RunResult {
  const net = new PeerNetwork(peers);
  const { doc, boardIds } = testWorkshop('retro', net.doc(0));
  // A few notes and a cluster to start from, so early steps have something to act on.
  const seed = person('Seed');
  const ledger = new NoteLedger();
  for (let i = 0; i < 6; i++) {
    const boardId = boardIds[i % 2]!;
    ledger.add(
      addNote(
        doc,
        { boardId, x: i * 200, y: 0, text: `s${i}`, author: 'S', authorId: seed.id },
        seed.origin,
      ),
    );
  }
  createCluster(
    doc,
    { boardId: boardIds[0]!, title: 'C', x: 0, y: 400, noteIds: [...ledger.created].slice(0, 2) },
    seed.origin,
  );
  net.settle();
  const contexts: PeerContext[] = net.docs.map((doc, i) => {
    const who = person(`Peer${i}`);
    return { doc, person: who, undo: createUndoManager(doc, who.origin), ledger };
  });
  for (const step of steps) {
    switch (step.kind) {
      case 'op':
        applyOp(contexts[step.peer]!, step.op, step.a, step.b, step.text);
        break;
      case 'deliver': {
        const rng = seededRandom(step.seed);
        for (let i = 0; i < step.count; i++)
          net.deliverOne({ rng, duplicateRate: 0.1, dropRate: 0.1 });
        break;
      }
      case 'disconnect':
        net.disconnect(step.peer);
        break;
      case 'reconnect':
        net.reconnect(step.peer);
        break;
      case 'resync':
        if (step.peer !== step.other) net.resync(step.peer, step.other);
        break;
    }
  }
  net.settle();
  const view = readWorkshop(net.doc(0));
  return {
    failure: checkInvariants(net.docs, ledger),
    notes: notesMap(net.doc(0)).size,
    clusteredNotes: view.boards.reduce(
      (n, b) => n + b.clusters.reduce((m, c) => m + c.notes.length, 0),
      0,
    ),
    orphanNotes: view.orphanNotes.length,
  };
}

const scenario = fc
  .integer({ min: 3, max: 6 })
  .chain((peers) =>
    fc.tuple(fc.constant(peers), fc.array(stepArbitrary(peers), { minLength: 10, maxLength: 80 })),
  );

// Found by this property in CI: an undo of a move racing a concurrent move
// left a note without `x` (Yjs deletes both values of the key), and the note
// vanished from the view. Replayed first on every run.
const undoRacesMove = [
  6,
  JSON.parse(
    '[{"kind":"op","peer":2,"op":"moveNotes","a":0,"b":0,"text":""},{"kind":"disconnect","peer":1},' +
      '{"kind":"op","peer":0,"op":"assign","a":0,"b":804,"text":""},{"kind":"op","peer":0,"op":"addNote","a":0,"b":0,"text":""},' +
      '{"kind":"deliver","count":1,"seed":358632325},{"kind":"deliver","count":1,"seed":940818422},' +
      '{"kind":"op","peer":2,"op":"undo","a":0,"b":0,"text":""},{"kind":"op","peer":0,"op":"addNote","a":0,"b":0,"text":""},' +
      '{"kind":"deliver","count":1,"seed":0},{"kind":"op","peer":0,"op":"addNote","a":0,"b":0,"text":""},' +
      '{"kind":"op","peer":0,"op":"addNote","a":0,"b":0,"text":""}]',
  ),
] as [number, Parameters<typeof run>[1]];

// The baseline seed every run checks (besides a fresh one: propertySeeds.ts).
const BASELINE_SEED = 20261129;

// The same race on a board: undoing a delete restores the board while another
// peer reordered it, and the restored board lost its `order`.
const undoRacesReorder = [
  3,
  JSON.parse(
    '[{"kind":"op","peer":0,"op":"addNote","a":0,"b":0,"text":""},{"kind":"op","peer":0,"op":"addNote","a":0,"b":0,"text":""},' +
      '{"kind":"op","peer":1,"op":"moveBoard","a":0,"b":4,"text":""},{"kind":"op","peer":0,"op":"deleteBoard","a":0,"b":356,"text":""},' +
      '{"kind":"op","peer":0,"op":"addNote","a":0,"b":0,"text":""},{"kind":"resync","peer":0,"other":1},' +
      '{"kind":"op","peer":0,"op":"deleteBoard","a":0,"b":93,"text":""},{"kind":"deliver","count":1,"seed":40054873},' +
      '{"kind":"deliver","count":1,"seed":908626440},{"kind":"op","peer":0,"op":"undo","a":0,"b":0,"text":""}]',
  ),
] as [number, Parameters<typeof run>[1]];

// Found by a fresh seed in CI: undoing a note's delete while another peer had
// moved it to another board brought it back without `boardId` (undo.ts).
const undoRacesMoveToBoard = [
  3,
  JSON.parse(
    '[{"kind":"op","peer":2,"op":"deleteNote","a":423,"b":0,"text":""},{"kind":"op","peer":0,"op":"moveToBoard","a":237,"b":0,"text":""},' +
      '{"kind":"deliver","count":1,"seed":145444198},{"kind":"op","peer":0,"op":"addNote","a":0,"b":0,"text":""},' +
      '{"kind":"op","peer":2,"op":"undo","a":0,"b":0,"text":""},{"kind":"op","peer":0,"op":"addNote","a":0,"b":0,"text":""},' +
      '{"kind":"op","peer":0,"op":"addNote","a":164,"b":0,"text":""},{"kind":"deliver","count":1,"seed":232680327}]',
  ),
] as [number, Parameters<typeof run>[1]];

describe('random operations from several peers', () => {
  it('always converge without losing notes', () => {
    const totals = { notes: 0, clusteredNotes: 0, orphanNotes: 0 };
    let runs = 0;
    assertProperty(
      'random operations from several peers',
      fc.property(scenario, ([peers, steps]) => {
        runs++;
        const result = run(peers, steps);
        expect(result.failure).toBeNull();
        totals.notes += result.notes;
        totals.clusteredNotes += result.clusteredNotes;
        totals.orphanNotes += result.orphanNotes;
      }),
      {
        numRuns: 150,
        examples: [[undoRacesMove], [undoRacesReorder], [undoRacesMoveToBoard]],
        regressionSeeds: [BASELINE_SEED],
      },
    );
    // Guard against a generator that stopped exercising anything interesting.
    expect(totals.notes).toBeGreaterThan(runs * 5);
    expect(totals.clusteredNotes).toBeGreaterThan(0);
    expect(totals.orphanNotes).toBeGreaterThan(0);
  }, 120_000);
});
