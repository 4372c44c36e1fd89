import { describe, expect, it } from 'vitest';
import { penaltyKey, ReconnectPenalty } from './ReconnectPenalty.ts';

describe('reconnect penalty', () => {
  const anonymous = penaltyKey('10.0.0.1', 'workshop', 'participant', null);
  const keyed = penaltyKey('10.0.0.1', 'workshop', 'participant', 'p-123');

  it('doubles with every strike up to 30 s, for that key only', () => {
    const p = new ReconnectPenalty();
    expect(p.waitMs(anonymous, 0)).toBe(0);
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      p.strike(anonymous, 0);
      waits.push(p.waitMs(anonymous, 0));
    }
    expect(waits).toEqual([250, 500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    expect(p.waitMs(keyed, 0)).toBe(0);
    expect(p.waitMs(penaltyKey('10.0.0.2', 'workshop', 'participant', null), 0)).toBe(0);
  });

  it('lets the client back once its wait is over, and forgets its strikes after a quiet minute', () => {
    const p = new ReconnectPenalty();
    p.strike(anonymous, 0);
    p.strike(anonymous, 0);
    expect(p.waitMs(anonymous, 499)).toBe(1);
    expect(p.waitMs(anonymous, 500)).toBe(0);
    // A strike soon after counts on top of the earlier ones…
    p.strike(anonymous, 1000);
    expect(p.waitMs(anonymous, 1000)).toBe(1000);
    // …one after a quiet minute starts afresh.
    p.strike(anonymous, 2000 + 60_001);
    expect(p.waitMs(anonymous, 2000 + 60_001)).toBe(250);
  });
});
