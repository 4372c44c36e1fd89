/**
 * GET /api/workshops/<id>/board-preview?token=… (any capability; or
 * `Authorization: Bearer …`): the workshop's first picture
 * (`BoardPreview`, @pinnwand/shared/read/boardPreview) from the room's
 * document, so that a new device draws the board before the document has
 * arrived and been applied. It shows nothing the document does not give the
 * same link: the server reads it with the same readers and rules the client
 * draws with. Cached per room until the document changes; gzipped for
 * clients that accept it (JSON of 5,000 notes is about a megabyte).
 *
 * `204 No Content` while the room's document is not built (nobody has had it
 * open since the server started, or since it was unloaded): the device then
 * draws from the document, which the server answers from the stored bytes at
 * once. Building the document only for the preview — on the event loop or in
 * a thread of its own — cost more than it saved: on a 2-core machine a
 * worker's build of a 5,000-note room answered after the document had been
 * applied in the page, and its CPU made Chromium's first picture 0.6 s later.
 */
import { ApiRoute } from '@pinnwand/shared/protocol/http';
import type { BoardPreviewCache } from './boardPreviewCache.ts';
import type { Router } from './router.ts';

export function registerBoardPreviewRoutes(router: Router, cache: BoardPreviewCache): void {
  router.get(ApiRoute.boardPreview, async (ctx) => {
    const id = ctx.params.id!;
    await ctx.services.authorize(ctx, id);
    const compressed = /\bgzip\b/.test(String(ctx.req.headers['accept-encoding'] ?? ''));
    const body = await ctx.services.rooms.withBuiltDoc(id, (doc) => cache.get(doc, compressed));
    if (!body) {
      ctx.res.statusCode = 204;
      ctx.res.setHeader('Cache-Control', 'no-store');
      ctx.res.end();
      return;
    }
    ctx.res.statusCode = 200;
    ctx.res.setHeader('Content-Type', 'application/json; charset=utf-8');
    // The token is in the query: no shared cache may keep it; it changes with the document.
    ctx.res.setHeader('Cache-Control', 'no-store');
    ctx.res.setHeader('Vary', 'Accept-Encoding');
    if (compressed) ctx.res.setHeader('Content-Encoding', 'gzip');
    ctx.res.setHeader('Content-Length', body.length);
    ctx.res.end(ctx.req.method === 'HEAD' ? undefined : body);
  });
}
