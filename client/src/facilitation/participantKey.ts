// This device's participant identity per workshop (docs/design.md,
// "Participant identities"): a secret key the server issued through the
// participant link (POST …/identities), kept in localStorage and sent when
// connecting (`pkey`), never written into the document. Votes and authorship
// use the participant id the key stands for; the server counts votes per
// issued identity, and the facilitator sees and can revoke every identity.

import type { ParticipantId } from '@pinnwand/shared/model/ids';
import {
  isParticipantKey,
  newParticipantKey,
  participantIdFor,
} from '@pinnwand/shared/policy/participantId';
import { issueIdentity } from '../api/httpApi.ts';
import { takeEarlyIdentity } from '../session/earlyRequests.ts';

/** New prefix: keys a device made up itself (before identities were issued) are not valid any more. */
const PREFIX = 'pinnwand.identity.';
const issued = new Map<string, string>();
/** Stand-ins for this page's life when no identity could be issued (viewers, offline). */
const local = new Map<string, string>();

function remembered(workshopId: string): string | null {
  try {
    const key = localStorage.getItem(PREFIX + workshopId);
    return isParticipantKey(key) ? key : null;
  } catch {
    return null;
  }
}

/** Whether this device has been given an identity for the workshop before (it has been here). */
export function remembersIdentity(workshopId: string): boolean {
  return remembered(workshopId) !== null;
}

/**
 * Makes sure this device has an issued identity for the workshop: the one it
 * remembers, or a new one from the server. Resolves false when none could be
 * had (offline, refused): the board still opens, but votes are refused.
 */
export async function ensureParticipantIdentity(
  workshopId: string,
  token: string,
): Promise<boolean> {
  if (issued.has(workshopId)) return true;
  const known = remembered(workshopId);
  if (known) {
    issued.set(workshopId, known);
    return true;
  }
  // Asked for as the page opened when it had none (session/earlyRequests.ts).
  const result = await issueIdentity(workshopId, token, takeEarlyIdentity(workshopId, token));
  if (!result.ok) return false;
  issued.set(workshopId, result.value.participantKey);
  try {
    localStorage.setItem(PREFIX + workshopId, result.value.participantKey);
  } catch {
    // not remembered: the next visit asks for a new identity
  }
  return true;
}

/** Forgets the identity (e.g. after the facilitator revoked it). */
export function forgetParticipantIdentity(workshopId: string): void {
  issued.delete(workshopId);
  try {
    localStorage.removeItem(PREFIX + workshopId);
  } catch {
    // nothing remembered
  }
}

/** The issued key to send when connecting, or null without one. */
export function participantKey(workshopId: string): string | null {
  return issued.get(workshopId) ?? null;
}

export function participantId(workshopId: string): ParticipantId {
  let key = issued.get(workshopId) ?? local.get(workshopId);
  if (!key) {
    key = newParticipantKey();
    local.set(workshopId, key);
  }
  return participantIdFor(workshopId, key);
}
