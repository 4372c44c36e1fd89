/**
 * The shared countdown. Clients store absolute end times and compute what is
 * left from their own clock, so the timer needs no ticking updates on the wire.
 */
import type * as Y from 'yjs';
import type { TimerState } from '../model/meta.ts';
import type { TransactionOrigin } from '../model/origin.ts';
import { getSettings } from '../read/lookups.ts';
import { updateSettings } from './workshopOps.ts';

export function startTimer(
  doc: Y.Doc,
  durationMs: number,
  origin: TransactionOrigin,
  now = Date.now(),
): void {
  updateSettings(
    doc,
    { timer: { state: 'running', durationMs, endsAt: now + durationMs } },
    origin,
  );
}

/** Pauses a running timer, keeping what was left. No-op otherwise. */
export function pauseTimer(doc: Y.Doc, origin: TransactionOrigin, now = Date.now()): void {
  const timer = getSettings(doc).timer;
  if (timer?.state !== 'running') return;
  updateSettings(
    doc,
    {
      timer: {
        state: 'paused',
        durationMs: timer.durationMs,
        remainingMs: timerRemainingMs(timer, now),
      },
    },
    origin,
  );
}

/** Resumes a paused timer. No-op otherwise. */
export function resumeTimer(doc: Y.Doc, origin: TransactionOrigin, now = Date.now()): void {
  const timer = getSettings(doc).timer;
  if (timer?.state !== 'paused') return;
  updateSettings(
    doc,
    { timer: { state: 'running', durationMs: timer.durationMs, endsAt: now + timer.remainingMs } },
    origin,
  );
}

export function clearTimer(doc: Y.Doc, origin: TransactionOrigin): void {
  updateSettings(doc, { timer: null }, origin);
}

/** Milliseconds left at `now` (never negative). */
export function timerRemainingMs(timer: TimerState, now = Date.now()): number {
  return timer.state === 'running' ? Math.max(0, timer.endsAt - now) : timer.remainingMs;
}
