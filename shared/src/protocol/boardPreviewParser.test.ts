import { describe, expect, it } from 'vitest';
import { boardPreviewParser } from './boardPreviewParser.ts';
import { boardPreviewSchema } from './http.ts';

const note = (i: number): Record<string, unknown> => ({
  id: `n${i}`,
  x: i * 10,
  y: -i,
  color: 'yellow',
  author: 'Ann',
  text: `Note ${i}`,
  votes: i % 3,
});

const preview = (): Record<string, unknown> => ({
  title: 'Retro',
  boards: [{ id: 'b1', title: 'Board', question: '', order: 0 }],
  boardId: 'b1',
  clusters: [
    { id: 'c1', boardId: 'b1', title: 'Frame', x: 0, y: 0, width: 400, height: 300, order: 0 },
  ],
  notes: [note(0), note(1), note(2)],
});

/** Ways one note of a preview can be wrong (or odd but allowed). */
const noteValues: Record<string, unknown[]> = {
  id: ['', 5, null, undefined, 'ok'],
  x: [Number.NaN, Number.POSITIVE_INFINITY, '1', null, undefined, -0, 1e300, 1.5],
  y: [Number.NEGATIVE_INFINITY, true, undefined, 0.25],
  color: [1, null, undefined, ''],
  author: [{}, undefined, ''],
  text: [[], undefined, '', 'x'.repeat(5000)],
  votes: [-1, 1.5, Number.NaN, 2 ** 53, Number.MAX_SAFE_INTEGER, '1', undefined, -0, 0],
};

/** Whether zod accepted `value` (and the parser gave the same answer). */
function sameAsZod(value: unknown): boolean {
  const fast = boardPreviewParser.safeParse(value);
  const zod = boardPreviewSchema.safeParse(value);
  expect(fast.success).toBe(zod.success);
  if (fast.success && zod.success) expect(fast.data).toStrictEqual(zod.data);
  return zod.success;
}

describe('boardPreviewParser', () => {
  it('reads a good preview as zod does, keeping only the known keys of a note', () => {
    const value = preview();
    (value.notes as Record<string, unknown>[])[1]!.extra = 'dropped';
    expect(sameAsZod(value)).toBe(true);
    const parsed = boardPreviewParser.safeParse(value);
    expect(parsed.success && parsed.data.notes[1]).toStrictEqual(note(1));
  });

  it('accepts and refuses every odd note value exactly as zod does', () => {
    const accepted = new Set<boolean>();
    for (const [key, values] of Object.entries(noteValues))
      for (const v of values) {
        const value = preview();
        (value.notes as Record<string, unknown>[])[2]![key] = v;
        accepted.add(sameAsZod(value));
      }
    expect([...accepted].sort()).toEqual([false, true]);
  });

  it('refuses what is not a preview or whose notes are not notes, as zod does', () => {
    for (const value of [null, 1, 'x', [], {}, { ...preview(), notes: null }]) sameAsZod(value);
    for (const bad of [null, 1, 'n', [note(1)], []]) {
      const value = preview();
      (value.notes as unknown[])[0] = bad;
      sameAsZod(value);
    }
    sameAsZod({ ...preview(), boards: [{ id: '' }] });
    sameAsZod({ ...preview(), boardId: 5 });
    sameAsZod({ ...preview(), title: undefined });
  });
});
