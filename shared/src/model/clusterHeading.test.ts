import { describe, expect, it } from 'vitest';
import {
  HEADING_BAND,
  HEADING_LINE_HEIGHT,
  HEADING_STEPS,
  HEADING_TOP,
  layoutHeading,
} from './clusterHeading.ts';
import { gridSlot } from './layout.ts';

describe("a cluster frame's heading", () => {
  it('at every size, all its lines stay above the first row of notes in the frame', () => {
    const firstRow = gridSlot({ x: 0, y: 0 }, 1, 0).y;
    expect(firstRow).toBe(HEADING_BAND);
    for (const { size, lines } of HEADING_STEPS) {
      expect(lines).toBeGreaterThanOrEqual(2);
      expect(HEADING_TOP + lines * size * HEADING_LINE_HEIGHT).toBeLessThanOrEqual(firstRow - 1);
    }
  });

  it('keeps the large size while the name fits its lines, and goes smaller for a longer one', () => {
    const short = layoutHeading((_, lines) => ({ lines: ['Ideen'].slice(0, lines), cut: false }));
    expect(short).toEqual({ size: 18, lines: ['Ideen'] });
    const tried: number[] = [];
    const long = layoutHeading((size, lines) => {
      tried.push(size);
      return { lines: Array.from({ length: lines }, (_, i) => `Zeile ${i}`), cut: true };
    });
    expect(tried).toEqual([18, 14]);
    expect(long).toEqual({ size: 14, lines: ['Zeile 0', 'Zeile 1', 'Zeile 2'] });
  });
});
