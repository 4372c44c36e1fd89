/**
 * Participant identities the server issued for a workshop (root map
 * `identities`, extension of schema v1): one entry per identity, keyed by its
 * public participant id. The secret key behind it never enters the document
 * (policy/participantId.ts); the entry records only that the server issued it,
 * when, and whether the facilitator revoked it.
 *
 * Why it lives in the document: the facilitator sees every issued identity
 * live (how many exist against how many people are in the room), revocations
 * persist with the workshop in either storage backend, and every process of a
 * several-process setup reads the same list. Only the server and facilitators
 * write it; the role policy refuses participants' changes to it.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import type { ParticipantId } from './ids.ts';
import { NOTE } from './note.ts';
import { identitiesMap, notesMap } from './schema.ts';

export const IDENTITY = {
  /** ms since epoch when the server issued it. */
  issuedAt: 'issuedAt',
  /** ms since epoch when the facilitator revoked it; absent while valid. */
  revokedAt: 'revokedAt',
} as const;

const timeSchema = z.number().finite().nonnegative();

export interface IssuedIdentity {
  participantId: ParticipantId;
  issuedAt: number;
  /** null while the identity is valid. */
  revokedAt: number | null;
}

/** Every well-formed entry, oldest first; malformed ones are skipped. */
export function readIdentities(doc: Y.Doc): IssuedIdentity[] {
  const out: IssuedIdentity[] = [];
  for (const [id, value] of identitiesMap(doc).entries()) {
    if (!(value instanceof Y.Map)) continue;
    const issuedAt = timeSchema.safeParse(value.get(IDENTITY.issuedAt));
    if (!issuedAt.success) continue;
    const revoked = timeSchema.safeParse(value.get(IDENTITY.revokedAt));
    out.push({
      participantId: id as ParticipantId,
      issuedAt: issuedAt.data,
      revokedAt: revoked.success ? revoked.data : null,
    });
  }
  return out.sort((a, b) => a.issuedAt - b.issuedAt);
}

/** How many identities were issued (revoked ones included: they were handed out). */
export function identityCount(doc: Y.Doc): number {
  return identitiesMap(doc).size;
}

export function isRevoked(doc: Y.Doc, participantId: string): boolean {
  const entry = identitiesMap(doc).get(participantId);
  return entry instanceof Y.Map && entry.get(IDENTITY.revokedAt) !== undefined;
}

/** Records a freshly issued identity (call inside a transaction). */
export function recordIdentity(doc: Y.Doc, participantId: ParticipantId, issuedAt: number): void {
  const entry = new Y.Map<unknown>();
  entry.set(IDENTITY.issuedAt, issuedAt);
  identitiesMap(doc).set(participantId, entry);
}

/**
 * Revokes an identity: marks it and takes back every vote it gave, so that
 * votes cast through identities one person collected do not count. Its notes
 * stay. Returns false when no such identity was issued.
 */
export function revokeIdentity(doc: Y.Doc, participantId: ParticipantId, at: number): boolean {
  const entry = identitiesMap(doc).get(participantId);
  if (!(entry instanceof Y.Map)) return false;
  if (entry.get(IDENTITY.revokedAt) === undefined) entry.set(IDENTITY.revokedAt, at);
  for (const note of notesMap(doc).values()) {
    if (!(note instanceof Y.Map)) continue;
    const votes = note.get(NOTE.votes);
    if (votes instanceof Y.Map && votes.has(participantId)) votes.delete(participantId);
  }
  return true;
}
