import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readCluster } from './cluster.ts';
import { asClusterId } from './ids.ts';

function entry(fields: Record<string, unknown>): Y.Map<unknown> {
  const doc = new Y.Doc();
  const map = new Y.Map<unknown>();
  doc.getMap('clusters').set('c1', map);
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
}

const good = { boardId: 'b1', title: 'Strukturen', x: 0, y: 10, width: 300, height: 200, order: 1 };

describe('readCluster', () => {
  it('reads a well-formed cluster', () => {
    expect(readCluster(entry(good), asClusterId('c1'))).toEqual({
      ok: true,
      value: { id: 'c1', ...good },
    });
  });

  it('reports a negative size and a missing board id with their paths', () => {
    const read = readCluster(entry({ ...good, width: -1, boardId: undefined }), asClusterId('c1'));
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.error).toMatch(/clusters\/c1: /);
      expect(read.error).toMatch(/width: /);
      expect(read.error).toMatch(/boardId: /);
    }
  });
});
