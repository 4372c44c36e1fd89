/**
 * The invitation links of a workshop, recoverable only by its facilitator.
 *
 * Tokens are stored as SHA-256 hashes, so the server cannot hand out a link it
 * no longer knows. At creation, the participant and viewer tokens are therefore
 * sealed with AES-256-GCM under a key derived from the facilitator token
 * (HKDF-SHA-256, salt = workshop id, fixed info string). Only a request that
 * presents the facilitator token can derive the key again; the database alone
 * (or any other token) opens nothing. The workshop id is also the associated
 * data, so a sealed blob copied to another workshop does not open.
 *
 * Layout: version byte (1) | IV (12) | tag (16) | ciphertext of JSON
 * `{"participant": …, "viewer": …}`.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 1;
const INFO = 'pinnwand invite tokens v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface InviteTokens {
  participant: string;
  viewer: string;
}

function keyFor(workshopId: string, facilitatorToken: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', Buffer.from(facilitatorToken, 'utf8'), workshopId, INFO, 32),
  );
}

export function sealInvites(
  workshopId: string,
  facilitatorToken: string,
  tokens: InviteTokens,
): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyFor(workshopId, facilitatorToken), iv);
  cipher.setAAD(Buffer.from(workshopId, 'utf8'));
  const plain = Buffer.from(
    JSON.stringify({ participant: tokens.participant, viewer: tokens.viewer }),
  );
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

/** The tokens, or null when the blob does not open with this facilitator token. */
export function openInvites(
  workshopId: string,
  facilitatorToken: string,
  sealed: Uint8Array,
): InviteTokens | null {
  const buf = Buffer.from(sealed);
  if (buf.length <= 1 + IV_BYTES + TAG_BYTES || buf[0] !== VERSION) return null;
  const iv = buf.subarray(1, 1 + IV_BYTES);
  const tag = buf.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  const body = buf.subarray(1 + IV_BYTES + TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(workshopId, facilitatorToken), iv);
    decipher.setAAD(Buffer.from(workshopId, 'utf8'));
    decipher.setAuthTag(tag);
    const plain = Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    const value = JSON.parse(plain) as Partial<InviteTokens>;
    if (typeof value.participant !== 'string' || typeof value.viewer !== 'string') return null;
    return { participant: value.participant, viewer: value.viewer };
  } catch {
    return null;
  }
}
