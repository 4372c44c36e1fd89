// The HTTP contract with the server (design.md, issue 4): create a workshop,
// and ask what a token may do. Everything returned is checked before use.
import { isRecord } from './storage.ts';

export type Role = 'facilitator' | 'participant' | 'viewer';
export type TemplateId = 'ozg-erfahrungsaustausch' | 'retro' | 'blank' | 'ozg-example';

export interface CreatedWorkshop {
  id: string;
  title: string;
  facilitatorToken: string;
  participantToken: string;
  viewerToken: string;
  urls: { facilitator: string; participant: string; viewer: string };
}

export interface SessionInfo {
  workshopId: string;
  role: Role;
  title: string;
  serverTime: number;
}

export type SessionResult =
  | { ok: true; session: SessionInfo }
  | { ok: false; reason: 'badToken' | 'notFound' | 'unreachable' };

export class ApiError extends Error {}

function isRole(value: unknown): value is Role {
  return value === 'facilitator' || value === 'participant' || value === 'viewer';
}

export function isSessionInfo(value: unknown): value is SessionInfo {
  return (
    isRecord(value) &&
    typeof value.workshopId === 'string' &&
    isRole(value.role) &&
    typeof value.title === 'string'
  );
}

function isCreated(value: unknown): value is CreatedWorkshop {
  if (!isRecord(value) || !isRecord(value.urls)) return false;
  return (
    typeof value.id === 'string' &&
    typeof value.participantToken === 'string' &&
    typeof value.viewerToken === 'string' &&
    typeof value.facilitatorToken === 'string' &&
    typeof value.urls.participant === 'string' &&
    typeof value.urls.viewer === 'string' &&
    typeof value.urls.facilitator === 'string'
  );
}

export async function createWorkshop(input: {
  title: string;
  template: TemplateId;
  lang: 'de' | 'en';
}): Promise<CreatedWorkshop> {
  const res = await fetch('/api/workshops', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  if (!res.ok) {
    const text = await res.text().catch(() => '');
    throw new ApiError(`${res.status} ${text.slice(0, 200)}`);
  }
  const body: unknown = await res.json();
  if (!isCreated(body)) throw new ApiError('unexpected answer');
  return body;
}

export async function fetchSession(workshopId: string, token: string): Promise<SessionResult> {
  let res: Response;
  try {
    res = await fetch(
      `/api/workshops/${encodeURIComponent(workshopId)}/session?token=${encodeURIComponent(token)}`,
      { cache: 'no-store' },
    );
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  if (res.status === 401 || res.status === 403) return { ok: false, reason: 'badToken' };
  if (res.status === 404) return { ok: false, reason: 'notFound' };
  if (!res.ok) return { ok: false, reason: 'unreachable' };
  const body: unknown = await res.json().catch(() => null);
  if (!isSessionInfo(body)) return { ok: false, reason: 'unreachable' };
  return { ok: true, session: body };
}
