// The client's one door to the server's HTTP API. The contract (paths and
// shapes) is `@pinnwand/shared/protocol/http`, the same module the server
// answers with; every answer is validated against its schema before anyone
// uses it. Failures come back as values (never a half-read body or a throw),
// so each screen decides what to tell the person.

import { boardPreviewParser } from '@pinnwand/shared/protocol/boardPreviewParser';
import {
  type AccessibilityInfo,
  ApiRoute,
  accessibilityInfoSchema,
  apiPath,
  type BoardCards,
  type BoardPreview,
  boardCardsSchema,
  type CreatedWorkshop,
  type CreateWorkshopRequest,
  createdWorkshopSchema,
  errorBodySchema,
  type IdentityList,
  type Invites,
  type IssuedIdentityAnswer,
  identityListSchema,
  invitesSchema,
  issuedIdentitySchema,
  type SessionInfo,
  sessionInfoSchema,
} from '@pinnwand/shared/protocol/http';

export type ApiFailureReason =
  /** No answer (offline, server down) or a 5xx. */
  | 'unreachable'
  /** 401: the token is wrong or missing. */
  | 'badToken'
  /** 403: the token's role may not do this. */
  | 'forbidden'
  /** 404: no such workshop (or nothing stored for it). */
  | 'notFound'
  /** Another 4xx: the server said why in `message`. */
  | 'refused'
  /** A 2xx whose body does not match the contract. */
  | 'invalid';

export type ApiResult<T> =
  | { ok: true; value: T }
  | { ok: false; reason: ApiFailureReason; status: number; message: string };

/** What the call needs of a zod schema (the client does not depend on zod itself). */
interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

const NO_BODY: Schema<null> = { safeParse: () => ({ success: true, data: null }) };

function failureReason(status: number): ApiFailureReason {
  if (status === 401) return 'badToken';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status >= 500) return 'unreachable';
  return 'refused';
}

async function call<T>(
  path: string,
  init: RequestInit & { token?: string },
  schema: Schema<T>,
): Promise<ApiResult<T>> {
  const { token, ...rest } = init;
  const headers = new Headers(rest.headers);
  // The token travels in a header, never in a URL that could end up in a log.
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return answerOf(fetch(path, { cache: 'no-store', ...rest, headers }), schema);
}

/** A response (or the failure to get one) as an `ApiResult`, its body checked against `schema`. */
async function answerOf<T>(response: Promise<Response>, schema: Schema<T>): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await response;
  } catch (error) {
    return { ok: false, reason: 'unreachable', status: 0, message: String(error) };
  }
  if (!res.ok) {
    const text = await res.text().catch(() => '');
    let message = text.slice(0, 200) || String(res.status);
    try {
      const parsed = errorBodySchema.safeParse(JSON.parse(text));
      if (parsed.success) message = parsed.data.error;
    } catch {
      // not JSON: the status and the text say enough
    }
    return { ok: false, reason: failureReason(res.status), status: res.status, message };
  }
  const body: unknown = res.status === 204 ? null : await res.json().catch(() => undefined);
  return checked(body, schema, res.status);
}

/** A body read from an answer of `status`, checked against `schema`. */
function checked<T>(body: unknown, schema: Schema<T>, status: number): ApiResult<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    return { ok: false, reason: 'invalid', status, message: 'unexpected answer' };
  return { ok: true, value: parsed.data };
}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

export function createWorkshop(input: CreateWorkshopRequest): Promise<ApiResult<CreatedWorkshop>> {
  return call(ApiRoute.workshops, json(input), createdWorkshopSchema);
}

/** A JSON backup (as text) becomes a new workshop on the server. */
export function restoreWorkshop(backup: string): Promise<ApiResult<CreatedWorkshop>> {
  return call(
    ApiRoute.restore,
    { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: backup },
    createdWorkshopSchema,
  );
}

