import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import * as Y from 'yjs';
import { Presence } from './presence.ts';
import { DOT_FADE_MS, LABEL_FADE_MS, RemoteCursors } from './remoteCursors.ts';

/** Two people whose awareness reaches each other, as through the relay. */
function twoPeople() {
  const fritz = new Awareness(new Y.Doc());
  const anna = new Awareness(new Y.Doc());
  fritz.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
    if (origin === 'remote') return;
    const changed = [...(added ?? []), ...(updated ?? []), ...(removed ?? [])];
    applyAwarenessUpdate(anna, encodeAwarenessUpdate(fritz, changed), 'remote');
  });
  const fritzPresence = new Presence(fritz, { id: 'p-fritz', name: 'Fritz', color: '#1f5fbf' });
  const annaPresence = new Presence(anna, { id: 'p-anna', name: 'Anna', color: '#b8860b' });
  const annaSees = new RemoteCursors(annaPresence);
  return {
    fritz,
    fritzPresence,
    annaSees,
    destroy: () => {
      for (const a of [fritz, anna]) a.destroy();
    },
  };
}

const names = (cursors: RemoteCursors) =>
  cursors.shown.get().map((c) => (c.label ? c.user.name : '(dot)'));

describe('remote cursors', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test('the name fades a few seconds after the pointer stopped, the dot a while later', () => {
    const { fritzPresence, annaSees, destroy } = twoPeople();
    fritzPresence.set({ cursor: { boardId: 'b1', x: 10, y: 20 } });
    expect(names(annaSees)).toEqual(['Fritz']);
    vi.advanceTimersByTime(LABEL_FADE_MS - 100);
    expect(names(annaSees)).toEqual(['Fritz']);
    vi.advanceTimersByTime(200);
    expect(names(annaSees)).toEqual(['(dot)']);
    vi.advanceTimersByTime(DOT_FADE_MS - LABEL_FADE_MS);
    expect(names(annaSees)).toEqual([]);
    // Moving again brings the name back.
    fritzPresence.set({ cursor: { boardId: 'b1', x: 11, y: 20 } });
    expect(names(annaSees)).toEqual(['Fritz']);
    destroy();
  });

  test('other changes of the same person (a selection) do not keep the name up', () => {
    const { fritzPresence, annaSees, destroy } = twoPeople();
    fritzPresence.set({ cursor: { boardId: 'b1', x: 10, y: 20 } });
    vi.advanceTimersByTime(LABEL_FADE_MS - 1000);
    fritzPresence.set({ selection: ['n1'] });
    vi.advanceTimersByTime(1500);
    expect(names(annaSees)).toEqual(['(dot)']);
    destroy();
  });

  test('a pointer goes at once when the person leaves (awareness state removed)', () => {
    const { fritz, fritzPresence, annaSees, destroy } = twoPeople();
    fritzPresence.set({ cursor: { boardId: 'b1', x: 10, y: 20 } });
    expect(names(annaSees)).toEqual(['Fritz']);
    removeAwarenessStates(fritz, [fritz.clientID], 'left');
    expect(names(annaSees)).toEqual([]);
    destroy();
  });

  test('a pointer goes at once when the person shows another board', () => {
    const { fritzPresence, annaSees, destroy } = twoPeople();
    fritzPresence.set({
      cursor: { boardId: 'b1', x: 10, y: 20 },
      view: { boardId: 'b1', x: 0, y: 0, scale: 1 },
    });
    expect(annaSees.shown.get().map((c) => c.boardId)).toEqual(['b1']);
    fritzPresence.set({ view: { boardId: 'b2', x: 0, y: 0, scale: 1 } });
    expect(annaSees.shown.get()).toEqual([]);
    destroy();
  });

  test('a person who has left is forgotten: coming back shows the name again', () => {
    const { fritz, fritzPresence, annaSees, destroy } = twoPeople();
    fritzPresence.set({ cursor: { boardId: 'b1', x: 10, y: 20 } });
    vi.advanceTimersByTime(LABEL_FADE_MS + 10);
    fritzPresence.set({ cursor: null });
    expect(names(annaSees)).toEqual([]);
    fritzPresence.set({ cursor: { boardId: 'b1', x: 10, y: 20 } });
    expect(names(annaSees)).toEqual(['Fritz']);
    expect(fritz.getStates().size).toBe(1);
    destroy();
  });
});
