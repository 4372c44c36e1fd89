import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { acceptsClusterField, readCluster } from './cluster.ts';
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

describe('acceptsClusterField', () => {
  it('accepts a frame on the board and refuses one the reader would skip or that leaves the board', () => {
    expect(acceptsClusterField('width', 2000)).toBe(true);
    expect(acceptsClusterField('height', undefined)).toBe(true);
    expect(acceptsClusterField('title', 'Neu')).toBe(true);
    expect(acceptsClusterField('width', Number.POSITIVE_INFINITY)).toBe(false);
    expect(acceptsClusterField('height', 1e300)).toBe(false);
    expect(acceptsClusterField('width', -1)).toBe(false);
    expect(acceptsClusterField('x', Number.NaN)).toBe(false);
    expect(acceptsClusterField('title', 5)).toBe(false);
  });
});
