import { describe, expect, test } from 'vitest';
import {
  fitRect,
  fitRectInside,
  panToContain,
  toScreen,
  toWorld,
  visibleInside,
  visibleRect,
  zoomAt,
} from './viewport.ts';

describe('viewport', () => {
  test('toWorld inverts toScreen', () => {
    const view = { x: 30, y: -20, scale: 1.5 };
    const p = toScreen(view, toWorld(view, { x: 100, y: 200 }));
    expect(p.x).toBeCloseTo(100);
    expect(p.y).toBeCloseTo(200);
  });
  test('zoomAt keeps the anchor fixed', () => {
    const view = { x: 10, y: 10, scale: 1 };
    const anchor = { x: 400, y: 300 };
    const before = toWorld(view, anchor);
    const after = toWorld(zoomAt(view, anchor, 2), anchor);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });
  test('fitRect shows the whole content', () => {
    const size = { width: 800, height: 600 };
    const content = { x: -500, y: 100, width: 2000, height: 400 };
    const view = fitRect(content, size, 0, 10);
    const visible = visibleRect(view, size);
    expect(visible.x).toBeLessThanOrEqual(content.x + 0.001);
    expect(visible.x + visible.width).toBeGreaterThanOrEqual(content.x + content.width - 0.001);
  });
  test('fit shows a board whole that 10 % would cut off (5,000 notes over 50,000 units)', () => {
    const size = { width: 1280, height: 640 };
    const content = { x: 0, y: 0, width: 50_000, height: 20_000 };
    const view = fitRect(content, size);
    expect(view.scale).toBeLessThan(0.1);
    const visible = visibleRect(view, size);
    expect(visible.x).toBeLessThanOrEqual(0);
    expect(visible.y).toBeLessThanOrEqual(0);
    expect(visible.x + visible.width).toBeGreaterThanOrEqual(content.width);
    expect(visible.y + visible.height).toBeGreaterThanOrEqual(content.height);
  });
  test('panToContain pans as little as needed, and not at all when the content is inside', () => {
    const view = { x: 0, y: 0, scale: 2 };
    const area = { x: 0, y: 0, width: 400, height: 300 };
    expect(
      panToContain(view, area, { x: 10, y: 10, width: 100, height: 100 }, { x: 1, y: 0 }),
    ).toBe(view);
    // 20 units past the right edge: the view moves 20 units (40 px at scale 2) left.
    expect(
      panToContain(view, area, { x: 320, y: 10, width: 100, height: 100 }, { x: 1, y: 0 }),
    ).toEqual({ x: -40, y: 0, scale: 2 });
    expect(
      panToContain(view, area, { x: 10, y: -30, width: 100, height: 100 }, { x: 0, y: -1 }),
    ).toEqual({ x: 0, y: 60, scale: 2 });
    // Wider than the area: the side it moves towards stays in view.
    expect(
      panToContain(view, area, { x: 0, y: 0, width: 500, height: 100 }, { x: 1, y: 0 }),
    ).toEqual({
      x: -200,
      y: 0,
      scale: 2,
    });
  });
  test('fitRectInside shows the whole content between the banners and the toolbar', () => {
    const size = { width: 390, height: 640 };
    const insets = { top: 40, bottom: 64 };
    // Taller than the stage: fitted into the whole stage its top would lie under the banners.
    const content = { x: 0, y: 0, width: 400, height: 1200 };
    const view = fitRectInside(content, size, insets, 0, 4);
    const top = toScreen(view, { x: content.x, y: content.y });
    const bottom = toScreen(view, { x: content.x, y: content.y + content.height });
    expect(top.y).toBeCloseTo(40);
    expect(bottom.y).toBeCloseTo(size.height - 64);
    // What is seen there is the content, so a follower shown it sees it there too.
    const seen = visibleInside(view, size, insets);
    expect(seen.y).toBeCloseTo(content.y);
    expect(seen.y + seen.height).toBeCloseTo(content.y + content.height);
    const none = { top: 0, bottom: 0 };
    expect(fitRectInside(content, size, none, 0, 4)).toEqual(fitRect(content, size, 0, 4));
    expect(visibleInside(view, size, none)).toEqual(visibleRect(view, size));
  });
  test('what lies over the edges covers at most half of the stage, in proportion', () => {
    const size = { width: 800, height: 300 };
    const insets = { top: 250, bottom: 50 };
    const content = { x: 0, y: 0, width: 100, height: 600 };
    const view = fitRectInside(content, size, insets, 0, 4);
    // 300 px covered of 300 become 150: 125 at the top, 25 at the bottom.
    expect(toScreen(view, content).y).toBeCloseTo(125);
    expect(view.scale).toBeCloseTo(150 / 600);
    expect(visibleInside(view, size, insets).y).toBeCloseTo(0);
  });
});
