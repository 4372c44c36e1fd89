// How later features add HTTP routes (exports, imports): a few lines against
// the router, with the services the server hands every route.
import { IMPORT_ORIGIN } from '@pinnwand/shared/model/origin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import type { Router } from '../src/http/router.ts';
import {
  connect,
  makeDataDir,
  startTestServer,
  synced,
  type TestServer,
  waitFor,
} from './helpers/testServer.ts';

function registerTestRoutes(router: Router): void {
  router.post('/api/workshops/:id/test-import', async (ctx) => {
    const id = ctx.params.id!;
    await ctx.services.authorize(ctx, id, ['facilitator']);
    const fail = ctx.url.searchParams.get('fail') === '1';
    await ctx.services.rooms.change(
      id,
      (doc) => {
        doc.getMap('notes').set('imported', 'from the server');
        if (fail) throw new Error('the file was broken half-way');
      },
      IMPORT_ORIGIN,
    );
    ctx.res.statusCode = 204;
    ctx.res.end();
  });
  router.get('/api/workshops/:id/note-count.:format', async (ctx) => {
    const id = ctx.params.id!;
    await ctx.services.authorize(ctx, id);
    const count = await ctx.services.rooms.withDoc(id, (doc) => doc.getMap('notes').size);
    ctx.res.setHeader('Content-Type', 'text/plain');
    ctx.res.end(`${ctx.params.format}:${count}`);
  });
}

describe('routes added by other features', () => {
  let t: TestServer;
  const dataDir = makeDataDir();
  beforeAll(async () => {
    t = await startTestServer({}, { routes: registerTestRoutes }, dataDir);
  });
  afterAll(() => t.close());

  it('authorise the token, read the live document and apply a server change that everyone receives', async () => {
    const w = await t.createWorkshop();
    const participant: WebsocketProvider = connect(t.wsUrl, w.id, w.participantToken);
    await synced(participant);
    const post = (token: string, extra = '') =>
      fetch(`${t.url}/api/workshops/${w.id}/test-import?token=${token}${extra}`, {
        method: 'POST',
      });
    expect((await post(w.participantToken)).status).toBe(403);
    expect((await post('nope')).status).toBe(401);
    expect((await post(w.facilitatorToken)).status).toBe(204);
    await waitFor(() => participant.doc.getMap('notes').get('imported') === 'from the server');
    const count = await fetch(`${t.url}/api/workshops/${w.id}/note-count.txt`, {
      headers: { Authorization: `Bearer ${w.viewerToken}` },
    });
    expect(await count.text()).toBe('txt:1');
    participant.destroy();
  });

  it('a server change that throws half-way is discarded and the room carries on', async () => {
    const w = await t.createWorkshop();
    const participant = connect(t.wsUrl, w.id, w.participantToken);
    await synced(participant);
    const res = await fetch(
      `${t.url}/api/workshops/${w.id}/test-import?token=${w.facilitatorToken}&fail=1`,
      { method: 'POST' },
    );
    expect(res.status).toBe(500);
    await synced(participant, 10_000);
    participant.doc.getMap('notes').set('mine', 'still works');
    const check = connect(t.wsUrl, w.id, w.viewerToken);
    await synced(check);
    await waitFor(
      () => check.doc.getMap('notes').get('mine') === 'still works',
      5000,
      'later edit',
    );
    expect(check.doc.getMap('notes').has('imported')).toBe(false);
    participant.destroy();
    check.destroy();
  });
});
