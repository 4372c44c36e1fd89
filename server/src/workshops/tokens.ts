/**
 * Capability tokens: 192 random bits each, base64url. Only their SHA-256 is
 * stored, so a leaked database does not let anyone into a workshop; comparison
 * is constant-time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ROLES, type Role } from '@pinnwand/shared/protocol/roles';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Workshop ids: 128 random bits, URL-safe. */
export function newWorkshopId(): string {
  return randomBytes(16).toString('base64url');
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** The role whose token hash matches, or null. Checks all three so timing reveals nothing. */
export function roleForToken(token: string, hashes: Readonly<Record<Role, Buffer>>): Role | null {
  const presented = hashToken(token);
  let found: Role | null = null;
  for (const role of ROLES) {
    const stored = hashes[role];
    if (stored.length === presented.length && timingSafeEqual(stored, presented)) found = role;
  }
  return found;
}
