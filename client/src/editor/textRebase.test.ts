import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { changeBetween, rebase, type TextChange, type TextDelta } from './textRebase.ts';

type RemoteOp = { insert: string; at: number } | { delete: number; at: number };

/**
 * `base` changed by another peer (`remote`, one transaction each), as a Yjs
 * peer receives it: the text after, and the deltas it observed.
 */
function remoteChanges(base: string, remote: RemoteOp[]) {
  const origin = new Y.Doc();
  origin.clientID = 1;
  origin.getText('t').insert(0, base);
  const seed = Y.encodeStateAsUpdate(origin);
  const other = new Y.Doc();
  other.clientID = 2;
  Y.applyUpdate(other, seed);
  const mine = new Y.Doc();
  mine.clientID = 3;
  Y.applyUpdate(mine, seed);
  const updates: Uint8Array[] = [];
  other.on('update', (u: Uint8Array) => updates.push(u));
  const deltas: TextDelta[] = [];
  mine.getText('t').observe((e) => deltas.push(e.delta));
  for (const op of remote) {
    const t = other.getText('t');
    const at = Math.min(op.at, t.length);
    if ('insert' in op) t.insert(at, op.insert);
    else t.delete(at, Math.min(op.delete, t.length - at));
  }
  for (const u of updates) Y.applyUpdate(mine, u);
  return { seed, updates, deltas, now: mine.getText('t').toString() };
}

/** What Yjs makes of `change` written at `base` concurrently with the remote changes. */
function yjsMerge(seed: Uint8Array, updates: Uint8Array[], change: TextChange): string {
  const doc = new Y.Doc();
  doc.clientID = 3;
  Y.applyUpdate(doc, seed);
  const t = doc.getText('t');
  // Inserted before the removed range, so that it stays before it (after it, Yjs
  // would skip the removed items and let an insert at the range's end come first).
  if (change.insert) t.insert(change.at, change.insert);
  if (change.remove) t.delete(change.at + change.insert.length, change.remove);
  for (const u of updates) Y.applyUpdate(doc, u);
  return t.toString();
}

function applyRebased(now: string, change: ReturnType<typeof rebase>): string {
  let text = now;
  for (const [from, to] of [...change.removals].reverse())
    text = text.slice(0, from) + text.slice(to);
  return text.slice(0, change.at) + change.insert + text.slice(change.at);
}

describe('changeBetween', () => {
  test('finds the one changed range', () => {
    expect(changeBetween('Hallo Welt', 'Hallo, Welt', 6)).toEqual({
      at: 5,
      remove: 0,
      insert: ',',
    });
    expect(changeBetween('Hallo Welt', 'Hallo Wald', 10)).toEqual({
      at: 7,
      remove: 3,
      insert: 'ald',
    });
    expect(changeBetween('abc', 'abc', 3)).toBeNull();
  });

  test('an ambiguous insertion ends at the caret, an ambiguous deletion starts at it', () => {
    expect(changeBetween('ああ', 'あああ', 2)).toEqual({ at: 1, remove: 0, insert: 'あ' });
    expect(changeBetween('ああ', 'あああ', 3)).toEqual({ at: 2, remove: 0, insert: 'あ' });
    expect(changeBetween('abb', 'ab', 1)).toEqual({ at: 1, remove: 1, insert: '' });
    // A caret elsewhere (a value set by a script) leaves the range where it can be.
    expect(changeBetween('aa', 'aaa', 0)).toEqual({ at: 0, remove: 0, insert: 'a' });
  });

  test('never splits a surrogate pair', () => {
    expect(changeBetween('😀', '😁', 2)).toEqual({ at: 0, remove: 2, insert: '😁' });
    const c = changeBetween('a😀😀', 'a😀', 3);
    expect(c?.remove).toBe(2);
    expect(c && c.at % 2).toBe(1);
  });
});

describe('rebase', () => {
  test('a change after others’ insert and delete moves with them', () => {
    const { deltas, now } = remoteChanges('Hallo Welt', [
      { insert: 'Liebe ', at: 0 },
      { delete: 2, at: 6 }, // "Ha"
    ]);
    expect(now).toBe('Liebe llo Welt');
    const change = rebase({ at: 10, remove: 0, insert: '日本' }, deltas);
    expect(applyRebased(now, change)).toBe('Liebe llo Welt日本');
    expect(change.place(12)).toBe(16);
  });

  test('what others inserted inside a replaced range stays', () => {
    const { deltas, now } = remoteChanges('abcdef', [{ insert: 'X', at: 3 }]);
    const change = rebase({ at: 1, remove: 4, insert: 'Q' }, deltas);
    expect(applyRebased(now, change)).toBe('aQXf');
  });

  // Compared with Yjs merging the change as if it had been written at once:
  // the same text, except that where both inserted at one spot the order may
  // differ (Yjs knows where a removed character stood, deltas do not).
  test('keeps what both wrote, each in its order, as Yjs would merge it', () => {
    const remoteOp = fc.oneof(
      fc.record({ insert: fc.stringMatching(/^[0-9]{1,3}$/), at: fc.nat(14) }),
      fc.record({ delete: fc.integer({ min: 1, max: 4 }), at: fc.nat(14) }),
    );
    const without = (text: string, chars: RegExp) => text.replace(chars, '');
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-l]{0,12}$/),
        fc.array(remoteOp, { minLength: 1, maxLength: 4 }),
        fc.nat(12),
        fc.nat(4),
        fc.stringMatching(/^[A-Z]{0,3}$/),
        (base, remote, at0, remove0, insert) => {
          const at = Math.min(at0, base.length);
          const change = { at, remove: Math.min(remove0, base.length - at), insert };
          const { seed, updates, deltas, now } = remoteChanges(base, remote);
          const rebased = rebase(change, deltas);
          const result = applyRebased(now, rebased);
          const merged = yjsMerge(seed, updates, change);
          expect(without(result, /[0-9]/g)).toBe(without(merged, /[0-9]/g));
          expect(without(result, /[A-Z]/g)).toBe(without(merged, /[A-Z]/g));
          expect(result.slice(rebased.at, rebased.at + insert.length)).toBe(insert);
          const caret = rebased.place(at + insert.length);
          expect(caret).toBe(rebased.at + insert.length);
          // Places keep their order and stay on their side of the change.
          const local = base.slice(0, at) + insert + base.slice(at + change.remove);
          let last = 0;
          for (let p = 0; p <= local.length; p++) {
            const q = rebased.place(p);
            expect(q).toBeGreaterThanOrEqual(last);
            expect(q).toBeLessThanOrEqual(result.length);
            if (p <= at) expect(q).toBeLessThanOrEqual(rebased.at);
            if (p >= at + insert.length) expect(q).toBeGreaterThanOrEqual(caret);
            last = q;
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
