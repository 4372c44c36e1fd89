// Server-enforced roles against real y-websocket clients: a participant's stock
// client attempts each facilitator-only change; a viewer watching every update
// and, after a restart, the stored document show it refused, and the
// participant's ordinary note edit sent right after it arrives.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FACILITATION_META } from '@pinnwand/shared/facilitation/facilitationSettings';
import { type BoardId, type NoteId, newId } from '@pinnwand/shared/model/ids';
import { localOrigin } from '@pinnwand/shared/model/origin';
import { boardsMap, metaMap, notesMap, summariesMap } from '@pinnwand/shared/model/schema';
import {
  addBoard,
  deleteBoard,
  moveBoard,
  renameBoard,
  setBoardLocked,
  setBoardQuestion,
} from '@pinnwand/shared/ops/boardOps';
import {
  assignNotesToCluster,
  createCluster,
  deleteCluster,
  moveCluster,
  renameCluster,
  resizeCluster,
} from '@pinnwand/shared/ops/clusterOps';
import {
  addNote,
  deleteNotes,
  getNoteText,
  moveNotes,
  recolorNotes,
} from '@pinnwand/shared/ops/noteOps';
import { setSummaryText } from '@pinnwand/shared/ops/summaryOps';
import { startTimer } from '@pinnwand/shared/ops/timerOps';
import { setPhase, setWorkshopTitle, updateSettings } from '@pinnwand/shared/ops/workshopOps';
import { PARTICIPANT_KEY_PARAM } from '@pinnwand/shared/policy/participantId';
import { listBoards } from '@pinnwand/shared/read/lookups';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  connect,
  issueIdentity,
  makeDataDir,
  startTestServer,
  synced,
  type TestServer,
  waitFor,
} from './helpers/testServer.ts';

const facOrigin = localOrigin('facilitator' as never);
const partOrigin = localOrigin('participant' as never);

interface Workshop {
  id: string;
  fac: Y.Doc;
  part: Y.Doc;
  obs: Y.Doc;
  facId: string;
  partId: string;
  /** Open board, with the voting round on it. */
  board: BoardId;
  /** Locked board. */
  locked: BoardId;
  /** The participant's own note on the open board, edited after every attempt. */
  note: NoteId;
  /** Two more notes on the open board, for votes. */
  note2: NoteId;
  note3: NoteId;
  /** A note on the locked board. */
  lockedNote: NoteId;
}

/** What the stored document must show after a restart: what the viewer saw last. */
interface Stored {
  id: string;
  expected: string;
}

function dbBytes(dir: string): Buffer {
  return Buffer.concat(readdirSync(dir).map((f) => readFileSync(path.join(dir, f))));
}

function text(doc: Y.Doc, note: NoteId): string {
  return getNoteText(doc, note)?.toString() ?? '';
}

function votesOn(doc: Y.Doc, note: NoteId): unknown {
  return (notesMap(doc).get(note) as Y.Map<unknown> | undefined)?.get('votes');
}

function votesMap(doc: Y.Doc, note: NoteId): Y.Map<unknown> {
  return votesOn(doc, note) as Y.Map<unknown>;
}

