/**
 * GET /api/workshops/<id>/board-preview?token=… (any capability; or
 * `Authorization: Bearer …`): the workshop's first picture
 * (`BoardPreview`, @pinnwand/shared/read/boardPreview), so that a new device
 * draws the board before the document has arrived and been applied. It shows
 * nothing the document does not give the same link: the server reads it with
 * the same readers and rules the client draws with. Gzipped for clients that
 * accept it (JSON of 5,000 notes is about a megabyte).
 *
 * A room whose document is built (a workshop in progress) answers from that
 * document, cached until it changes. A room whose document is not built
 * (nobody has had it open since the server started, or since it was
 * unloaded) answers the preview stored with its last snapshot — compaction
 * reads it from the document it merges, in its worker thread — if nothing
 * that may change the picture was committed after that snapshot (a new
 * device's identity does not: RoomManager.storedPreview); its gzip is sent
 * as stored. Otherwise `204
 * No Content`: the device draws from the document, which the server answers
 * from the stored bytes at once. The document is never built for the preview:
 * on a 2-core machine a worker's build of a 5,000-note room answered after
 * the document had been applied in the page, and its CPU made Chromium's
 * first picture 0.6 s later.
 *
 * GET …/board-cards answers the same preview as plain cards (`BoardCards`,
 * @pinnwand/shared/read/boardCards: each note's place and colour, about a
 * fifteenth of the bytes), for the device's very first sight of the board
 * while its code loads; the same rules, the same 204. A cold room's cards
 * are stored beside its preview, so they too are sent as stored.
 */
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { ApiRoute } from '@pinnwand/shared/protocol/http';
import type { BoardPreviewCache, PreviewKind } from './boardPreviewCache.ts';
import type { RouteHandler, Router } from './router.ts';
import type { RoomAccess } from './services.ts';

const gunzipAsync = promisify(gunzip);

/**
 * The stored preview (or its cards) of a room whose document is not built, if
 * current, as the client takes it; null when there is none, or when the
 * stored bytes cannot be read (never seen): the device draws from the document.
 */
async function storedBody(rooms: RoomAccess, id: string, kind: PreviewKind, compressed: boolean) {
  const stored = await rooms.storedPreview(id);
  if (!stored) return null;
  const gzipped = kind === 'cards' ? stored.cards : stored.preview;
  const bytes = Buffer.from(gzipped.buffer, gzipped.byteOffset, gzipped.byteLength);
  return compressed ? bytes : gunzipAsync(bytes).catch(() => null);
}

export function registerBoardPreviewRoutes(router: Router, cache: BoardPreviewCache): void {
  const answer =
    (kind: PreviewKind): RouteHandler =>
    async (ctx) => {
      const id = ctx.params.id!;
      const { rooms } = ctx.services;
      await ctx.services.authorize(ctx, id);
      const compressed = /\bgzip\b/.test(String(ctx.req.headers['accept-encoding'] ?? ''));
      // A room whose document is built answers from it; any other from storage,
      // without waiting for a load that the stored preview may not need.
      const body =
        (rooms.peekDoc(id) &&
          (await rooms.withBuiltDoc(id, (doc) => cache.get(doc, kind, compressed)))) ||
        (await storedBody(rooms, id, kind, compressed));
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
    };
  router.get(ApiRoute.boardPreview, answer('preview'));
  router.get(ApiRoute.boardCards, answer('cards'));
}
