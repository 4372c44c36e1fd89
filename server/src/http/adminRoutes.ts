/**
 * The facilitator's administration of a workshop:
 *
 * - `GET /api/workshops/<id>/invites`: the participant and viewer links again,
 *   on any device that holds the facilitator link (the tokens are sealed under
 *   the facilitator token, workshops/inviteVault.ts);
 * - `DELETE /api/workshops/<id>`: deletes the workshop for good.
 *
 * Both take the facilitator token (`?token=` or `Authorization: Bearer`):
 * 401 for a wrong token, 403 for another role's token, 404 for an unknown
 * workshop.
 */

import { ApiRoute, type Invites } from '@pinnwand/shared/protocol/http';
import { openInvites } from '../workshops/inviteVault.ts';
import { HttpError, sendJson, tokenFrom } from './respond.ts';
import type { Router } from './router.ts';
import { workshopLink } from './workshopLinks.ts';

export function registerAdminRoutes(router: Router): void {
  router.get(ApiRoute.invites, async (ctx) => {
    const { services } = ctx;
    const id = ctx.params.id!;
    const { workshop } = await services.authorize(ctx, id, ['facilitator']);
    if (!workshop.sealedInvites) {
      throw new HttpError(
        404,
        'This workshop was created before invitation links were stored; they cannot be recovered.',
      );
    }
    const token = tokenFrom(ctx.req, ctx.url)!;
    const tokens = openInvites(id, token, workshop.sealedInvites);
    if (!tokens) throw new Error('stored invitation links do not open with the facilitator token');
    const base = services.baseUrl(ctx);
    const invites: Invites = {
      participantToken: tokens.participant,
      viewerToken: tokens.viewer,
      urls: {
        participant: workshopLink(base, id, tokens.participant),
        viewer: workshopLink(base, id, tokens.viewer),
      },
    };
    sendJson(ctx.res, 200, invites);
  });

  router.add('DELETE', ApiRoute.workshop, async (ctx) => {
    const { services } = ctx;
    const id = ctx.params.id!;
    await services.authorize(ctx, id, ['facilitator']);
    if (!(await services.deleteWorkshop(id))) throw new HttpError(404, 'No such workshop.');
    ctx.log.info({ workshop: id }, 'workshop deleted');
    ctx.res.statusCode = 204;
    ctx.res.setHeader('Cache-Control', 'no-store');
    ctx.res.end();
  });
}
