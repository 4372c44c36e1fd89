// The server keeps a stored board preview across writes that touch only roots
// outside BOARD_PREVIEW_ROOTS (RoomManager.storedPreview). That is sound only
// while readBoardPreview reads nothing else: a change under every other root
// the schema declares leaves the preview as it was, and a change under each
// listed root shows in it (so the first half cannot pass by reading nothing).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { castVote, startVotingRound } from '../facilitation/votingRound.ts';
import { IDENTITY, recordIdentity, revokeIdentity } from '../model/identity.ts';
import { asParticipantId, type ClusterId, type NoteId } from '../model/ids.ts';
import { identitiesMap, ROOT, summariesMap, WORKSHOP_SUMMARY_KEY } from '../model/schema.ts';
import { renameBoard } from '../ops/boardOps.ts';
import { createCluster, renameCluster } from '../ops/clusterOps.ts';
import { addNote, moveNote } from '../ops/noteOps.ts';
import { setSummaryText } from '../ops/summaryOps.ts';
import { setWorkshopTitle } from '../ops/workshopOps.ts';
import { ALICE, BOB, type TestWorkshop, testWorkshop } from '../testing/testWorkshop.ts';
import { BOARD_PREVIEW_ROOTS, readBoardPreview } from './boardPreview.ts';

interface Workshop extends TestWorkshop {
  note: NoteId;
  cluster: ClusterId;
}

/** Two boards with notes, a cluster, votes in an open round, identities and summaries. */
function workshop(): Workshop {
  const ws = testWorkshop('retro');
  const [first, second] = ws.boardIds as [typeof ws.board, typeof ws.board];
  const add = (boardId: typeof first, text: string, createdAt: number) =>
    addNote(
      ws.doc,
      { boardId, x: createdAt, y: 5, text, author: 'Alice', authorId: ALICE.id, createdAt },
      ALICE.origin,
    );
  const note = add(first, 'eins', 2000);
  add(first, 'zwei', 3000);
  add(second, 'anderswo', 1000);
  const cluster = createCluster(
    ws.doc,
    { boardId: first, title: 'Thema', x: 0, y: 300 },
    ALICE.origin,
  );
  ws.doc.transact(() => {
    recordIdentity(ws.doc, ALICE.id, 1);
    recordIdentity(ws.doc, BOB.id, 2);
  });
  startVotingRound(
    ws.doc,
    { boardId: first, votesPerPerson: 3, maxVotesPerNote: 3, anonymous: false },
    ALICE.origin,
  );
  castVote(ws.doc, note, BOB.id, BOB.origin);
  setSummaryText(ws.doc, first, 'Fazit der Tafel', ALICE.origin);
  setSummaryText(ws.doc, WORKSHOP_SUMMARY_KEY, 'Fazit', ALICE.origin);
  return { ...ws, note, cluster };
}

type Change = (ws: Workshop) => void;

/** Changes under each root the preview does not read, by root. */
const OUTSIDE: Record<string, readonly Change[]> = {
  [ROOT.summaries]: [
    (ws) => setSummaryText(ws.doc, ws.board, 'Ein anderes Fazit', ALICE.origin),
    (ws) => setSummaryText(ws.doc, WORKSHOP_SUMMARY_KEY, '', ALICE.origin),
    (ws) => setSummaryText(ws.doc, ws.boardIds[1]!, 'Neu', ALICE.origin),
    (ws) => summariesMap(ws.doc).delete(ws.board),
  ],
  [ROOT.identities]: [
    (ws) => recordIdentity(ws.doc, asParticipantId('p-carol'), 3),
    // Alice gave no vote, so revoking her takes none back (that would be under notes).
    (ws) => revokeIdentity(ws.doc, ALICE.id, 4),
    (ws) => (identitiesMap(ws.doc).get(BOB.id) as Y.Map<unknown>).set(IDENTITY.issuedAt, 5),
    (ws) => identitiesMap(ws.doc).delete(ALICE.id),
  ],
};

/** A change under each root the preview reads that its picture shows, by root. */
const INSIDE: Record<string, readonly Change[]> = {
  [ROOT.meta]: [
    (ws) => setWorkshopTitle(ws.doc, 'Neuer Titel', ALICE.origin),
    (ws) =>
      startVotingRound(
        ws.doc,
        {
          boardId: ws.board,
          votesPerPerson: 3,
          maxVotesPerNote: 3,
          anonymous: false,
          hideTotals: true,
        },
        ALICE.origin,
      ),
  ],
  [ROOT.boards]: [(ws) => renameBoard(ws.doc, ws.board, 'Andere Tafel', ALICE.origin)],
  [ROOT.clusters]: [(ws) => renameCluster(ws.doc, ws.cluster, 'Anderes Thema', ALICE.origin)],
  [ROOT.notes]: [
    (ws) => moveNote(ws.doc, ws.note, { x: 1, y: 5 }, ALICE.origin),
    (ws) => castVote(ws.doc, ws.note, ALICE.id, ALICE.origin),
  ],
};

/** The roots the change wrote under, judged from the transaction as the server does. */
function rootsWritten(ws: Workshop, change: Change): string[] {
  const roots = new Set<string>();
  const collect = (tr: Y.Transaction) => {
    for (const type of tr.changed.keys()) {
      let top = type;
      while (top._item) top = top._item.parent as typeof type;
      roots.add(Y.findRootTypeKey(top));
    }
  };
  ws.doc.on('afterTransaction', collect);
  try {
    ws.doc.transact(() => change(ws));
  } finally {
    ws.doc.off('afterTransaction', collect);
  }
  return [...roots];
}

const unlisted = Object.values(ROOT).filter((root) => !BOARD_PREVIEW_ROOTS.includes(root));

describe('readBoardPreview reads only BOARD_PREVIEW_ROOTS', () => {
  it('has a change for every root of the schema, listed or not', () => {
    expect(Object.keys(OUTSIDE).sort()).toEqual([...unlisted].sort());
    expect(Object.keys(INSIDE).sort()).toEqual([...BOARD_PREVIEW_ROOTS].sort());
  });

  for (const [root, changes] of Object.entries(OUTSIDE)) {
    it(`is unchanged by a change under ${root}`, () => {
      for (const [i, change] of changes.entries()) {
        const ws = workshop();
        const before = readBoardPreview(ws.doc);
        expect(rootsWritten(ws, change), `change ${i}`).toEqual([root]);
        expect(readBoardPreview(ws.doc), `change ${i}`).toEqual(before);
      }
    });
  }

  for (const [root, changes] of Object.entries(INSIDE)) {
    it(`shows a change under ${root}`, () => {
      for (const [i, change] of changes.entries()) {
        const ws = workshop();
        const before = readBoardPreview(ws.doc);
        expect(rootsWritten(ws, change), `change ${i}`).toEqual([root]);
        expect(readBoardPreview(ws.doc), `change ${i}`).not.toEqual(before);
      }
    });
  }
});
