/**
 * The outcome of reading one entry of a document written by anyone: a valid
 * value, or a message naming the entry and the bad field. Readers return this
 * instead of throwing so that one malformed entry from a foreign client is
 * reported and skipped, never a crash.
 */
import type { z } from 'zod';

export type ReadResult<T> =
  /** `problems`: parts of a readable entry that were skipped (e.g. one bad vote). */
  { ok: true; value: T; problems?: string[] } | { ok: false; error: string };

export function ok<T>(value: T): ReadResult<T> {
  return { ok: true, value };
}

export function fail<T>(error: string): ReadResult<T> {
  return { ok: false, error };
}

/**
 * "notes/abc: x: expected number, received string" — the entry's path, then
 * every bad field's path and zod's message.
 */
export function describeZodError(where: string, error: z.ZodError): string {
  const parts = error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  return `${where}: ${parts.join('; ')}`;
}

/** Parses `raw` with `schema`, reporting problems under `where`. */
export function parseWith<T>(schema: z.ZodType<T>, raw: unknown, where: string): ReadResult<T> {
  const parsed = schema.safeParse(raw);
  return parsed.success ? ok(parsed.data) : fail(describeZodError(where, parsed.error));
}
