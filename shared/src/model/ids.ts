/**
 * Ids of everything in a workshop document.
 *
 * Ids are random, URL-safe strings (design.md). They are generated on the client
 * that creates the entity, so two offline peers never pick the same id: 128 bits
 * of randomness make a collision practically impossible without any coordination.
 *
 * The branded types stop a NoteId from being passed where a BoardId is expected;
 * at runtime they are plain strings, exactly what a foreign Yjs client writes.
 */
import { z } from 'zod';

// What a document may hold as an id: any non-empty string, because a foreign
// client may have written it (files and URLs are held to `idSchema` below).
const documentId = z.string().min(1);

export const workshopIdSchema = documentId.brand<'WorkshopId'>();
export type WorkshopId = z.infer<typeof workshopIdSchema>;
export const boardIdSchema = documentId.brand<'BoardId'>();
export type BoardId = z.infer<typeof boardIdSchema>;
export const clusterIdSchema = documentId.brand<'ClusterId'>();
export type ClusterId = z.infer<typeof clusterIdSchema>;
export const noteIdSchema = documentId.brand<'NoteId'>();
export type NoteId = z.infer<typeof noteIdSchema>;
/** A person taking part (facilitator, participant); keys the `votes` map of a note. */
export const participantIdSchema = documentId.brand<'ParticipantId'>();
export type ParticipantId = z.infer<typeof participantIdSchema>;

const ID_BYTES = 16; // 128 bits

/** Base64url alphabet: safe in URLs, file names and Y.Map keys without escaping. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A fresh random id (22 URL-safe characters, 128 random bits).
 * `crypto.getRandomValues` is a global in browsers and in Node ≥ 20, so this
 * stays free of Node imports.
 */
// shared/ compiles without DOM or Node typings, so the Web Crypto global is
// typed here with the one method used.
interface RandomSource {
  getRandomValues(array: Uint8Array): Uint8Array;
}
const randomSource = (globalThis as unknown as { crypto: RandomSource }).crypto;

export function newId<T extends string = string>(): T {
  const bytes = randomSource.getRandomValues(new Uint8Array(ID_BYTES));
  let out = '';
  // 6 bits per character; 128 bits → 22 characters, the last one carrying 2 bits.
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += ALPHABET[(buffer >> bits) & 63];
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (6 - bits)) & 63];
  return out as T;
}

/** What an id read from a document or a URL must look like: non-empty, URL-safe. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** Validates a string id from outside (URL, API body); does not check that it exists. */
export const idSchema = z.string().regex(ID_PATTERN, 'not a URL-safe id');

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

// Casts for ids that come from trusted places (a document key, a route parameter
// that was validated). They exist so that the cast is visible and greppable.
export const asWorkshopId = (id: string): WorkshopId => id as WorkshopId;
export const asBoardId = (id: string): BoardId => id as BoardId;
export const asClusterId = (id: string): ClusterId => id as ClusterId;
export const asNoteId = (id: string): NoteId => id as NoteId;
export const asParticipantId = (id: string): ParticipantId => id as ParticipantId;
