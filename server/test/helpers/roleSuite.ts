// The scene of the role-policy suites (rolePolicy.*.test.ts): one server per
// suite, a workshop per test with a facilitator, a participant and a viewer
// watching every update, and the check that a participant's attempt is
// refused while its ordinary edit sent right after it still arrives. Each
// suite ends by restarting the server and reading back what was stored.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FACILITATION_META } from '@pinnwand/shared/facilitation/facilitationSettings';
import type { BoardId, NoteId } from '@pinnwand/shared/model/ids';
import { localOrigin } from '@pinnwand/shared/model/origin';
import { boardsMap, metaMap, notesMap, summariesMap } from '@pinnwand/shared/model/schema';
import { addBoard, setBoardLocked } from '@pinnwand/shared/ops/boardOps';
import { createCluster } from '@pinnwand/shared/ops/clusterOps';
import { addNote, getNoteText } from '@pinnwand/shared/ops/noteOps';
import { setSummaryText } from '@pinnwand/shared/ops/summaryOps';
import { updateSettings } from '@pinnwand/shared/ops/workshopOps';
import { PARTICIPANT_KEY_PARAM } from '@pinnwand/shared/policy/participantId';
import { listBoards } from '@pinnwand/shared/read/lookups';
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi } from 'vitest';
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
} from './testServer.ts';

export const facOrigin = localOrigin('facilitator' as never);
export const partOrigin = localOrigin('participant' as never);

export interface Workshop {
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

export function text(doc: Y.Doc, note: NoteId): string {
  return getNoteText(doc, note)?.toString() ?? '';
}

export function votesOn(doc: Y.Doc, note: NoteId): unknown {
  return (notesMap(doc).get(note) as Y.Map<unknown> | undefined)?.get('votes');
}

export function votesMap(doc: Y.Doc, note: NoteId): Y.Map<unknown> {
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

export function json(doc: Y.Doc, look: (doc: Y.Doc) => unknown): string {
  const value = look(doc);
  return JSON.stringify(canonical(value instanceof Y.AbstractType ? value.toJSON() : value));
}

export const whole = (doc: Y.Doc) => ({
  meta: metaMap(doc).toJSON(),
  boards: boardsMap(doc).toJSON(),
  clusters: doc.getMap('clusters').toJSON(),
  summaries: summariesMap(doc).toJSON(),
});

export const everything = (doc: Y.Doc) => ({ ...whole(doc), notes: notesMap(doc).toJSON() });

export interface RoleSuite {
  workshop(options?: { partKey?: string | null }): Promise<Workshop>;
  expectRefused(
    w: Workshop,
    look: (doc: Y.Doc) => unknown,
    attempt: (doc: Y.Doc) => void,
    reason: string,
  ): Promise<void>;
  /** console.warn as the test sees it: y-websocket reports "permission denied" there. */
  warned(): { mock: { calls: unknown[][] } };
  /**
   * Restarts the server and compares each stored workshop with what its viewer
   * saw last; none of `refused` may be anywhere in the database files. The
   * suite's last test.
   */
  expectStoredAfterRestart(refused: readonly string[]): Promise<void>;
}

/** Call once per describe. */
export function roleSuite(): RoleSuite {
  const dataDir = makeDataDir();
  let t: TestServer;
  let providers: WebsocketProvider[] = [];
  const stored: Stored[] = [];
  const viewerTokens = new Map<string, string>();
  let current: Workshop[] = [];
  let warn: { mock: { calls: unknown[][] } } = { mock: { calls: [] } };
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

  async function expectStoredAfterRestart(refused: readonly string[]): Promise<void> {
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
    for (const word of refused) {
      expect(bytes.includes(Buffer.from(word)), word).toBe(false);
    }
  }

  return { workshop, expectRefused, warned: () => warn, expectStoredAfterRestart };
}
