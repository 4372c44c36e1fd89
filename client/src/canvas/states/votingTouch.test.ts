// Voting with a finger: a long press opens the note's menu and never gives a
// dot, whenever the phone's browser sends its contextmenu (during the hold, on
// release, or not at all); a tap on one's own dot takes it back.
import { describe, expect, test } from 'vitest';
import { A, ctx, down, note, up } from '../../testing/canvasMachineEvents.ts';
import { CanvasMachine } from './machine.ts';
import type { Effect } from './types.ts';

const touch = { pointerType: 'touch' as const };
const voting = ctx([A], { voting: true });
const at = { x: 3, y: 4 };
const menu: Effect = { type: 'openMenu', menu: { kind: 'note', ids: [A] }, at };
const gave = (effects: Effect[]) => effects.some((e) => e.type === 'vote');

describe('voting on a phone', () => {
  test('a long press on a note while voting opens its menu and gives no dot (no browser contextmenu)', () => {
    const m = new CanvasMachine();
    m.send(down(note(A), 3, 4, touch), voting);
    expect(m.send({ type: 'longPress', pointerId: 1 }, voting)).toEqual([menu]);
    expect(gave(m.send(up(3, 4), voting))).toBe(false);
  });

  test('a long press gives no dot and one menu when the browser’s contextmenu comes on release', () => {
    const m = new CanvasMachine();
    const effects = [
      ...m.send(down(note(A), 3, 4, touch), voting),
      ...m.send({ type: 'longPress', pointerId: 1 }, voting),
      ...m.send(up(3, 4), voting),
      ...m.send({ type: 'contextMenu', target: note(A), screen: at }, voting),
    ];
    expect(gave(effects)).toBe(false);
    expect(effects.filter((e) => e.type === 'openMenu')).toHaveLength(1);
  });

  test('the browser’s contextmenu during the hold opens the menu once; the pipeline’s long press after it nothing', () => {
    const m = new CanvasMachine();
    const effects = [
      ...m.send(down(note(A), 3, 4, touch), voting),
      ...m.send({ type: 'contextMenu', target: note(A), screen: at }, voting),
      ...m.send({ type: 'longPress', pointerId: 1 }, voting),
      ...m.send(up(3, 4), voting),
    ];
    expect(gave(effects)).toBe(false);
    expect(effects.filter((e) => e.type === 'openMenu')).toHaveLength(1);
  });

  test('a short tap still gives a dot, and a long press that became a drag opens no menu', () => {
    const m = new CanvasMachine();
    m.send(down(note(A), 3, 4, touch), voting);
    expect(m.send(up(3, 4), voting)).toEqual([{ type: 'vote', id: A }]);
    m.send(down(note(A), 3, 4, touch), voting);
    m.send(
      { type: 'pointerMove', pointerId: 1, screen: { x: 40, y: 4 }, world: { x: 40, y: 4 } },
      voting,
    );
    expect(m.send({ type: 'longPress', pointerId: 1 }, voting)).toEqual([]);
  });

  test('a tap on one’s own dot takes it back; beside it, a dot is given', () => {
    const m = new CanvasMachine();
    const onDots = ctx([A], { voting: true, onOwnDots: (id, w) => id === A && w.y > 100 });
    m.send(down(note(A), 10, 105, touch), onDots);
    expect(m.send(up(10, 105), onDots)).toEqual([{ type: 'takeBackVote', id: A }]);
    m.send(down(note(A), 10, 50, touch), onDots);
    expect(m.send(up(10, 50), onDots)).toEqual([{ type: 'vote', id: A }]);
  });
});
