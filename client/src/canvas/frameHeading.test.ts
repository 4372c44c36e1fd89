// A long cluster name is read on the board, not cut to one line: it wraps
// within the frame over a few lines, and only beyond those ends in "…".
import { DEFAULT_CLUSTER_WIDTH } from '@pinnwand/shared/model/layout';
import { describe, expect, test } from 'vitest';
import { frameHeading } from './frameHeading.ts';
import { wordWidth } from './noteStyle.ts';

// Outside a browser wordWidth estimates from the character count, which is all these need.
const inner = DEFAULT_CLUSTER_WIDTH - 32;

describe("a frame's heading", () => {
  test('a short name is one line at the large size', () => {
    expect(frameHeading('Ideen', DEFAULT_CLUSTER_WIDTH)).toEqual({ size: 18, lines: ['Ideen'] });
  });

  test('a long name wraps within the frame and is read whole', () => {
    const name = 'Was wir aus dem Pilotprojekt mitnehmen';
    const heading = frameHeading(name, DEFAULT_CLUSTER_WIDTH);
    expect(heading.lines.length).toBeGreaterThan(1);
    expect(heading.lines.join(' ').replace(/\s+/g, ' ')).toBe(name);
    for (const line of heading.lines)
      expect(wordWidth(line, heading.size, true)).toBeLessThanOrEqual(inner);
  });

  test('a name too long for two lines goes smaller over three, and beyond them ends in "…"', () => {
    const three = 'Verwaltungsdigitalisierung in Ländern und Kommunen gemeinsam voranbringen';
    const longer = frameHeading(three, DEFAULT_CLUSTER_WIDTH);
    expect(longer.size).toBe(14);
    expect(longer.lines.length).toBeLessThanOrEqual(3);
    const endless = frameHeading(`${three} ${three} ${three}`, DEFAULT_CLUSTER_WIDTH);
    expect(endless.lines).toHaveLength(3);
    expect(endless.lines[2]).toMatch(/…$/);
  });
});
