// Two processes' worth of servers on one real PostgreSQL (DATABASE_URL): any
// process accepts any workshop, each room is served by one owner, and the rest
// forward to it — websockets and HTTP API alike.

import { CloseCode } from '@pinnwand/shared/protocol/wire';
import { readWorkshop } from '@pinnwand/shared/read/workshopView';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { removeChildServerBundle, startChildServer } from './helpers/childServer.ts';
import { type PostgresCluster, startPostgresCluster } from './helpers/postgresCluster.ts';
import {
  closeCode,
  connect,
  createWorkshopAt,
  makeDataDir,
  startTestServer,
  synced,
  type TestServer,
  waitFor,
} from './helpers/testServer.ts';

let cluster: PostgresCluster;
let databases = 0;
beforeAll(async () => {
  cluster = await startPostgresCluster();
}, 90_000);
afterAll(async () => {
  await cluster?.remove();
  removeChildServerBundle();
});

const open: (TestServer | WebsocketProvider)[] = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) {
    if ('destroy' in item) item.destroy();
    else await item.close();
  }
});

/** Two servers sharing a fresh database. */
async function twoProcesses(env: Record<string, string> = {}): Promise<[TestServer, TestServer]> {
  databases += 1;
  const url = await cluster.createDatabase(`cluster_${databases}`);
  const settings = { DATABASE_URL: url, ROOM_LEASE_MS: '1000', ...env };
  const a = await startTestServer(settings);
  const b = await startTestServer(settings);
  open.push(a, b);
  return [a, b];
}

function client(t: TestServer, id: string, token: string): WebsocketProvider {
  const provider = connect(t.wsUrl, id, token);
  open.push(provider);
  return provider;
}

