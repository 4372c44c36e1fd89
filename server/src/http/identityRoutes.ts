/**
 * Participant identities (docs/design.md, "Participant identities"):
 *
 * - `POST /api/workshops/<id>/identities` with the participant (or
 *   facilitator) token issues a new identity: a secret key for the device and
 *   the participant id it stands for. Each is recorded in the document's
 *   `identities` map, so the facilitator sees how many were handed out.
 *   Participants' requests are rate-limited per workshop and capped.
 * - `GET …/identities` (facilitator): the list, with live connection counts.
 * - `DELETE …/identities/<participantId>` (facilitator): revokes it, takes its
 *   votes back and closes its connections (4403); its key admits no one again.
 */

import {
  identityCount,
  readIdentities,
  recordIdentity,
  revokeIdentity,
} from '@pinnwand/shared/model/identity';
import { asParticipantId } from '@pinnwand/shared/model/ids';
import { SERVER_ORIGIN } from '@pinnwand/shared/model/origin';
import {
  ApiRoute,
  type IdentityList,
  type IssuedIdentityAnswer,
} from '@pinnwand/shared/protocol/http';
import { TokenBucket } from '../socket/TokenBucket.ts';
import { issueParticipantKey } from '../workshops/identityKeys.ts';
import { HttpError, refuseBody, sendJson } from './respond.ts';
import type { Router } from './router.ts';

/** Buckets of workshops nobody asked for a while are dropped beyond this many. */
const MAX_TRACKED_WORKSHOPS = 10_000;

export function registerIdentityRoutes(router: Router): void {
  const buckets = new Map<string, TokenBucket>();
  const bucketFor = (id: string, perMinute: number): TokenBucket => {
    let bucket = buckets.get(id);
    if (!bucket) {
      if (buckets.size >= MAX_TRACKED_WORKSHOPS) buckets.delete(buckets.keys().next().value!);
      bucket = new TokenBucket(perMinute / 60, perMinute);
      buckets.set(id, bucket);
    }
    return bucket;
  };

  router.post(ApiRoute.identities, async (ctx) => {
    const { services } = ctx;
    const id = ctx.params.id!;
    refuseBody(ctx.req, ctx.res);
    const { role, workshop } = await services.authorize(ctx, id, ['facilitator', 'participant']);
    const limits = services.config.limits;
    // Facilitators are trusted; a forwarded participant link is not.
    if (role === 'participant') {
      if (!bucketFor(id, limits.identitiesPerMinute).take()) {
        ctx.res.setHeader('Retry-After', '10');
        throw new HttpError(
          429,
          'Too many people joined this workshop at once; try again shortly.',
        );
      }
    }
    const issued = issueParticipantKey(workshop.tokenHashes.facilitator, id);
    // Participants are capped, facilitators not; both are counted. The count is
    // kept in storage, so a cold room need not build a large document to count
    // its identities map before the device can connect (only a workshop from
    // before counts were kept does, once).
    const limit = role === 'participant' ? limits.maxIdentitiesPerWorkshop : null;
    let count = await services.storage.countIdentity(id, limit, null);
    if (count === 'unknown' && limit !== null) {
      const known = await services.rooms.withDoc(id, (doc) => identityCount(doc));
      count = await services.storage.countIdentity(id, limit, known);
    }
    if (count === 'full') {
      throw new HttpError(
        409,
        `This workshop has issued ${limits.maxIdentitiesPerWorkshop} participant identities, its limit; ask the facilitator.`,
      );
    }
    // A fresh key under the identities map: written without reading the document.
    await services.rooms.write(
      id,
      (doc) => recordIdentity(doc, issued.participantId, Date.now()),
      SERVER_ORIGIN,
    );
    ctx.log.info({ workshop: id, participant: issued.participantId, role }, 'identity issued');
    const answer: IssuedIdentityAnswer = issued;
    sendJson(ctx.res, 201, answer);
  });

  router.get(ApiRoute.identities, async (ctx) => {
    const { services } = ctx;
    const id = ctx.params.id!;
    await services.authorize(ctx, id, ['facilitator']);
    const connected = services.rooms.connectedParticipants(id);
    const identities = await services.rooms.withDoc(id, (doc) => readIdentities(doc));
    const answer: IdentityList = {
      identities: identities.map((i) => ({ ...i, connected: connected.get(i.participantId) ?? 0 })),
      limit: services.config.limits.maxIdentitiesPerWorkshop,
    };
    sendJson(ctx.res, 200, answer);
  });

  router.add('DELETE', ApiRoute.identity, async (ctx) => {
    const { services } = ctx;
    const id = ctx.params.id!;
    await services.authorize(ctx, id, ['facilitator']);
    const participantId = asParticipantId(ctx.params.participantId!);
    let found = false;
    await services.rooms.change(
      id,
      (doc) => {
        found = revokeIdentity(doc, participantId, Date.now());
      },
      SERVER_ORIGIN,
    );
    if (!found) throw new HttpError(404, 'No such participant identity in this workshop.');
    const closed = services.rooms.closeRevoked(id);
    ctx.log.info({ workshop: id, participant: participantId, closed }, 'identity revoked');
    ctx.res.statusCode = 204;
    ctx.res.setHeader('Cache-Control', 'no-store');
    ctx.res.end();
  });
}
