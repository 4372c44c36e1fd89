/**
 * Small helpers for turning a Y.Map entry into the raw object a zod schema
 * checks. Kept apart from the entities so each entity file reads as its
 * interface, its schema and its reader.
 */
import * as Y from 'yjs';

/** Copies the listed keys of `map` into a plain object (values left as stored). */
export function pick<K extends string>(
  map: Y.Map<unknown>,
  keys: readonly K[],
): Record<K, unknown> {
  const out = {} as Record<K, unknown>;
  for (const key of keys) out[key] = map.get(key);
  return out;
}

/** The entry at `id` of a root map if it is a Y.Map, else undefined. */
export function entryMap(root: Y.Map<unknown>, id: string): Y.Map<unknown> | undefined {
  const value = root.get(id);
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : undefined;
}

/** Describes a non-map entry for a problem message without dumping its content. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Y.AbstractType) return value.constructor.name;
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