describe('several processes on one PostgreSQL', () => {
  it('serves a room at one owner and forwards websockets that reach the other process', async () => {
    const [a, b] = await twoProcesses();
    const w = await b.createWorkshop('blank', 'Geteilt');
    const atA = client(a, w.id, w.participantToken);
    await synced(atA);
    const atB = client(b, w.id, w.participantToken);
    await synced(atB);
    expect(a.server.rooms.loadedRooms).toBe(1);
    expect(b.server.rooms.loadedRooms).toBe(0);
    const health = (await (await fetch(`${b.url}/healthz`)).json()) as { forwarded: number };
    expect(health.forwarded).toBe(1);

    atB.doc.getMap('notes').set('from-b', 'über B geschrieben');
    await waitFor(() => atA.doc.getMap('notes').get('from-b') !== undefined, 5000, 'relay B→A');
    atA.doc.getMap('notes').set('from-a', 'direkt an A');
    await waitFor(() => atB.doc.getMap('notes').get('from-a') !== undefined, 5000, 'relay A→B');

    // Awareness lives with the owner and reaches the forwarded client too.
    atA.awareness.setLocalStateField('user', { name: 'Ada' });
    await waitFor(
      () => [...atB.awareness.getStates().values()].some((s) => s.user?.name === 'Ada'),
      5000,
      'awareness through the forwarding process',
    );
    // A note claim is stamped once, by the owner's clock (room/AwarenessClaims.ts):
    // the fake early time a forwarded client sends does not survive the trip,
    // and a later claim through the owner directly is stamped later.
    type Claim = { editing?: unknown; editingSince?: unknown } | undefined;
    const claimOf = (at: typeof atA, of: typeof atA) =>
      at.awareness.getStates().get(of.awareness.clientID) as Claim;
    atB.awareness.setLocalState({ user: { name: 'Bo' }, editing: 'n1', editingSince: 0 });
    await waitFor(() => claimOf(atA, atB)?.editing === 'n1', 5000, 'claim through the forwarder');
    const forwarded = claimOf(atA, atB)?.editingSince as number;
    expect(forwarded).toBeGreaterThan(0);
    atA.awareness.setLocalState({ user: { name: 'Ada' }, editing: 'n1', editingSince: 0 });
    await waitFor(() => claimOf(atB, atA)?.editing === 'n1', 5000, 'claim at the owner');
    expect(claimOf(atB, atA)?.editingSince as number).toBeGreaterThan(forwarded);
  });

  it('answers the HTTP API on every process with the owner’s live document', async () => {
    const [a, b] = await twoProcesses();
    const w = await a.createWorkshop('blank', 'Vorher');
    const writer = client(a, w.id, w.facilitatorToken);
    await synced(writer);
    writer.doc.getMap('meta').set('title', 'Nachher');
    const view = () => a.server.services.rooms.withDoc(w.id, (doc) => readWorkshop(doc));
    await waitFor(() => a.server.rooms.peekDoc(w.id)?.getMap('meta').get('title') === 'Nachher');

    const session = await fetch(`${b.url}/api/workshops/${w.id}/session?token=${w.viewerToken}`);
    expect(((await session.json()) as { title: string }).title).toBe('Nachher');
    const md = await fetch(`${b.url}/api/workshops/${w.id}/export.md?token=${w.viewerToken}`);
    expect(md.status).toBe(200);
    expect(await md.text()).toContain('Nachher');

    const imported = await fetch(
      `${b.url}/api/workshops/${w.id}/import?token=${w.facilitatorToken}&format=text`,
      { method: 'POST', body: 'Eine Idee\nNoch eine Idee\n' },
    );
    expect(imported.status).toBe(201);
    await waitFor(
      () => JSON.stringify(writer.doc.getMap('notes').toJSON()).includes('Noch eine Idee'),
      5000,
      'the import relayed to the owner’s client',
    );
    expect(JSON.stringify((await view()).boards)).toContain('Eine Idee');
    expect(b.server.rooms.loadedRooms).toBe(0);

    const invites = await fetch(
      `${b.url}/api/workshops/${w.id}/invites?token=${w.facilitatorToken}`,
    );
    expect(((await invites.json()) as { viewerToken: string }).viewerToken).toBe(w.viewerToken);
  });

  it('closes a deleted workshop’s sockets with 4410 on both processes', async () => {
    const [a, b] = await twoProcesses();
    const w = await a.createWorkshop('blank', 'Weg damit');
    const atA = client(a, w.id, w.participantToken);
    await synced(atA);
    const atB = client(b, w.id, w.participantToken);
    await synced(atB);
    const closedA = closeCode(atA);
    const closedB = closeCode(atB);
    const res = await fetch(`${b.url}/api/workshops/${w.id}?token=${w.facilitatorToken}`, {
      method: 'DELETE',
    });
    expect(res.status).toBe(204);
    expect(await closedA).toBe(CloseCode.workshopDeleted);
    expect(await closedB).toBe(CloseCode.workshopDeleted);
  });

  it('hands a room to the other process when its owner shuts down, losing nothing', async () => {
    const [a, b] = await twoProcesses();
    const w = await a.createWorkshop('blank', 'Umzug');
    const atA = client(a, w.id, w.participantToken);
    await synced(atA);
    const atB = client(b, w.id, w.participantToken);
    await synced(atB);
    atA.doc.getMap('notes').set('before', 'vor dem Umzug');
    await waitFor(() => atB.doc.getMap('notes').has('before'));
    open.splice(open.indexOf(a), 1);
    await a.server.close();
    // atB's forwarded socket ended with A; it reconnects to B, which claims the room.
    await waitFor(() => b.server.rooms.loadedRooms === 1 && atB.synced, 10_000, 'B took over');
    atB.doc.getMap('notes').set('after', 'nach dem Umzug');
    const fresh = client(b, w.id, w.viewerToken);
    await synced(fresh);
    await waitFor(() => fresh.doc.getMap('notes').has('after'), 5000, 'edit after the handover');
    expect(fresh.doc.getMap('notes').get('before')).toBe('vor dem Umzug');
  });

  it('closes rooms with 4507 while the database is gone and serves them again when it returns', async () => {
    const [a] = await twoProcesses();
    const w = await a.createWorkshop('blank', 'Ausfall');
    const writer = client(a, w.id, w.participantToken);
    await synced(writer);
    writer.doc.getMap('notes').set('kept', 'vor dem Ausfall');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const closed = closeCode(writer, 60_000);
    await cluster.stop('immediate');
    try {
      writer.doc.getMap('notes').set('during', 'während des Ausfalls');
      expect(await closed).toBe(CloseCode.storageFailed);
    } finally {
      await cluster.start();
    }
    await waitFor(() => writer.synced, 60_000, 'the client back after the database returned');
    const reader = client(a, w.id, w.viewerToken);
    await synced(reader, 30_000);
    await waitFor(
      () => reader.doc.getMap('notes').has('during'),
      30_000,
      'the edit made meanwhile',
    );
    expect(reader.doc.getMap('notes').get('kept')).toBe('vor dem Ausfall');
  }, 240_000); // stopping and starting PostgreSQL takes a while on a busy machine
});

