// What the countdown shows at a given server time: the time left, "Zeit ist
// um" for a while after the end, then nothing — so a finished timer does not
// stay on every screen until a facilitator presses Stopp.
import type { TimerState } from '@pinnwand/shared/model/meta';
import { timerRemainingMs } from '@pinnwand/shared/ops/timerOps';

/** How long "time is up" stays after the end (server time). */
export const ENDED_SHOWN_MS = 60_000;

export type TimerView =
  | { kind: 'running'; remaining: number }
  | { kind: 'paused'; remaining: number }
  | { kind: 'ended' }
  | { kind: 'none' };

export function timerView(timer: TimerState | null | undefined, serverNow: number): TimerView {
  if (!timer) return { kind: 'none' };
  if (timer.state === 'paused') return { kind: 'paused', remaining: timer.remainingMs };
  const over = serverNow - timer.endsAt;
  if (over < 0) return { kind: 'running', remaining: timerRemainingMs(timer, serverNow) };
  return over < ENDED_SHOWN_MS ? { kind: 'ended' } : { kind: 'none' };
}
