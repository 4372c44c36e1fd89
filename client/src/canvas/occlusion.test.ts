// A note left out of a redraw must not have owned a single pixel of it: every
// device pixel it could paint lies wholly inside the opaque card (less its
// rounded corners) of a note drawn after it. And a pile must leave most of
// its notes out, or the module does nothing.
import { NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import { assertProperty, PROPERTY_TIMEOUT_MS } from '@pinnwand/shared/testing/propertySeeds';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coveredNotes } from './occlusion.ts';
import type { Rect } from './viewport.ts';

const BASELINE_SEED = 20261203;

/** What notePainter may paint around a card at `place`: the writer's label above, shadow and outline. */
const reach = (place: { x: number; y: number }): Rect => ({
  x: place.x - 2,
  y: place.y - 24,
  width: NOTE_WIDTH + 8,
  height: NOTE_HEIGHT + 30,
});
/** Zoomed out a note paints its card and an outline only. */
const cardReach = (place: { x: number; y: number }): Rect => ({
  x: place.x - 2,
  y: place.y - 2,
  width: NOTE_WIDTH + 4,
  height: NOTE_HEIGHT + 4,
});

/** Whether the device pixel [px, px + 1/scale)² lies inside the card at `place`, corners left out. */
function paintedFully(px: number, py: number, scale: number, place: { x: number; y: number }) {
  const size = 1 / scale;
  return (
    px >= place.x + 3 &&
    px + size <= place.x + NOTE_WIDTH - 3 &&
    py >= place.y + 3 &&
    py + size <= place.y + NOTE_HEIGHT - 3
  );
}

/** A pixel of `place`'s reach within the region that no later card paints fully, if any. */
function ownPixel(
  notes: { x: number; y: number }[],
  index: number,
  region: Rect,
  scale: number,
  reachOf: typeof reach,
): [number, number] | null {
  const r = reachOf(notes[index]!);
  const first = (v: number, origin: number) => Math.floor((v - origin) * scale);
  for (let i = Math.max(0, first(r.y, region.y)); ; i++) {
    const py = region.y + i / scale;
    if (py >= Math.min(r.y + r.height, region.y + region.height)) break;
    for (let j = Math.max(0, first(r.x, region.x)); ; j++) {
      const px = region.x + j / scale;
      if (px >= Math.min(r.x + r.width, region.x + region.width)) break;
      const painted = notes.slice(index + 1).some((above) => paintedFully(px, py, scale, above));
      if (!painted) return [px, py];
    }
  }
  return null;
}

describe('coveredNotes', () => {
  it(
    'leaves out only notes whose every pixel a later card paints over',
    () => {
      let hiddenSeen = 0;
      // Crowded, so that notes are often covered, some just barely.
      const place = fc
        .record({
          i: fc.integer({ min: 0, max: 12 }),
          j: fc.integer({ min: 0, max: 12 }),
          dx: fc.integer({ min: 0, max: 4 }),
          dy: fc.integer({ min: 0, max: 4 }),
        })
        .map(({ i, j, dx, dy }) => ({ x: i * 20 - 40 + dx, y: j * 15 - 30 + dy }));
      assertProperty(
        'occlusion: hidden notes own no pixel',
        fc.property(
          fc.array(place, { minLength: 20, maxLength: 80 }),
          fc.constantFrom(0.16, 0.5, 1, 1.37, 2),
          fc.record({
            x: fc.integer({ min: -50, max: 100 }),
            y: fc.integer({ min: -50, max: 100 }),
          }),
          fc.constantFrom(reach, cardReach),
          (notes, scale, origin, reachOf) => {
            const region = { ...origin, width: 500, height: 450 };
            const hidden = coveredNotes(
              notes.map((p) => ({ place: p })),
              region,
              scale,
              reachOf,
            );
            hidden.forEach((flag, i) => {
              if (flag === 1) expect(ownPixel(notes, i, region, scale, reachOf)).toBeNull();
            });
            hiddenSeen += hidden.reduce((n, f) => n + f, 0);
          },
        ),
        { numRuns: 80, regressionSeeds: [BASELINE_SEED] },
      );
      // The runs must have left notes out, or they checked nothing.
      expect(hiddenSeen).toBeGreaterThan(100);
    },
    PROPERTY_TIMEOUT_MS,
  );

  it('leaves out most of a dense pile, never the top note, nor a note that paints nothing', () => {
    const notes: { place: { x: number; y: number } | null }[] = [];
    for (let i = 0; i < 400; i++) notes.push({ place: { x: (i * 37) % 600, y: (i * 53) % 400 } });
    notes.push({ place: null });
    const hidden = coveredNotes(notes, { x: 0, y: 0, width: 900, height: 700 }, 0.16, reach);
    const count = hidden.reduce((n, f) => n + f, 0);
    expect(count).toBeGreaterThan(200);
    expect(hidden[399]).toBe(0);
    expect(hidden[400]).toBe(0);
  });

  it('keeps a note peeking out from under another by a few pixels', () => {
    const under = { x: 0, y: 0 };
    const over = { x: 12, y: 0 };
    const hidden = coveredNotes(
      [{ place: under }, { place: over }],
      { x: -50, y: -50, width: 400, height: 400 },
      1,
      reach,
    );
    expect([...hidden]).toEqual([0, 0]);
  });
});
