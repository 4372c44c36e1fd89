import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {
  errorBodySchema,
  serverTimeSchema,
  sessionInfoSchema,
} from '@pinnwand/shared/protocol/http';
import { CloseCode } from '@pinnwand/shared/protocol/wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawCloseCode, startTestServer, type TestServer, waitFor } from './helpers/testServer.ts';

describe('the HTTP API', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  const post = (body: string, type = 'application/json') =>
    fetch(`${t.url}/api/workshops`, { method: 'POST', headers: { 'Content-Type': type }, body });

  it('creates a workshop with three tokens and links that carry the token in the fragment', async () => {
    const w = await t.createWorkshop('ozg-erfahrungsaustausch', 'OZG 2024');
    expect(w.id).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(w.title).toBe('OZG 2024');
    const tokens = [w.facilitatorToken, w.participantToken, w.viewerToken];
    expect(new Set(tokens).size).toBe(3);
    for (const token of tokens)
      expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(w.urls.facilitator).toBe(`${t.url}/w/${w.id}#token=${w.facilitatorToken}`);
    expect(w.urls.participant).toBe(`${t.url}/w/${w.id}#token=${w.participantToken}`);
    expect(w.urls.viewer).toBe(`${t.url}/w/${w.id}#token=${w.viewerToken}`);
  });

  it('stores tokens only as hashes', async () => {
    const w = await t.createWorkshop();
    const stored = () =>
      Buffer.concat(
        readdirSync(t.config.dataDir).map((f) => readFileSync(path.join(t.config.dataDir, f))),
      );
    // The workshop's id on disk is the marker that its row (tokens included) was written.
    await waitFor(() => stored().includes(Buffer.from(w.id)), 5000, 'the workshop on disk');
    const all = stored();
    for (const token of [w.facilitatorToken, w.participantToken, w.viewerToken])
      expect(all.includes(Buffer.from(token))).toBe(false);
  });

  it('seeds the OZG example with its notes', async () => {
    const w = await t.createWorkshop('ozg-example', 'Beispiel');
    const notes = await t.server.services.rooms.withDoc(w.id, (doc) => doc.getMap('notes').size);
    expect(notes).toBe(94);
    // It keeps the original title its attribution names, and the answer says so.
    expect(w.title).toBe('OZG-Erfahrungsaustausch 2023: Die Zukunft der föderalen OZG-Umsetzung');
  });

  it('refuses bad bodies with a clear message', async () => {
    const missing = await post(JSON.stringify({ template: 'blank' }));
    expect(missing.status).toBe(400);
    expect(errorBodySchema.parse(await missing.json()).error).toMatch(/title/);
    const badTemplate = await post(JSON.stringify({ title: 'x', template: 'kanban' }));
    expect(badTemplate.status).toBe(400);
    expect(errorBodySchema.parse(await badTemplate.json()).error).toMatch(/template/);
    expect((await post('{not json')).status).toBe(400);
    expect((await post('title=x', 'application/x-www-form-urlencoded')).status).toBe(415);
    const big = await post(JSON.stringify({ title: 'x'.repeat(100_000), template: 'blank' }));
    expect(big.status).toBe(413);
  });

  it('answers a session for each capability, 401 for a bad token and 404 for an unknown workshop', async () => {
    const w = await t.createWorkshop('blank', 'Sitzung');
    for (const [token, role] of [
      [w.facilitatorToken, 'facilitator'],
      [w.participantToken, 'participant'],
      [w.viewerToken, 'viewer'],
    ] as const) {
      const res = await fetch(`${t.url}/api/workshops/${w.id}/session?token=${token}`);
      expect(res.status).toBe(200);
      const body = sessionInfoSchema.parse(await res.json());
      expect(body).toMatchObject({ workshopId: w.id, role, title: 'Sitzung' });
      expect(Math.abs(body.serverTime - Date.now())).toBeLessThan(5000);
    }
    expect((await fetch(`${t.url}/api/workshops/${w.id}/session?token=nope`)).status).toBe(401);
    expect((await fetch(`${t.url}/api/workshops/${w.id}/session`)).status).toBe(401);
    expect((await fetch(`${t.url}/api/workshops/unknownid123/session?token=x`)).status).toBe(404);
  });

  it('tells the time, its health and its metrics', async () => {
    const time = serverTimeSchema.parse(await (await fetch(`${t.url}/api/time`)).json());
    expect(Math.abs(time.serverTime - Date.now())).toBeLessThan(5000);
    const health = await fetch(`${t.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    for (const name of [
      'pinnwand_connections',
      'pinnwand_rooms_loaded',
      'pinnwand_messages_in_total',
      'pinnwand_bytes_out_total',
      'pinnwand_persist_seconds',
      'pinnwand_rejected_messages_total',
    ]) {
      expect(metrics).toContain(name);
    }
  });

  it('answers 405 for a known path with the wrong method and 404 for unknown API paths', async () => {
    expect((await fetch(`${t.url}/api/workshops`)).status).toBe(405);
    expect((await fetch(`${t.url}/api/nothing`)).status).toBe(404);
  });

  it('closes a websocket with a bad token with 4401 and one for an unknown workshop with 4404', async () => {
    const w = await t.createWorkshop();
    const loadedBefore = t.server.rooms.loadedRooms;
    const wsBase = t.url.replace(/^http/, 'ws');
    expect(await rawCloseCode(`${wsBase}/ws/${w.id}?token=wrong`)).toBe(CloseCode.badToken);
    expect(await rawCloseCode(`${wsBase}/ws/${w.id}`)).toBe(CloseCode.badToken);
    expect(await rawCloseCode(`${wsBase}/ws/doesnotexist1?token=${w.participantToken}`)).toBe(
      CloseCode.unknownWorkshop,
    );
    expect(t.server.rooms.loadedRooms).toBe(loadedBefore);
  });

  it('refuses an upgrade to a path that is not a workshop before upgrading', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${t.url}/ws/..%2f..?token=x`, {
        headers: {
          Connection: 'Upgrade',
          Upgrade: 'websocket',
          'Sec-WebSocket-Version': '13',
          'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        },
      });
      req.on('response', (res) => resolve(res.statusCode ?? 0));
      req.on('upgrade', () => reject(new Error('upgraded')));
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(400);
  });
});
