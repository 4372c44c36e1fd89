/**
 * How a connection proves which participant it is, so that the server can
 * refuse votes cast in someone else's name.
 *
 * Participant ids are public: they key every note's `votes` map and sit in
 * `authorId`. So an id alone cannot be a credential. Instead each device keeps
 * a secret *participant key* (random, never written into the document) and
 * sends it when it connects: `/ws/<workshopId>?token=…&pkey=<key>`. Its
 * participant id in that workshop is derived from the key:
 *
 *   participantId = base64url(SHA-256("pinnwand-participant\n" + workshopId + "\n" + key))[0..22]
 *
 * The client computes the same id with `participantIdFor` and uses it for
 * votes, `authorId` and its undo origin. Seeing someone's id does not reveal
 * their key, so nobody can connect as them. The workshop id is mixed in so that
 * the same device has unrelated ids in different workshops (exports of two
 * workshops cannot be linked by it).
 *
 * Pure TypeScript (no DOM, no Node APIs): lib0's SHA-256 runs in both.
 */
import { digest } from 'lib0/hash/sha256';
import { encodeUtf8 } from 'lib0/string';
import { newId, type ParticipantId } from '../model/ids.ts';

/** The websocket URL parameter carrying the participant key. */
export const PARTICIPANT_KEY_PARAM = 'pkey';

/** A participant key: 16–128 URL-safe characters (`newParticipantKey()` gives 22, 128 random bits). */
export const PARTICIPANT_KEY_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

export function isParticipantKey(value: unknown): value is string {
  return typeof value === 'string' && PARTICIPANT_KEY_PATTERN.test(value);
}

/** A fresh secret key for a device; keep it (e.g. in localStorage), never put it in the document. */
export function newParticipantKey(): string {
  return newId();
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** 22 base64url characters: 132 bits of the hash, like `newId()`'s length. */
const ID_CHARS = 22;

/** The participant id that `key` stands for in `workshopId`. Throws on a malformed key. */
export function participantIdFor(workshopId: string, key: string): ParticipantId {
  if (!isParticipantKey(key)) throw new Error('not a participant key');
  const hash = digest(encodeUtf8(`pinnwand-participant\n${workshopId}\n${key}`));
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of hash) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 6 && out.length < ID_CHARS) {
      bits -= 6;
      out += ALPHABET[(buffer >> bits) & 63];
    }
    if (out.length >= ID_CHARS) break;
  }
  return out as ParticipantId;
}
