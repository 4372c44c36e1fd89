// The workshop administration's HTTP calls (docs/protocol.md, "HTTP"): the
// invitation links again, with the facilitator token, and deleting a workshop.
import type { InviteLinks } from '../session/remembered.ts';
import { isRecord } from '../session/storage.ts';

export type InvitesResult =
  | { ok: true; links: InviteLinks }
  | { ok: false; reason: 'missing' | 'unreachable' };

const base = (workshopId: string) => `/api/workshops/${encodeURIComponent(workshopId)}`;
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The facilitator link of this device, in the form the server hands out. */
function facilitatorLink(participantUrl: string, workshopId: string, token: string): string {
  const url = new URL(participantUrl, location.href);
  return `${url.origin}/w/${encodeURIComponent(workshopId)}#token=${encodeURIComponent(token)}`;
}

export async function fetchInvites(workshopId: string, token: string): Promise<InvitesResult> {
  let res: Response;
  try {
    res = await fetch(`${base(workshopId)}/invites`, { headers: auth(token), cache: 'no-store' });
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  // 404 here: a workshop from before the links were stored (or none at all).
  if (res.status === 404) return { ok: false, reason: 'missing' };
  if (!res.ok) return { ok: false, reason: 'unreachable' };
  const body: unknown = await res.json().catch(() => null);
  if (
    !isRecord(body) ||
    !isRecord(body.urls) ||
    typeof body.urls.participant !== 'string' ||
    typeof body.urls.viewer !== 'string'
  ) {
    return { ok: false, reason: 'unreachable' };
  }
  return {
    ok: true,
    links: {
      participant: body.urls.participant,
      viewer: body.urls.viewer,
      facilitator: facilitatorLink(body.urls.participant, workshopId, token),
    },
  };
}

/** Deletes the workshop on the server; resolves when it answered 204 (or it was gone already). */
export async function deleteWorkshopOnServer(workshopId: string, token: string): Promise<void> {
  const res = await fetch(base(workshopId), { method: 'DELETE', headers: auth(token) });
  if (res.status === 204 || res.status === 404) return;
  const text = await res.text().catch(() => '');
  let reason = `${res.status}`;
  try {
    const parsed: unknown = JSON.parse(text);
    if (isRecord(parsed) && typeof parsed.error === 'string') reason = parsed.error;
  } catch {
    // not JSON: the status says enough
  }
  throw new Error(reason);
}
