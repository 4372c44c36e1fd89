// The facilitator's administration: invitation links recovered on another
// device (sealed under the facilitator token), deleting a workshop, retention.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { errorBodySchema } from '@pinnwand/shared/protocol/http';
import { CloseCode } from '@pinnwand/shared/protocol/wire';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  closeCode,
  connect,
  makeDataDir,
  rawCloseCode,
  startTestServer,
  synced,
  type TestServer,
} from './helpers/testServer.ts';

const DAY = 24 * 60 * 60 * 1000;

describe('invitation links on another device', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  const invites = (id: string, init: RequestInit = {}, query = '') =>
    fetch(`${t.url}/api/workshops/${id}/invites${query}`, init);

  it('gives the facilitator the participant and viewer links again', async () => {
    const w = await t.createWorkshop('blank', 'Einladen');
    for (const res of [
      await invites(w.id, {}, `?token=${w.facilitatorToken}`),
      await invites(w.id, { headers: { Authorization: `Bearer ${w.facilitatorToken}` } }),
    ]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.json()).toEqual({
        participantToken: w.participantToken,
        viewerToken: w.viewerToken,
        urls: { participant: w.urls.participant, viewer: w.urls.viewer },
      });
    }
  });

  it('refuses other tokens: 403 for participant and viewer, 401 for wrong or none, 404 unknown', async () => {
    const w = await t.createWorkshop();
    expect((await invites(w.id, {}, `?token=${w.participantToken}`)).status).toBe(403);
    expect((await invites(w.id, {}, `?token=${w.viewerToken}`)).status).toBe(403);
    expect((await invites(w.id, {}, '?token=wrong')).status).toBe(401);
    expect((await invites(w.id)).status).toBe(401);
    const other = await t.createWorkshop();
    expect((await invites(w.id, {}, `?token=${other.facilitatorToken}`)).status).toBe(401);
    expect((await invites('unknownid123', {}, `?token=${w.facilitatorToken}`)).status).toBe(404);
  });

  it('stores no participant or viewer token in plain text', async () => {
    const w = await t.createWorkshop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const files = readdirSync(t.config.dataDir).map((f) => path.join(t.config.dataDir, f));
    const all = Buffer.concat(files.map((f) => readFileSync(f)));
    expect(all.includes(Buffer.from(w.id))).toBe(true);
    for (const token of [w.facilitatorToken, w.participantToken, w.viewerToken]) {
      expect(all.includes(Buffer.from(token))).toBe(false);
      expect(all.includes(Buffer.from(token, 'base64url'))).toBe(false);
    }
  });
});

describe('a database from before sealed invites', () => {
  it('is migrated in place; its old workshops answer 404 for invites and can still be deleted', async () => {
    const dataDir = makeDataDir();
    const db = new Database(path.join(dataDir, 'pinnwand.sqlite'));
    db.exec(`
      CREATE TABLE workshops (id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at INTEGER NOT NULL,
        facilitator_hash BLOB NOT NULL, participant_hash BLOB NOT NULL, viewer_hash BLOB NOT NULL);
      CREATE TABLE snapshots (workshop_id TEXT PRIMARY KEY REFERENCES workshops(id), seq INTEGER NOT NULL, data BLOB NOT NULL);
      CREATE TABLE updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, workshop_id TEXT NOT NULL, data BLOB NOT NULL);
    `);
    const { createHash } = await import('node:crypto');
    const hash = (s: string) => createHash('sha256').update(s).digest();
    db.prepare('INSERT INTO workshops VALUES (?, ?, ?, ?, ?, ?)').run(
      'oldworkshop1',
      'Alt',
      1_600_000_000_000,
      hash('facil-token'),
      hash('part-token'),
      hash('view-token'),
    );
    db.prepare('INSERT INTO snapshots VALUES (?, 0, ?)').run(
      'oldworkshop1',
      Buffer.from(Y.encodeStateAsUpdate(new Y.Doc())),
    );
    db.close();
    // A long retention must not delete the old workshop at once: the migration stamps it now.
    const t = await startTestServer({ RETENTION_DAYS: '30' }, {}, dataDir);
    try {
      expect(await t.server.sweepRetention()).toEqual([]);
      const res = await fetch(`${t.url}/api/workshops/oldworkshop1/invites?token=facil-token`);
      expect(res.status).toBe(404);
      expect(errorBodySchema.parse(await res.json()).error).toMatch(/before/);
      const fresh = await t.createWorkshop();
      const ok = await fetch(`${t.url}/api/workshops/${fresh.id}/invites`, {
        headers: { Authorization: `Bearer ${fresh.facilitatorToken}` },
      });
      expect(ok.status).toBe(200);
      const del = await fetch(`${t.url}/api/workshops/oldworkshop1?token=facil-token`, {
        method: 'DELETE',
      });
      expect(del.status).toBe(204);
    } finally {
      await t.close();
    }
  });
});

