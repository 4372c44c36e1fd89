import { describe, expect, test } from 'vitest';
import { readPresence } from './presenceTypes.ts';

describe('readPresence', () => {
  test('reads a well-formed state', () => {
    const peer = readPresence(7, {
      user: { id: 'u', name: 'Jörg', color: '#1f5fbf' },
      cursor: { boardId: 'b', x: 1, y: 2 },
      selection: ['n1'],
      editing: 'n1',
      view: null,
      dragging: { ids: ['n1'], dx: 5, dy: 6, from: [10, 20] },
      role: 'participant',
    });
    expect(peer).toMatchObject({
      clientId: 7,
      user: { name: 'Jörg' },
      cursor: { x: 1, y: 2 },
      editing: 'n1',
      dragging: { ids: ['n1'], from: [10, 20] },
      role: 'participant',
    });
  });
  test('drops what a foreign client got wrong instead of failing', () => {
    const peer = readPresence(1, {
      user: { id: 'u', name: 'X', color: 'red; background:url(x)' },
      cursor: { boardId: 'b', x: 'NaN', y: 2 },
      selection: 'all',
      dragging: { ids: 'n1' },
    });
    expect(peer).toMatchObject({
      cursor: null,
      selection: [],
      dragging: null,
      user: { color: '#555555' },
    });
    expect(readPresence(2, { cursor: {} })).toBeNull();
  });
});
