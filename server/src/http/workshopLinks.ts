// The ready-to-open links the API hands out. The token sits in the URL
// fragment, so browsers never send it to the server or in a Referer.
import type { BoardCards, CreatedWorkshop } from '@pinnwand/shared/protocol/http';
import type { NewWorkshop } from '../workshops/WorkshopRegistry.ts';

export function workshopLink(base: string, id: string, token: string): string {
  return `${base}/w/${id}#token=${token}`;
}

/** The `201` body of `POST /api/workshops` (design.md), also used by restore. */
export function createdWorkshopBody(
  base: string,
  created: NewWorkshop,
  cards?: BoardCards,
): CreatedWorkshop {
  const { id, title, tokens } = created;
  return {
    id,
    title,
    facilitatorToken: tokens.facilitator,
    participantToken: tokens.participant,
    viewerToken: tokens.viewer,
    urls: {
      facilitator: workshopLink(base, id, tokens.facilitator),
      participant: workshopLink(base, id, tokens.participant),
      viewer: workshopLink(base, id, tokens.viewer),
    },
    ...(cards ? { cards } : {}),
  };
}
