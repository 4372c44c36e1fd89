// What an upgrade request asks for, read from its URL before any work, and the
// plain HTTP refusal of an upgrade that is not even attempted.
import type { Duplex } from 'node:stream';
import { PARTICIPANT_KEY_PARAM } from '@pinnwand/shared/policy/participantId';
import { WORKSHOP_ID_PATTERN, WS_PATH_PREFIX } from '@pinnwand/shared/protocol/wire';

export interface UpgradeTarget {
  workshopId: string;
  token: string | null;
  participantKey: string | null;
}

/** `/ws/<id>` → id, or null. The query string (the token) is never logged. */
export function parseWsPath(url: string | undefined): UpgradeTarget | null {
  const parsed = new URL(url ?? '/', 'http://localhost');
  if (!parsed.pathname.startsWith(WS_PATH_PREFIX)) return null;
  const workshopId = parsed.pathname.slice(WS_PATH_PREFIX.length);
  if (!WORKSHOP_ID_PATTERN.test(workshopId)) return null;
  return {
    workshopId,
    token: parsed.searchParams.get('token'),
    participantKey: parsed.searchParams.get(PARTICIPANT_KEY_PARAM),
  };
}

export function rejectUpgrade(
  socket: Duplex,
  status: number,
  text: string,
  retryAfterSeconds?: number,
): void {
  const retry = retryAfterSeconds === undefined ? '' : `Retry-After: ${retryAfterSeconds}\r\n`;
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\n${retry}Connection: close\r\nContent-Length: 0\r\n\r\n`,
  );
}
