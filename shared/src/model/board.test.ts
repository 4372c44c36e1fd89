import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from './board.ts';
import { asBoardId } from './ids.ts';

function boardEntry(fields: Record<string, unknown>): Y.Map<unknown> {
  const doc = new Y.Doc();
  const map = new Y.Map<unknown>();
  doc.getMap('boards').set('b1', map);
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
}

describe('readBoard', () => {
  it('reads a well-formed board; locked defaults to false when absent', () => {
    const read = readBoard(
      boardEntry({ title: 'Neues', question: 'Was?', order: 2 }),
      asBoardId('b1'),
    );
    expect(read).toEqual({
      ok: true,
      value: { id: 'b1', title: 'Neues', question: 'Was?', order: 2, locked: false },
    });
  });

  it('names the path of a bad field', () => {
    const read = readBoard(
      boardEntry({ title: 3, question: 'q', order: 'first' }),
      asBoardId('b1'),
    );
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.error).toMatch(/^boards\/b1: /);
      expect(read.error).toMatch(/title: /);
      expect(read.error).toMatch(/order: /);
    }
  });

  it('rejects a missing question rather than inventing one', () => {
    const read = readBoard(boardEntry({ title: 't', order: 0 }), asBoardId('b1'));
    expect(read.ok).toBe(false);
  });
});