/** The operator's feedback contact for the accessibility statement. */
export function fetchAccessibilityInfo(): Promise<ApiResult<AccessibilityInfo>> {
  return call(ApiRoute.accessibility, {}, accessibilityInfoSchema);
}

/**
 * What this token may do in the workshop, and the server's clock. `early`:
 * the same request, made already (session/earlyRequests.ts).
 */
export function fetchSession(
  workshopId: string,
  token: string,
  early: Promise<Response> | null = null,
): Promise<ApiResult<SessionInfo>> {
  if (early) return answerOf(early, sessionInfoSchema);
  return call(apiPath(ApiRoute.session, { id: workshopId }), { token }, sessionInfoSchema);
}

/** The workshop's first picture (the tabs, the first board's frames and notes), for drawing before the document. */
export function fetchBoardPreview(
  workshopId: string,
  token: string,
): Promise<ApiResult<BoardPreview>> {
  return call(apiPath(ApiRoute.boardPreview, { id: workshopId }), { token }, boardPreviewParser);
}

/**
 * The answer to a board preview request the page made before this module
 * was loaded (the build's workshop-preload.js asks as the page opens).
 */
export function boardPreviewAnswer(response: Promise<Response>): Promise<ApiResult<BoardPreview>> {
  return answerOf(response, boardPreviewParser);
}

/**
 * The first board as plain cards (the tabs, its heading and frames, its
 * notes' places and colours): what the page shows of it before anything
 * else. `early`: the body of the request the build's workshop-preload.js
 * made as the page opened, read there as it arrived (null: none) — taken as
 * an answer, it waited 0.1–0.4 s behind the page's other work — checked here
 * as every answer is.
 */
export function fetchBoardCards(
  workshopId: string,
  token: string,
  early: Promise<unknown> | null = null,
): Promise<ApiResult<BoardCards>> {
  if (early) return early.then((body) => checked(body, boardCardsSchema, 200));
  return call(apiPath(ApiRoute.boardCards, { id: workshopId }), { token }, boardCardsSchema);
}

/** The participant and viewer links, for the facilitator token. */
export function fetchInvites(workshopId: string, token: string): Promise<ApiResult<Invites>> {
  return call(apiPath(ApiRoute.invites, { id: workshopId }), { token }, invitesSchema);
}

/**
 * A new participant identity for this device (participant or facilitator
 * token). `early`: the same request, made already (session/earlyRequests.ts).
 */
export function issueIdentity(
  workshopId: string,
  token: string,
  early: Promise<Response> | null = null,
): Promise<ApiResult<IssuedIdentityAnswer>> {
  if (early) return answerOf(early, issuedIdentitySchema);
  return call(
    apiPath(ApiRoute.identities, { id: workshopId }),
    { method: 'POST', token },
    issuedIdentitySchema,
  );
}

/** Every participant identity issued for the workshop, with live connection counts (facilitator token). */
export function fetchIdentities(
  workshopId: string,
  token: string,
): Promise<ApiResult<IdentityList>> {
  return call(apiPath(ApiRoute.identities, { id: workshopId }), { token }, identityListSchema);
}

/** Revokes a participant identity: its votes are taken back, its device disconnected (facilitator token). */
export function revokeIdentity(
  workshopId: string,
  token: string,
  participantId: string,
): Promise<ApiResult<null>> {
  return call(
    apiPath(ApiRoute.identity, { id: workshopId, participantId }),
    { method: 'DELETE', token },
    NO_BODY,
  );
}

/** Deletes the workshop for good (facilitator token); a workshop already gone counts as done. */
export async function deleteWorkshop(workshopId: string, token: string): Promise<ApiResult<null>> {
  const result = await call(
    apiPath(ApiRoute.workshop, { id: workshopId }),
    { method: 'DELETE', token },
    NO_BODY,
  );
  return !result.ok && result.reason === 'notFound' ? { ok: true, value: null } : result;
}
