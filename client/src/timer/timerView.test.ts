import { describe, expect, it } from 'vitest';
import { ENDED_SHOWN_MS, timerView } from './timerView.ts';

const running = { state: 'running' as const, endsAt: 100_000, durationMs: 60_000 };

describe('timerView', () => {
  it('counts down before the end', () => {
    expect(timerView(running, 90_000)).toEqual({ kind: 'running', remaining: 10_000 });
  });

  it('says the time is up for a minute after the end, then clears', () => {
    expect(timerView(running, 100_000)).toEqual({ kind: 'ended' });
    expect(timerView(running, 100_000 + ENDED_SHOWN_MS - 1)).toEqual({ kind: 'ended' });
    expect(timerView(running, 100_000 + ENDED_SHOWN_MS)).toEqual({ kind: 'none' });
  });

  it('keeps a paused timer and shows nothing without one', () => {
    expect(
      timerView({ state: 'paused', remainingMs: 5000, durationMs: 60_000 } as never, 1e9),
    ).toEqual({ kind: 'paused', remaining: 5000 });
    expect(timerView(null, 0)).toEqual({ kind: 'none' });
  });
});
