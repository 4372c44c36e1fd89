/**
 * Participant keys the server issues (docs/design.md, "Participant identities").
 *
 * A key is `nonce ‖ tag`: 22 random base64url characters and 22 characters of
 * HMAC-SHA-256 over the workshop id and the nonce, keyed with a secret only the
 * server holds for that workshop (the stored hash of the facilitator token,
 * which neither participants nor viewers can compute). So the server checks a
 * key without a lookup — before any room is loaded, on whichever process the
 * connection lands — and nobody but the server can make one: a device that
 * invents a key simply has no participant id.
 *
 * The key's participant id is derived exactly as before (`participantIdFor`,
 * shared by client and server), so votes and `authorId`s keep their meaning.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ParticipantId } from '@pinnwand/shared/model/ids';
import { participantIdFor } from '@pinnwand/shared/policy/participantId';

const PART = 22;

function tag(secret: Uint8Array, workshopId: string, nonce: string): string {
  return createHmac('sha256', secret)
    .update(`pinnwand-identity\n${workshopId}\n${nonce}`, 'utf8')
    .digest('base64url')
    .slice(0, PART);
}

export interface IssuedKey {
  participantKey: string;
  participantId: ParticipantId;
}

export function issueParticipantKey(secret: Uint8Array, workshopId: string): IssuedKey {
  const nonce = randomBytes(16).toString('base64url').slice(0, PART);
  const participantKey = nonce + tag(secret, workshopId, nonce);
  return { participantKey, participantId: participantIdFor(workshopId, participantKey) };
}

/** The participant id of a key this server issued for the workshop, or null for any other string. */
export function verifyParticipantKey(
  secret: Uint8Array,
  workshopId: string,
  key: string | null | undefined,
): ParticipantId | null {
  if (typeof key !== 'string' || key.length !== 2 * PART || !/^[A-Za-z0-9_-]+$/.test(key)) {
    return null;
  }
  const expected = Buffer.from(tag(secret, workshopId, key.slice(0, PART)), 'utf8');
  const given = Buffer.from(key.slice(PART), 'utf8');
  if (!timingSafeEqual(expected, given)) return null;
  return participantIdFor(workshopId, key);
}
