import { describe, expect, it } from 'vitest';
import { isTouchEcho } from './usePointerInput.ts';

describe('a phone double-tap creates one note', () => {
  it('ignores the dblclick the browser fires after a handled touch double-tap', () => {
    expect(isTouchEcho({}, 1000, 1200)).toBe(true);
    expect(isTouchEcho({ sourceCapabilities: { firesTouchEvents: true } }, -Infinity, 5000)).toBe(
      true,
    );
  });

  it('keeps a real mouse double-click', () => {
    expect(isTouchEcho({}, Number.NEGATIVE_INFINITY, 5000)).toBe(false);
    expect(isTouchEcho({ sourceCapabilities: { firesTouchEvents: false } }, 1000, 5000)).toBe(
      false,
    );
  });
});