describe('deleting a workshop', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  const del = (id: string, token?: string) =>
    fetch(`${t.url}/api/workshops/${id}`, {
      method: 'DELETE',
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });

  it('refuses participant, viewer, wrong and missing tokens', async () => {
    const w = await t.createWorkshop();
    expect((await del(w.id, w.participantToken)).status).toBe(403);
    expect((await del(w.id, w.viewerToken)).status).toBe(403);
    expect((await del(w.id, 'wrong')).status).toBe(401);
    expect((await del(w.id)).status).toBe(401);
    expect((await del('unknownid123', w.facilitatorToken)).status).toBe(404);
    const session = await fetch(`${t.url}/api/workshops/${w.id}/session?token=${w.viewerToken}`);
    expect(session.status).toBe(200);
  });

  it('closes the room with 4410, removes every row, and later connects get 4404', async () => {
    const w = await t.createWorkshop('retro', 'Weg damit');
    const keep = await t.createWorkshop('blank', 'Bleibt');
    const doc = new Y.Doc();
    const provider = connect(t.wsUrl, w.id, w.participantToken, doc);
    await synced(provider);
    doc.getMap('notes').set('n1', 'written before the delete');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = closeCode(provider);

    const res = await del(w.id, w.facilitatorToken);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect(await closed).toBe(CloseCode.workshopDeleted);
    provider.destroy();

    expect(await rawCloseCode(`${t.wsUrl}/${w.id}?token=${w.facilitatorToken}`)).toBe(
      CloseCode.unknownWorkshop,
    );
    expect(
      (await fetch(`${t.url}/api/workshops/${w.id}/session?token=${w.facilitatorToken}`)).status,
    ).toBe(404);
    expect((await del(w.id, w.facilitatorToken)).status).toBe(404);
    // A route that authorised just before the delete does not revive the room.
    await expect(t.server.services.rooms.withDoc(w.id, () => 1)).rejects.toThrow(/does not exist/);

    const db = new Database(path.join(t.config.dataDir, 'pinnwand.sqlite'), { readonly: true });
    try {
      for (const [table, column] of [
        ['workshops', 'id'],
        ['snapshots', 'workshop_id'],
        ['updates', 'workshop_id'],
      ] as const) {
        const row = db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = ?`).get(w.id);
        expect(row, table).toEqual({ n: 0 });
      }
      expect(db.prepare('SELECT COUNT(*) AS n FROM workshops WHERE id = ?').get(keep.id)).toEqual({
        n: 1,
      });
    } finally {
      db.close();
    }
    const other = connect(t.wsUrl, keep.id, keep.facilitatorToken);
    await synced(other);
    other.destroy();
  });
});

describe('retention', () => {
  it('deletes workshops whose last update is older than RETENTION_DAYS, by an injected clock', async () => {
    let clock = Date.UTC(2026, 0, 1);
    const t = await startTestServer({ RETENTION_DAYS: '7' }, { now: () => clock });
    try {
      const idle = await t.createWorkshop('blank', 'Liegt brach');
      const busy = await t.createWorkshop('blank', 'Wird benutzt');
      expect(await t.server.sweepRetention()).toEqual([]);

      clock += 5 * DAY;
      const doc = new Y.Doc();
      const provider = connect(t.wsUrl, busy.id, busy.facilitatorToken, doc);
      await synced(provider);
      doc.getMap('notes').set('n1', 'still in use');
      await new Promise((resolve) => setTimeout(resolve, 100));
      provider.destroy();

      clock += 3 * DAY; // idle: 8 days without an update; busy: 3 days
      expect(await t.server.sweepRetention()).toEqual([idle.id]);
      expect(
        (await fetch(`${t.url}/api/workshops/${idle.id}/session?token=${idle.viewerToken}`)).status,
      ).toBe(404);
      expect(
        (await fetch(`${t.url}/api/workshops/${busy.id}/session?token=${busy.viewerToken}`)).status,
      ).toBe(200);

      clock += 10 * DAY;
      expect(await t.server.sweepRetention()).toEqual([busy.id]);
    } finally {
      await t.close();
    }
  });

  it('keeps everything with the default RETENTION_DAYS=0', async () => {
    let clock = Date.now();
    const t = await startTestServer({}, { now: () => clock });
    try {
      expect(t.config.retentionDays).toBe(0);
      const w = await t.createWorkshop();
      clock += 10_000 * DAY;
      expect(await t.server.sweepRetention()).toEqual([]);
      expect(
        (await fetch(`${t.url}/api/workshops/${w.id}/session?token=${w.viewerToken}`)).status,
      ).toBe(200);
    } finally {
      await t.close();
    }
  });
});
