// A workshop with honest people in it and a hostile client speaking raw
// y-websocket, for the tests in test/hostile/ (issue 11): each attack is sent
// as the bytes a hostile client would send, and the honest people's documents
// show what a user would notice.
import { type BoardId, type NoteId, newId } from '@pinnwand/shared/model/ids';
import { localOrigin } from '@pinnwand/shared/model/origin';
import { notesMap } from '@pinnwand/shared/model/schema';
import { addNote, getNoteText } from '@pinnwand/shared/ops/noteOps';
import { listBoards } from '@pinnwand/shared/read/lookups';
import * as encoding from 'lib0/encoding';
import { afterEach } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { greeted, type RawClient, rawConnect } from './rawClient.ts';
import {
  type CreatedWorkshop,
  connect,
  issueIdentity,
  startTestServer,
  synced,
  type TestServer,
  waitFor,
} from './testServer.ts';

export interface Person {
  provider: WebsocketProvider;
  doc: Y.Doc;
  /** Participant id proved by its key. */
  id: string;
  key: string;
}

export interface Scene {
  t: TestServer;
  w: CreatedWorkshop;
  board: BoardId;
  facilitator: Person;
  /** An honest participant. */
  alice: Person;
  providers: WebsocketProvider[];
  raws: RawClient[];
}

/** Someone connected with `token` and an identity the server issued through it. */
export async function person(
  scene: Pick<Scene, 't' | 'w' | 'providers'>,
  token: string,
): Promise<Person> {
  const { participantKey: key, participantId: id } = await issueIdentity(
    scene.t.url,
    scene.w.id,
    token,
  );
  const provider = connect(scene.t.wsUrl, scene.w.id, token, new Y.Doc(), { pkey: key });
  scene.providers.push(provider);
  return { provider, doc: provider.doc, id, key };
}

/** A workshop with its facilitator and one honest participant connected and synced. */
export async function scene(t: TestServer): Promise<Scene> {
  const w = await t.createWorkshop();
  const partial = { t, w, providers: [] as WebsocketProvider[] };
  const facilitator = await person(partial, w.facilitatorToken);
  const alice = await person(partial, w.participantToken);
  await Promise.all([synced(facilitator.provider), synced(alice.provider)]);
  const board = listBoards(facilitator.doc)[0]!.id;
  return { ...partial, board, facilitator, alice, raws: [] };
}

export function closeScene(s: Scene): void {
  for (const p of s.providers.splice(0)) p.destroy();
  for (const r of s.raws.splice(0)) r.ws.terminate();
}

/**
 * One server and scene per test, torn down after each (call once per
 * describe): `const { t, s } = await round.start()`; `round.extra` takes
 * further providers (bystanders) to destroy with it.
 */
export function hostileRound(): {
  start(env?: Record<string, string>): Promise<{ t: TestServer; s: Scene }>;
  extra: WebsocketProvider[];
} {
  let t: TestServer | null = null;
  let s: Scene | null = null;
  const extra: WebsocketProvider[] = [];
  afterEach(async () => {
    for (const p of extra.splice(0)) p.destroy();
    if (s) closeScene(s);
    s = null;
    await t?.close();
    t = null;
  });
  return {
    extra,
    async start(env = {}) {
      const server = await startTestServer(env);
      t = server;
      s = await scene(server);
      return { t: server, s };
    },
  };
}

/** `who` writes a note in its own name; resolves with its id. */
export function writeNote(s: Scene, who: Person, text: string, x = 0): NoteId {
  return addNote(
    who.doc,
    { boardId: s.board, x, y: 0, text, author: 'Honest', authorId: who.id as never },
    localOrigin(who.id as never),
  );
}

/** A fresh viewer's copy of the workshop (what anyone joining now sees). */
export async function freshView(s: Scene): Promise<Y.Doc> {
  const viewer = connect(s.t.wsUrl, s.w.id, s.w.viewerToken);
  s.providers.push(viewer);
  await synced(viewer);
  return viewer.doc;
}

export function noteText(doc: Y.Doc, id: NoteId): string | null {
  return notesMap(doc).has(id) ? (getNoteText(doc, id)?.toString() ?? '') : null;
}

/** Waits until a fresh viewer sees every one of these notes with its text. */
export async function expectNotesSurvive(s: Scene, notes: Map<NoteId, string>): Promise<void> {
  const doc = await freshView(s);
  await waitFor(
    () => [...notes].every(([id, text]) => noteText(doc, id) === text),
    10_000,
    `${notes.size} honest notes at a fresh viewer`,
  );
}

/**
 * A hostile client connected with `token` (and a participant key), synced as
 * a stock client would be: it has sent its SyncStep2, so from now on the
 * server holds it to referring only to what the server has.
 */
export async function hostile(
  s: Scene,
  token: string,
): Promise<RawClient & { participantId: string }> {
  const { participantKey, participantId } = await issueIdentity(s.t.url, s.w.id, token);
  const raw = rawConnect(`${s.t.wsUrl}/${s.w.id}?token=${token}&pkey=${participantKey}`);
  s.raws.push(raw);
  await raw.opened;
  await greeted(raw, 10_000);
  raw.sendSyncStep2(Y.encodeStateAsUpdate(new Y.Doc()));
  return { ...raw, participantId };
}

/** An update with no structs and one delete range (V1 encoding, as y-websocket sends). */
export function deleteRangeUpdate(client: number, clock: number, len: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // no structs
  encoding.writeVarUint(e, 1); // one client in the delete set
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 1); // one range
  encoding.writeVarUint(e, clock);
  encoding.writeVarUint(e, len);
  return encoding.toUint8Array(e);
}

/** A copy of `doc` that writes as client `clientId`, collecting its updates. */
export function forge(doc: Y.Doc, clientId: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  copy.clientID = clientId;
  const updates: Uint8Array[] = [];
  copy.on('update', (u: Uint8Array) => updates.push(u));
  return { doc: copy, updates };
}

export interface Bystander {
  /** The other workshop's facilitator (may write any root, e.g. a probe map). */
  writer: Y.Doc;
  reader: Y.Doc;
}

/** Another workshop on the same server, with a writer and a reader connected. */
export async function bystander(t: TestServer, providers: WebsocketProvider[]): Promise<Bystander> {
  const w = await t.createWorkshop();
  const writer = connect(t.wsUrl, w.id, w.facilitatorToken);
  const reader = connect(t.wsUrl, w.id, w.viewerToken);
  providers.push(writer, reader);
  await Promise.all([synced(writer), synced(reader)]);
  return { writer: writer.doc, reader: reader.doc };
}

/** One edit in the bystander workshop; resolves once its reader has it. */
export async function bystanderRoundTrip(
  b: Bystander,
  label: string,
  timeoutMs = 10_000,
): Promise<void> {
  const key = `${label}-${newId()}`;
  b.writer.getMap('probe').set(key, 1);
  await waitFor(() => b.reader.getMap('probe').has(key), timeoutMs, `bystander ${label}`);
}