/** JSON with sorted keys: a restored entry may come back at another place in a map's iteration order. */
function canonical(value: unknown): unknown {
  if (value instanceof Y.AbstractType) return canonical(value.toJSON());
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

function json(doc: Y.Doc, look: (doc: Y.Doc) => unknown): string {
  const value = look(doc);
  return JSON.stringify(canonical(value instanceof Y.AbstractType ? value.toJSON() : value));
}

const whole = (doc: Y.Doc) => ({
  meta: metaMap(doc).toJSON(),
  boards: boardsMap(doc).toJSON(),
  clusters: doc.getMap('clusters').toJSON(),
  summaries: summariesMap(doc).toJSON(),
});

const everything = (doc: Y.Doc) => ({ ...whole(doc), notes: notesMap(doc).toJSON() });

describe('server-enforced roles', () => {
  const dataDir = makeDataDir();
  let t: TestServer;
  let providers: WebsocketProvider[] = [];
  const stored: Stored[] = [];
  const viewerTokens = new Map<string, string>();
  let current: Workshop[] = [];
  let warn: { mock: { calls: unknown[][] } };
  let edits = 0;

  beforeAll(async () => {
    t = await startTestServer({}, {}, dataDir);
  });
  afterAll(async () => {
    for (const p of providers) p.destroy();
    await t.close();
  });
  beforeEach(() => {
    // y-websocket reports "permission denied" with console.warn.
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    for (const w of current) stored.push({ id: w.id, expected: json(w.obs, everything) });
    current = [];
    for (const p of providers) p.destroy();
    providers = [];
    vi.restoreAllMocks();
  });

  function open(id: string, token: string, key?: string): WebsocketProvider {
    const params: Record<string, string> = key ? { [PARTICIPANT_KEY_PARAM]: key } : {};
    const provider = connect(t.wsUrl, id, token, new Y.Doc(), params);
    providers.push(provider);
    return provider;
  }

  async function workshop(options: { partKey?: string | null } = {}): Promise<Workshop> {
    const w = await t.createWorkshop();
    viewerTokens.set(w.id, w.viewerToken);
    // Identities the server issued through each link (docs/design.md, "Participant identities").
    const facIdentity = await issueIdentity(t.url, w.id, w.facilitatorToken);
    const partIdentity = await issueIdentity(t.url, w.id, w.participantToken);
    const partKey = options.partKey === undefined ? partIdentity.participantKey : options.partKey;
    const fac = open(w.id, w.facilitatorToken, facIdentity.participantKey);
    const part = open(w.id, w.participantToken, partKey ?? undefined);
    const obs = open(w.id, w.viewerToken);
    await Promise.all([synced(fac), synced(part), synced(obs)]);
    const facId = facIdentity.participantId;
    const partId = partIdentity.participantId;
    const board = listBoards(fac.doc)[0]!.id;
    const locked = addBoard(fac.doc, { title: 'Archiv', question: 'Was war?' }, facOrigin);
    const lockedNote = addNote(
      fac.doc,
      { boardId: locked, x: 0, y: 0, text: 'archived', author: 'F', authorId: facId as never },
      facOrigin,
    );
    setBoardLocked(fac.doc, locked, true, facOrigin);
    updateSettings(fac.doc, { votesPerPerson: 3, maxVotesPerNote: 2, votingOpen: true }, facOrigin);
    metaMap(fac.doc).set(FACILITATION_META.votingBoardId, board);
    metaMap(fac.doc).set('hiddenWriting', true);
    setSummaryText(fac.doc, board, 'Fazit', facOrigin);
    const cluster = createCluster(
      fac.doc,
      { boardId: board, title: 'Strukturen', x: 600, y: 0 },
      facOrigin,
    );
    // Without a participant key the participant cannot write notes: the facilitator writes them in its name.
    const mine = (x: number) =>
      addNote(
        partKey === null ? fac.doc : part.doc,
        { boardId: board, x, y: 0, text: 'mine', author: 'P', authorId: partId as never },
        partKey === null ? facOrigin : partOrigin,
      );
    const note = mine(0);
    const note2 = mine(200);
    const note3 = mine(400);
    await waitFor(
      () =>
        [fac.doc, part.doc, obs.doc].every(
          (doc) =>
            notesMap(doc).has(note3) &&
            notesMap(doc).has(lockedNote) &&
            doc.getMap('clusters').has(cluster) &&
            metaMap(doc).get('hiddenWriting') === true,
        ),
      5000,
      'workshop set up everywhere',
    );
    expect(warn).not.toHaveBeenCalled();
    const created: Workshop = {
      id: w.id,
      fac: fac.doc,
      part: part.doc,
      obs: obs.doc,
      facId,
      partId,
      board,
      locked,
      note,
      note2,
      note3,
      lockedNote,
    };
    current.push(created);
    return created;
  }

  /**
   * The participant attempts a change; right after, it edits its own note.
   * The edit reaches the viewer, the attempt never shows there (checked after
   * every transaction the viewer applies), the participant's own copy is
   * reverted, and it is told why.
   */
  async function expectRefused(
    w: Workshop,
    look: (doc: Y.Doc) => unknown,
    attempt: (doc: Y.Doc) => void,
    reason: string,
  ): Promise<void> {
    const expected = json(w.obs, look);
    expect(json(w.part, look)).toBe(expected);
    const seen: string[] = [];
    const watch = () => {
      const now = json(w.obs, look);
      if (now !== expected) seen.push(now);
    };
    w.obs.on('afterTransaction', watch);
    const warned = warn.mock.calls.length;
    attempt(w.part);
    expect(json(w.part, look), 'the attempt changed the participant’s copy').not.toBe(expected);
    const marker = ` edit-${++edits}`;
    getNoteText(w.part, w.note)!.insert(text(w.part, w.note).length, marker);
    await waitFor(() => text(w.obs, w.note).endsWith(marker), 5000, 'the note edit at the viewer');
    await waitFor(
      () => json(w.part, look) === expected,
      5000,
      'the revert at the participant',
    ).catch((err: Error) => {
      throw new Error(`${err.message}: ${json(w.part, look)} instead of ${expected}`);
    });
    await waitFor(
      () => warn.mock.calls.slice(warned).some((c: unknown[]) => String(c[0]).includes(reason)),
      5000,
      `permission denied: ${reason}`,
    );
    w.obs.off('afterTransaction', watch);
    expect(seen, 'the viewer saw the refused change').toEqual([]);
    expect(json(w.obs, look)).toBe(expected);
    await waitFor(() => text(w.fac, w.note).endsWith(marker), 5000, 'the edit at the facilitator');
    expect(json(w.fac, look)).toBe(expected);
  }

  // --- meta ---------------------------------------------------------------------

  it('a participant cannot rename the workshop', async () => {
    const w = await workshop();
    await expectRefused(
      w,
      (doc) => metaMap(doc).get('title'),
      (doc) => setWorkshopTitle(doc, 'HIJACKED-TITLE', partOrigin),
      'meta.title',
    );
  });

  it('a participant cannot change the voting budget or the per-note maximum', async () => {
    const w = await workshop();
    await expectRefused(
      w,
      (doc) => metaMap(doc).toJSON(),
      (doc) => updateSettings(doc, { votesPerPerson: 99, maxVotesPerNote: 99 }, partOrigin),
      'Only facilitators',
    );
  });

  it('a participant cannot end the voting round or start one on another board', async () => {
    const w = await workshop();
    const look = (doc: Y.Doc) => metaMap(doc).toJSON();
    await expectRefused(
      w,
      look,
      (doc) => updateSettings(doc, { votingOpen: false }, partOrigin),
      'meta.votingOpen',
    );
    await expectRefused(
      w,
      look,
      (doc) => metaMap(doc).set(FACILITATION_META.votingBoardId, w.locked),
      `meta.${FACILITATION_META.votingBoardId}`,
    );
  });

  it('a participant cannot start the timer', async () => {
    const w = await workshop();
    await expectRefused(
      w,
      (doc) => metaMap(doc).get('timer') ?? null,
      (doc) => startTimer(doc, 60_000, partOrigin),
      'meta.timer',
    );
  });

  it('a participant cannot change the phase or reveal hidden writing', async () => {
    const w = await workshop();
    const look = (doc: Y.Doc) => metaMap(doc).toJSON();
    await expectRefused(w, look, (doc) => setPhase(doc, 'done', partOrigin), 'meta.phase');
    // Reveal by deleting the key: the deleted entry comes back.
    await expectRefused(
      w,
      look,
      (doc) => metaMap(doc).delete('hiddenWriting'),
      'meta.hiddenWriting',
    );
  });

  it('a participant cannot delete the workshop’s meta entries', async () => {
    const w = await workshop();
    await expectRefused(
      w,
      (doc) => metaMap(doc).toJSON(),
      (doc) =>
        doc.transact(() => {
          for (const key of [...metaMap(doc).keys()]) metaMap(doc).delete(key);
        }),
      'Only facilitators',
    );
  });

  // --- boards -------------------------------------------------------------------

  it('a participant cannot lock or unlock a board', async () => {
    const w = await workshop();
    await expectRefused(
      w,
      whole,
      (doc) => setBoardLocked(doc, w.board, true, partOrigin),
      'boards',
    );
    await expectRefused(
      w,
      whole,
      (doc) => setBoardLocked(doc, w.locked, false, partOrigin),
      'boards',
    );
  });

  it('a participant cannot add a board', async () => {
    const w = await workshop();
    await expectRefused(
      w,
      whole,
      (doc) => addBoard(doc, { title: 'Mein Board' }, partOrigin),
      'boards',
    );
  });

  it('a participant cannot rename a board, change its question or reorder boards', async () => {
    const w = await workshop();
    await expectRefused(w, whole, (doc) => renameBoard(doc, w.board, 'X', partOrigin), 'boards');
    await expectRefused(
      w,
      whole,
      (doc) => setBoardQuestion(doc, w.board, 'Y?', partOrigin),
      'boards',
    );
    await expectRefused(w, whole, (doc) => moveBoard(doc, w.locked, 0, partOrigin), 'boards');
  });

  it('a participant cannot delete a board; it comes back with its clusters and summary', async () => {
    const w = await workshop();
    await expectRefused(w, whole, (doc) => deleteBoard(doc, w.board, partOrigin), 'boards');
  });

  // --- locked boards --------------------------------------------------------------

  it('a participant cannot add, edit, move, recolour, vote on or delete notes of a locked board', async () => {
    const w = await workshop();
    // All notes but the one edited after each attempt.
    const look = (doc: Y.Doc) => ({ ...notesMap(doc).toJSON(), [w.note]: null });
    const reason = 'locked';
    await expectRefused(
      w,
      look,
      (doc) =>
        addNote(
          doc,
          { boardId: w.locked, x: 1, y: 1, text: 'late', author: 'P', authorId: w.partId as never },
          partOrigin,
        ),
      reason,
    );
    await expectRefused(
      w,
      look,
      (doc) => getNoteText(doc, w.lockedNote)!.insert(0, 'changed '),
      reason,
    );
    await expectRefused(
      w,
      look,
      (doc) => moveNotes(doc, [{ id: w.lockedNote, x: 500, y: 500 }], partOrigin),
      reason,
    );
    await expectRefused(
      w,
      look,
      (doc) => recolorNotes(doc, [w.lockedNote], 'pink', partOrigin),
      reason,
    );
    await expectRefused(w, look, (doc) => deleteNotes(doc, [w.lockedNote], partOrigin), reason);
    // Moving one's own note onto the locked board, or a locked note off it.
    await expectRefused(
      w,
      look,
      (doc) => (notesMap(doc).get(w.note2) as Y.Map<unknown>).set('boardId', w.locked),
      reason,
    );
    await expectRefused(
      w,
      look,
      (doc) => (notesMap(doc).get(w.lockedNote) as Y.Map<unknown>).set('boardId', w.board),
      reason,
    );
    await expectRefused(w, look, (doc) => votesMap(doc, w.lockedNote).set(w.partId, 1), reason);
  });

  // --- votes --------------------------------------------------------------------

  it('a participant cannot give more votes than the budget', async () => {
    const w = await workshop();
    const look = (doc: Y.Doc) => [w.note, w.note2, w.note3].map((n) => votesOn(doc, n));
    votesMap(w.part, w.note).set(w.partId, 2);
    votesMap(w.part, w.note2).set(w.partId, 1);
    await waitFor(() => votesMap(w.obs, w.note2).get(w.partId) === 1, 5000, 'votes within budget');
    await expectRefused(
      w,
      (doc) => look(doc).map((v) => (v instanceof Y.Map ? v.toJSON() : v)),
      (doc) => votesMap(doc, w.note3).set(w.partId, 1),
      'No votes left',
    );
    // Nor by freeing votes on another board in the same change: the budget counts the round's board.
    const other = addBoard(w.fac, { title: 'Letzte Runde' }, facOrigin);
    await waitFor(() => boardsMap(w.part).has(other), 5000, 'board of an earlier round');
    const earlier = addNote(
      w.part,
      { boardId: other, x: 0, y: 0, text: 'earlier', author: 'P', authorId: w.partId as never },
      partOrigin,
    );
    metaMap(w.fac).set(FACILITATION_META.votingBoardId, other);
    await waitFor(
      () => metaMap(w.part).get(FACILITATION_META.votingBoardId) === other,
      5000,
      'earlier round',
    );
    votesMap(w.part, earlier).set(w.partId, 2);
    await waitFor(() => votesMap(w.fac, earlier)?.get(w.partId) === 2, 5000, 'earlier votes');
    metaMap(w.fac).set(FACILITATION_META.votingBoardId, w.board);
    await waitFor(
      () => metaMap(w.part).get(FACILITATION_META.votingBoardId) === w.board,
      5000,
      'round back',
    );
    await expectRefused(
      w,
      (doc) => [...look(doc), notesMap(doc).has(earlier)],
      (doc) =>
        doc.transact(() => {
          deleteNotes(doc, [earlier], partOrigin);
          votesMap(doc, w.note3).set(w.partId, 1);
        }),
      'No votes left',
    );
    // Moving a vote from one note to another stays within the budget.
    w.part.transact(() => {
      votesMap(w.part, w.note2).delete(w.partId);
      votesMap(w.part, w.note3).set(w.partId, 1);
    });
    await waitFor(() => votesMap(w.obs, w.note3).get(w.partId) === 1, 5000, 'moved vote');
    expect(votesMap(w.obs, w.note2).has(w.partId)).toBe(false);
  });

  it('a participant cannot give one note more than the per-note maximum', async () => {
    const w = await workshop();
    votesMap(w.part, w.note).set(w.partId, 2);
    await waitFor(() => votesMap(w.obs, w.note).get(w.partId) === 2, 5000, 'two votes');
    await expectRefused(
      w,
      (doc) => votesOn(doc, w.note),
      (doc) => votesMap(doc, w.note).set(w.partId, 3),
      'At most 2 votes',
    );
  });

  it('a participant cannot vote or take a vote back while voting is closed', async () => {
    const w = await workshop();
    votesMap(w.part, w.note2).set(w.partId, 1);
    await waitFor(() => votesMap(w.obs, w.note2).get(w.partId) === 1, 5000, 'vote');
    updateSettings(w.fac, { votingOpen: false }, facOrigin);
    await waitFor(() => metaMap(w.part).get('votingOpen') === false, 5000, 'round closed');
    await expectRefused(
      w,
      (doc) => votesOn(doc, w.note3),
      (doc) => votesMap(doc, w.note3).set(w.partId, 1),
      'Voting is closed',
    );
    await expectRefused(
      w,
      (doc) => votesOn(doc, w.note2),
      (doc) => votesMap(doc, w.note2).delete(w.partId),
      'Voting is closed',
    );
  });

  it('a participant cannot vote on a board other than the round’s', async () => {
    const w = await workshop();
    const other = addBoard(w.fac, { title: 'Neues' }, facOrigin);
    await waitFor(() => boardsMap(w.part).has(other), 5000, 'new board');
    const note = addNote(
      w.part,
      { boardId: other, x: 0, y: 0, text: 'elsewhere', author: 'P', authorId: w.partId as never },
      partOrigin,
    );
    await waitFor(() => notesMap(w.obs).has(note), 5000, 'note on the other board');
    await expectRefused(
      w,
      (doc) => votesOn(doc, note),
      (doc) => votesMap(doc, note).set(w.partId, 1),
      'board the voting round is on',
    );
    // A note without a board (only a facilitator can write one) takes no votes either …
    const orphan = newId() as NoteId;
    w.fac.transact(() => {
      const map = new Y.Map<unknown>();
      notesMap(w.fac).set(orphan, map);
      map.set('text', new Y.Text('no board'));
      map.set('authorId', w.partId);
      map.set('votes', new Y.Map());
    });
    await waitFor(() => notesMap(w.obs).has(orphan), 5000, 'orphan note');
    await expectRefused(
      w,
      (doc) => votesOn(doc, orphan),
      (doc) => votesMap(doc, orphan).set(w.partId, 1),
      'board the voting round is on',
    );
    // … and a voted note cannot leave the round's board, nor any note lose its board.
    votesMap(w.part, w.note2).set(w.partId, 1);
    await waitFor(() => votesMap(w.obs, w.note2).get(w.partId) === 1, 5000, 'vote');
    const look = (doc: Y.Doc) => notesMap(doc).get(w.note2);
    await expectRefused(
      w,
      look,
      (doc) => (notesMap(doc).get(w.note2) as Y.Map<unknown>).delete('boardId'),
      'board that exists',
    );
    await expectRefused(
      w,
      look,
      (doc) => (notesMap(doc).get(w.note2) as Y.Map<unknown>).set('boardId', other),
      'move a note that has votes',
    );
  });

  it('a participant cannot vote, change or remove votes in someone else’s name', async () => {
    const w = await workshop();
    votesMap(w.fac, w.note).set(w.facId, 1);
    await waitFor(() => votesMap(w.part, w.note).get(w.facId) === 1, 5000, 'facilitator vote');
    const look = (doc: Y.Doc) => votesOn(doc, w.note);
    const reason = 'own name';
    await expectRefused(w, look, (doc) => votesMap(doc, w.note).set('someone-else', 1), reason);
    await expectRefused(w, look, (doc) => votesMap(doc, w.note).set(w.facId, 2), reason);
    await expectRefused(w, look, (doc) => votesMap(doc, w.note).delete(w.facId), reason);
    // Nor by replacing the whole map, or deleting the note that carries the votes.
    await expectRefused(
      w,
      look,
      (doc) => (notesMap(doc).get(w.note) as Y.Map<unknown>).set('votes', new Y.Map()),
      'reset',
    );
    votesMap(w.fac, w.note2).set(w.facId, 1);
    await waitFor(() => votesMap(w.part, w.note2).get(w.facId) === 1, 5000, 'second vote');
    await expectRefused(
      w,
      (doc) => notesMap(doc).get(w.note2) ?? null,
      (doc) => deleteNotes(doc, [w.note2], partOrigin),
      'other people',
    );
  });

  it('a participant connected without a participant identity can neither vote nor write notes', async () => {
    const w = await workshop({ partKey: null });
    await expectRefused(
      w,
      (doc) => votesOn(doc, w.note),
      (doc) => votesMap(doc, w.note).set(w.partId, 1),
      'participant identity',
    );
    // Nobody could tell whose note it is.
    await expectRefused(
      w,
      (doc) => notesMap(doc).size,
      (doc) =>
        addNote(
          doc,
          {
            boardId: w.board,
            x: 0,
            y: 0,
            text: 'anonymous',
            author: 'P',
            authorId: w.partId as never,
          },
          partOrigin,
        ),
      'own name',
    );
  });

  it('a new note cannot arrive with someone else’s votes or more than the maximum', async () => {
    const w = await workshop();
    const stuffed = (votes: Record<string, number>) => (doc: Y.Doc) =>
      doc.transact(() => {
        const note = new Y.Map<unknown>();
        notesMap(doc).set(newId(), note);
        note.set('boardId', w.board);
        note.set('authorId', w.partId);
        note.set('text', new Y.Text('stuffed'));
        const map = new Y.Map<unknown>();
        note.set('votes', map);
        for (const [who, count] of Object.entries(votes)) map.set(who, count);
      });
    const look = (doc: Y.Doc) => notesMap(doc).size;
    await expectRefused(w, look, stuffed({ 'someone-else': 1 }), 'own name');
    await expectRefused(w, look, stuffed({ [w.partId]: 3 }), 'At most 2 votes');
  });

  it('a participant can undo deleting its own voted note while the round is open', async () => {
    const w = await workshop();
    const undo = new Y.UndoManager(notesMap(w.part), { trackedOrigins: new Set([partOrigin]) });
    votesMap(w.part, w.note3).set(w.partId, 2);
    deleteNotes(w.part, [w.note3], partOrigin);
    await waitFor(() => !notesMap(w.obs).has(w.note3), 5000, 'deleted at the viewer');
    undo.undo();
    await waitFor(() => votesOn(w.obs, w.note3) instanceof Y.Map, 5000, 'restored at the viewer');
    expect(votesMap(w.obs, w.note3).get(w.partId)).toBe(2);
    expect(warn).not.toHaveBeenCalled();
  });

  // --- clusters and summaries -------------------------------------------------------

  it('a participant cannot create, rename, move, shrink or delete clusters', async () => {
    const w = await workshop();
    const cluster = [...w.part.getMap('clusters').keys()][0] as never;
    const look = (doc: Y.Doc) => doc.getMap('clusters').toJSON();
    const reason = 'clusters';
    await expectRefused(
      w,
      look,
      (doc) => createCluster(doc, { boardId: w.board, title: 'Meins', x: 0, y: 900 }, partOrigin),
      reason,
    );
    await expectRefused(w, look, (doc) => renameCluster(doc, cluster, 'X', partOrigin), reason);
    await expectRefused(
      w,
      look,
      (doc) => moveCluster(doc, cluster, { x: 10, y: 10 }, partOrigin),
      reason,
    );
    await expectRefused(
      w,
      look,
      (doc) => resizeCluster(doc, cluster, { width: 10, height: 10 }, partOrigin),
      reason,
    );
    await expectRefused(w, look, (doc) => deleteCluster(doc, cluster, partOrigin), reason);
  });

  it('a participant cannot write a summary', async () => {
    const w = await workshop();
    await expectRefused(
      w,
      (doc) => summariesMap(doc).toJSON(),
      (doc) => setSummaryText(doc, w.board, 'Mein Fazit', partOrigin),
      'summaries',
    );
  });

  // --- what stays allowed -------------------------------------------------------------

  it('a participant can write, move, recolour, cluster, vote on and delete notes of an open board', async () => {
    const w = await workshop();
    const cluster = [...w.part.getMap('clusters').keys()][0] as never;
    const extra = addNote(
      w.part,
      { boardId: w.board, x: 0, y: 300, text: 'neu', author: 'P', authorId: w.partId as never },
      partOrigin,
    );
    getNoteText(w.part, extra)!.insert(3, ' und mehr');
    moveNotes(w.part, [{ id: w.note, x: 50, y: 60 }], partOrigin);
    recolorNotes(w.part, [w.note], 'blue', partOrigin);
    // Sorting into a cluster may grow its frame; that is allowed.
    assignNotesToCluster(w.part, cluster, [w.note2, w.note3, extra, w.note], partOrigin);
    votesMap(w.part, w.note).set(w.partId, 2);
    votesMap(w.part, w.note2).set(w.partId, 1);
    votesMap(w.part, w.note2).delete(w.partId);
    votesMap(w.part, w.note3).set(w.partId, 1);
    deleteNotes(w.part, [w.note2], partOrigin);
    const expected = json(w.part, notesMap);
    const clusters = json(w.part, (doc) => doc.getMap('clusters'));
    await waitFor(() => json(w.obs, notesMap) === expected, 5000, 'all note changes at the viewer');
    expect(json(w.obs, (doc) => doc.getMap('clusters'))).toBe(clusters);
    expect(votesMap(w.obs, w.note).get(w.partId)).toBe(2);
    expect(text(w.obs, extra)).toBe('neu und mehr');
    expect(warn).not.toHaveBeenCalled();
  });

  it('a facilitator can make every facilitator-only change', async () => {
    const w = await workshop();
    const f = w.fac;
    const cluster = [...f.getMap('clusters').keys()][0] as never;
    setWorkshopTitle(f, 'Neuer Titel', facOrigin);
    updateSettings(f, { votesPerPerson: 9, maxVotesPerNote: 9 }, facOrigin);
    startTimer(f, 60_000, facOrigin);
    setPhase(f, 'vote', facOrigin);
    metaMap(f).set('hiddenWriting', false);
    setBoardLocked(f, w.board, true, facOrigin);
    setBoardLocked(f, w.locked, false, facOrigin);
    const added = addBoard(f, { title: 'Neu' }, facOrigin);
    renameBoard(f, added, 'Umbenannt', facOrigin);
    moveBoard(f, added, 0, facOrigin);
    getNoteText(f, w.lockedNote)!.insert(0, 'edited ');
    votesMap(f, w.note).set('someone-else', 4);
    renameCluster(f, cluster, 'Formate', facOrigin);
    setSummaryText(f, w.board, 'Ergebnis', facOrigin);
    updateSettings(f, { votingOpen: false }, facOrigin);
    deleteBoard(f, w.locked, facOrigin);
    const expected = json(f, everything);
    await waitFor(() => json(w.obs, everything) === expected, 5000, 'every change at the viewer');
    expect(metaMap(w.obs).get('title')).toBe('Neuer Titel');
    expect(boardsMap(w.obs).has(w.locked)).toBe(false);
    expect(warn).not.toHaveBeenCalled();
  });

  // Runs last: the stored documents of all the workshops above.
  it('after a restart the stored documents hold none of the refused changes and all the edits', async () => {
    expect(stored.length).toBeGreaterThan(0);
    await t.close();
    t = await startTestServer({}, {}, dataDir);
    for (const { id, expected } of stored) {
      const reader = connect(t.wsUrl, id, viewerTokens.get(id)!, new Y.Doc());
      providers.push(reader);
      await synced(reader);
      expect(json(reader.doc, everything), `workshop ${id}`).toBe(expected);
    }
    // Refused content is garbage-collected before it is stored.
    const bytes = dbBytes(dataDir);
    for (const refused of ['HIJACKED-TITLE', 'Mein Board', 'Mein Fazit', 'stuffed', 'Meins']) {
      expect(bytes.includes(Buffer.from(refused)), refused).toBe(false);
    }
  });
});
