/**
 * Small helpers between a Y.Map entry and the zod schema that declares its
 * fields: picking the raw object a schema checks, naming the keys, writing a
 * new entry. Kept apart from the entities so each entity file reads as its
 * schema and its reader.
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

/** `{ boardId: 'boardId', … }`: the keys of an entry, named once by its schema. */
export function fieldKeys<Shape extends Record<string, unknown>>(schema: {
  shape: Shape;
}): { readonly [K in keyof Shape & string]: K } {
  return Object.freeze(Object.fromEntries(Object.keys(schema.shape).map((key) => [key, key]))) as {
    readonly [K in keyof Shape & string]: K;
  };
}

/**
 * Sets every field the schema declares on a new entry's Y.Map, in the
 * schema's order; `convert` turns a plain value into its shared type (a note's
 * text into a Y.Text). An absent or null value is left absent, which readers
 * take as the default. Keys the schema does not declare are never written,
 * so a caller's spread object cannot leak extra keys into the document.
 */
export function writeFields<Shape extends Record<string, unknown>>(
  map: Y.Map<unknown>,
  schema: { shape: Shape },
  fields: { readonly [K in keyof Shape]?: unknown },
  convert: { readonly [K in keyof Shape]?: (value: never) => unknown } = {},
): void {
  for (const key of Object.keys(schema.shape) as (keyof Shape & string)[]) {
    const value = fields[key];
    if (value === undefined || value === null) continue;
    const to = convert[key] as ((value: unknown) => unknown) | undefined;
    map.set(key, to ? to(value) : value);
  }
}

/** The fields of `value` that the schema declares, in the schema's order. */
export function pickFields<T extends object, Shape extends Record<string, unknown>>(
  value: T,
  schema: { shape: Shape },
): Pick<T, keyof Shape & keyof T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(schema.shape) as (keyof Shape & keyof T)[]) out[key] = value[key];
  return out as Pick<T, keyof Shape & keyof T>;
}
