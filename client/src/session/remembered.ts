// What a device remembers per workshop so that a reload (also offline) works:
// the token, the last session answer, and — on the creator's device — the
// invitation links. Plus a short list of recently opened workshops.
import { type SessionInfo, sessionInfoSchema } from '@pinnwand/shared/protocol/http';
import { isRecord, readJson, writeJson } from './storage.ts';

export interface InviteLinks {
  facilitator: string;
  participant: string;
  viewer: string;
}

export interface RecentWorkshop {
  workshopId: string;
  title: string;
  role: SessionInfo['role'];
  openedAt: number;
}

const tokenKey = (id: string) => `pinnwand.token.${id}`;
const sessionKey = (id: string) => `pinnwand.session.${id}`;
const linksKey = (id: string) => `pinnwand.links.${id}`;
const RECENT_KEY = 'pinnwand.recent';
const justCreatedKey = (id: string) => `pinnwand.justCreated.${id}`;

/** Marks a workshop as just created here, so its first view opens the invitations. */
export function markJustCreated(workshopId: string): void {
  try {
    sessionStorage.setItem(justCreatedKey(workshopId), '1');
  } catch {
    // not remembered: the invitations are one click away
  }
}

/** True once after markJustCreated. */
export function takeJustCreated(workshopId: string): boolean {
  try {
    const was = sessionStorage.getItem(justCreatedKey(workshopId)) === '1';
    sessionStorage.removeItem(justCreatedKey(workshopId));
    return was;
  } catch {
    return false;
  }
}

const isString = (value: unknown): value is string => typeof value === 'string';

export function rememberToken(workshopId: string, token: string): void {
  writeJson(tokenKey(workshopId), token);
}

export function rememberedToken(workshopId: string): string | null {
  return readJson(tokenKey(workshopId), isString);
}

export function rememberSession(session: SessionInfo): void {
  writeJson(sessionKey(session.workshopId), session);
  const recent = recentWorkshops().filter((r) => r.workshopId !== session.workshopId);
  recent.unshift({
    workshopId: session.workshopId,
    title: session.title,
    role: session.role,
    openedAt: Date.now(),
  });
  writeJson(RECENT_KEY, recent.slice(0, 8));
}

const isSessionInfo = (value: unknown): value is SessionInfo =>
  sessionInfoSchema.safeParse(value).success;

export function rememberedSession(workshopId: string): SessionInfo | null {
  return readJson(sessionKey(workshopId), isSessionInfo);
}

function isLinks(value: unknown): value is InviteLinks {
  return (
    isRecord(value) &&
    isString(value.facilitator) &&
    isString(value.participant) &&
    isString(value.viewer)
  );
}

export function rememberLinks(workshopId: string, links: InviteLinks): void {
  writeJson(linksKey(workshopId), links);
}

export function rememberedLinks(workshopId: string): InviteLinks | null {
  return readJson(linksKey(workshopId), isLinks);
}

function isRecentList(value: unknown): value is RecentWorkshop[] {
  return (
    Array.isArray(value) &&
    value.every((r) => isRecord(r) && isString(r.workshopId) && isString(r.title))
  );
}

export function recentWorkshops(): RecentWorkshop[] {
  return readJson(RECENT_KEY, isRecentList) ?? [];
}
