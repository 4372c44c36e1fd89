// The shared countdown: everyone sees the time left, computed from the
// timer's absolute end and the server's clock (not this device's), so all
// screens agree. Facilitators start, pause, resume and stop it. At the end
// the display flashes and, if this person switched it on, a beep sounds; a
// minute later it clears (timerView.ts).
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { Editor } from '../editor/Editor.ts';
import { serverNow } from '../facilitation/facilitation.ts';
import { facilitationMessages } from '../facilitation/messages.ts';
import { useFacilitationState } from '../facilitation/useFacilitationState.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { Icon } from '../ui/Icon.tsx';
import { useStore } from '../ui/store.ts';
import { beep, setSoundEnabled, soundEnabled } from './beep.ts';
import { type TimerView, timerView } from './timerView.ts';

export function formatMs(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

export function useTimerView(editor: Editor): TimerView {
  const { settings } = useFacilitationState(editor);
  useStore(editor.facilitation.clockOffset);
  const timer = settings.timer;
  const [, tick] = useState(0);
  const view = timerView(timer, serverNow(editor));
  const ticking = view.kind === 'running' || view.kind === 'ended';
  useEffect(() => {
    if (!ticking) return;
    const id = setInterval(() => tick((n) => n + 1), 250);
    return () => clearInterval(id);
  }, [ticking]);
  return view;
}

/**
 * The time left, shown to everyone while a timer is set; "time is up" for a
 * minute after the end (server time), then it clears by itself.
 */
export function TimerDisplay({ editor }: { editor: Editor }) {
  const ft = useT(facilitationMessages);
  const view = useTimerView(editor);
  const wasRunning = useRef<boolean | null>(null);
  useEffect(() => {
    // Beep on the transition to zero seen here, not when joining a finished timer.
    if (wasRunning.current === true && view.kind === 'ended') beep();
    wasRunning.current = view.kind === 'running';
  });
  if (view.kind === 'none') return null;
  const ended = view.kind === 'ended';
  const remaining = ended ? 0 : view.remaining;
  return (
    <div
      className={`fac-timer${ended ? ' ended' : ''}${view.kind === 'paused' ? ' paused' : ''}`}
      role="timer"
      aria-label={ft('timer.remaining')}
      data-remaining={Math.ceil(remaining / 1000)}
    >
      <Icon name="clock" size={16} className="fac-icon" />
      <span className="fac-timer-time">{ended ? ft('timer.ended') : formatMs(remaining)}</span>
      {view.kind === 'paused' && <span className="fac-timer-note">({ft('timer.paused')})</span>}
    </div>
  );
}

export function SoundToggle() {
  const ft = useT(facilitationMessages);
  const [on, setOn] = useState(soundEnabled);
  return (
    <label className="fac-check">
      <input
        type="checkbox"
        checked={on}
        onChange={(e) => {
          setSoundEnabled(e.target.checked);
          setOn(e.target.checked);
        }}
      />
      {ft('timer.sound')}
    </label>
  );
}

/** Facilitator controls. */
export function TimerControls({ editor }: { editor: Editor }) {
  const ft = useT(facilitationMessages);
  const { settings } = useFacilitationState(editor);
  const [minutes, setMinutes] = useState('5');
  const id = useId();
  const run = (command: string, arg?: unknown) => editor.commands.run(editor, command, arg);
  const timer = settings.timer;
  const start = (ev: FormEvent) => {
    ev.preventDefault();
    const ms = Math.round(Number.parseFloat(minutes.replace(',', '.')) * 60_000);
    if (!Number.isFinite(ms) || ms <= 0) return;
    run('timer.start', ms);
  };
  return (
    <form className="fac-row" onSubmit={start}>
      <label htmlFor={id}>{ft('timer.minutes')}</label>
      {/* Text, not a number field: a number field drops the German decimal comma
          ("2,5" became 25 minutes); the comma is read as a point below. */}
      <input
        id={id}
        className="fac-number"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={minutes}
        onChange={(ev) => setMinutes(ev.target.value)}
      />
      {/* With a timer set, the minutes beside it start it over: say so. */}
      <button type="submit" className="button small primary" data-action="timer-start">
        {timer ? ft('timer.restart') : ft('timer.start')}
      </button>
      {timer?.state === 'running' && (
        <button type="button" className="button small" onClick={() => run('timer.pause')}>
          {ft('timer.pause')}
        </button>
      )}
      {timer?.state === 'paused' && (
        <button type="button" className="button small" onClick={() => run('timer.resume')}>
          {ft('timer.resume')}
        </button>
      )}
      {timer && (
        <button type="button" className="button small" onClick={() => run('timer.clear')}>
          {ft('timer.stop')}
        </button>
      )}
    </form>
  );
}

/** The countdown with the sound switch beside it; nothing once the timer has cleared. */
export function TimerWithSound({ editor }: { editor: Editor }) {
  const view = useTimerView(editor);
  if (view.kind === 'none') return null;
  return (
    <span className="fac-timer-group">
      <TimerDisplay editor={editor} />
      <SoundButton />
    </span>
  );
}

/** The per-person sound switch beside the countdown. */
export function SoundButton() {
  const ft = useT(facilitationMessages);
  const [on, setOn] = useState(soundEnabled);
  return (
    <button
      type="button"
      className="icon-button fac-sound"
      aria-pressed={on}
      aria-label={ft('timer.sound')}
      title={ft('timer.sound')}
      onClick={() => {
        setSoundEnabled(!on);
        setOn(!on);
      }}
    >
      <Icon name={on ? 'bell' : 'bellOff'} size={16} className="fac-icon" />
    </button>
  );
}
