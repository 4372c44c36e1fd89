import { describe, expect, it } from 'vitest';
import { PRESENCE_COLORS } from '../session/identity.ts';
import { leastUsedColour } from './distinctColour.ts';

describe('telling people apart', () => {
  it('takes the least used colour of the palette', () => {
    expect(leastUsedColour([])).toBe(PRESENCE_COLORS[0]);
    expect(leastUsedColour([PRESENCE_COLORS[0], PRESENCE_COLORS[1]])).toBe(PRESENCE_COLORS[2]);
    const everyOnce = [...PRESENCE_COLORS, PRESENCE_COLORS[0]];
    expect(leastUsedColour(everyOnce)).toBe(PRESENCE_COLORS[1]);
  });
});