describe('one process with DATABASE_URL', () => {
  it('keeps workshops in PostgreSQL across a restart', async () => {
    databases += 1;
    const url = await cluster.createDatabase(`cluster_${databases}`);
    const first = await startTestServer({ DATABASE_URL: url });
    const w = await first.createWorkshop('blank', 'Bleibt');
    const doc = new Y.Doc();
    const provider = connect(first.wsUrl, w.id, w.participantToken, doc);
    await synced(provider);
    doc.getMap('notes').set('n', 'gespeichert');
    await new Promise((resolve) => setTimeout(resolve, 200));
    provider.destroy();
    await first.close();
    const second = await startTestServer({ DATABASE_URL: url });
    open.push(second);
    const reader = client(second, w.id, w.viewerToken);
    await synced(reader);
    expect(reader.doc.getMap('notes').get('n')).toBe('gespeichert');
  });
});

describe('a killed owner', () => {
  it('is taken over before its lease runs out, as its address refuses connections', async () => {
    databases += 1;
    const url = await cluster.createDatabase(`cluster_${databases}`);
    // A lease far longer than a takeover of a dead owner takes (about half of
    // it): waiting it out would fail the check at the end.
    const env = { DATABASE_URL: url, ROOM_LEASE_MS: '20000', LOG_LEVEL: 'info' };
    const a = await startChildServer(makeDataDir(), env);
    const b = await startChildServer(makeDataDir(), env);
    const ws = (t: { url: string }) => `${t.url.replace(/^http/, 'ws')}/ws`;
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const providers: WebsocketProvider[] = [];
    try {
      const w = await createWorkshopAt(a.url, 'blank', 'Absturz');
      const atA = connect(ws(a), w.id, w.participantToken);
      providers.push(atA);
      await synced(atA, 30_000);
      // A second room of A's, asked for over HTTP only after the kill.
      const other = await createWorkshopAt(a.url, 'blank', 'Nur per HTTP');
      const otherAtA = connect(ws(a), other.id, other.participantToken);
      providers.push(otherAtA);
      await synced(otherAtA, 30_000);
      otherAtA.destroy();
      const atB = connect(ws(b), w.id, w.participantToken);
      providers.push(atB);
      await synced(atB, 30_000);
      atA.doc.getMap('notes').set('before', 'vor dem Absturz');
      await waitFor(() => atB.doc.getMap('notes').has('before'), 10_000, 'relay through B');
      const lease = async (id = w.id) =>
        (
          await db.query<{ epoch: string; owner_url: string; expires_at: Date }>(
            'SELECT epoch, owner_url, expires_at FROM room_leases WHERE workshop_id = $1',
            [id],
          )
        ).rows[0]!;
      const held = await lease();
      expect(held.owner_url).toBe(a.url);
      const otherHeld = await lease(other.id);
      expect(otherHeld.owner_url).toBe(a.url);

      await a.stop('SIGKILL');
      const exported = await fetch(
        `${b.url}/api/workshops/${other.id}/export.md?token=${other.viewerToken}`,
      );
      expect(exported.status).toBe(200);
      expect(await exported.text()).toContain('Nur per HTTP');
      const otherTaken = await lease(other.id);
      expect(otherTaken.owner_url).toBe(b.url);
      // atB's forwarded socket ended with A; it reconnects to B, which finds A
      // dead and claims the room.
      atB.doc.getMap('notes').set('after', 'nach dem Absturz');
      const fresh = connect(ws(b), w.id, w.viewerToken);
      providers.push(fresh);
      await synced(fresh, 60_000);
      await waitFor(() => fresh.doc.getMap('notes').has('after'), 60_000, 'the edit after');
      expect(fresh.doc.getMap('notes').get('before')).toBe('vor dem Absturz');
      const taken = await lease();
      expect(Number(taken.epoch)).toBe(Number(held.epoch) + 1);
      expect(taken.owner_url).toBe(b.url);
      // Taken over while A's lease still ran: A was found dead, not waited out.
      const early = await db.query<{ early: boolean }>(
        'SELECT clock_timestamp() < $1 AND clock_timestamp() < $2 AS early',
        [held.expires_at, otherHeld.expires_at],
      );
      expect(early.rows[0]!.early).toBe(true);
      expect(b.output()).toContain('refuses connections and stopped renewing');
    } finally {
      for (const p of providers) p.destroy();
      await db.end();
      await a.stop('SIGKILL');
      await b.stop('SIGTERM');
    }
  }, 180_000);
});
