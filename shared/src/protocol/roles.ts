/**
 * Capabilities. Each workshop has one secret token per role; the token a
 * connection or request presents decides its role, and the server stamps it
 * into every awareness state it relays (wire.ts, AWARENESS_ROLE_FIELD).
 */
import { z } from 'zod';

export const ROLES = ['facilitator', 'participant', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

export function isRole(value: unknown): value is Role {
  return roleSchema.safeParse(value).success;
}
