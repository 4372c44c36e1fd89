/**
 * POST /api/workshops and GET /api/workshops/<id>/session.
 *
 * The links carry the token in the URL fragment (`#token=…`): browsers never
 * send fragments to servers, so tokens stay out of access logs and referrers.
 */
import {
  ApiRoute,
  type BoardCards,
  createWorkshopRequestSchema,
  type SessionInfo,
} from '@pinnwand/shared/protocol/http';
import { boardCards } from '@pinnwand/shared/read/boardCards';
import { readBoardPreview } from '@pinnwand/shared/read/boardPreview';
import { TokenBucket } from '../socket/TokenBucket.ts';
import { seededTitle, seedWorkshop } from '../workshops/seedWorkshop.ts';
import { HttpError, readJsonBody, sendJson } from './respond.ts';
import type { Router } from './router.ts';
import { createdWorkshopBody } from './workshopLinks.ts';

export function registerWorkshopRoutes(router: Router, createsPerMinute: number): void {
  const creates = new TokenBucket(createsPerMinute / 60, createsPerMinute);

  router.post(ApiRoute.workshops, async (ctx) => {
    const { services } = ctx;
    const raw = await readJsonBody(ctx.req, ctx.res, services.config.limits.maxBodyBytes);
    const parsed = createWorkshopRequestSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      throw new HttpError(400, `${where}${issue?.message ?? 'invalid body'}`);
    }
    if (!creates.take())
      throw new HttpError(429, 'Too many workshops created; try again in a minute.');
    const body = parsed.data;
    let cards: BoardCards | undefined;
    const created = await services.workshops.create(seededTitle(body), (doc) => {
      seedWorkshop(doc, body);
      // The new room is not open, so GET …/board-cards answers 204 until it is:
      // the creator's page takes the cards from here.
      cards = boardCards(readBoardPreview(doc));
    });
    const base = services.baseUrl(ctx);
    ctx.log.info({ workshop: created.id, template: body.template }, 'workshop created');
    sendJson(ctx.res, 201, createdWorkshopBody(base, created, cards));
  });

  router.get(ApiRoute.session, async (ctx) => {
    const { services } = ctx;
    const id = ctx.params.id!;
    const { role, workshop } = await services.authorize(ctx, id);
    // The facilitator may have renamed the workshop since it was created.
    const liveTitle = services.rooms.peekDoc(id)?.getMap('meta').get('title');
    const session: SessionInfo = {
      workshopId: id,
      role,
      title: typeof liveTitle === 'string' && liveTitle !== '' ? liveTitle : workshop.title,
      serverTime: Date.now(),
    };
    sendJson(ctx.res, 200, session);
  });
}
