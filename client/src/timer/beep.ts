// The audible end of the countdown: a short WebAudio beep (no sound file).
// Browsers only allow sound after the person interacted with the page; the
// AudioContext is therefore created on the first click of the sound toggle.
let context: AudioContext | null = null;

const SOUND_KEY = 'pinnwand.timerSound';

export function soundEnabled(): boolean {
  try {
    return localStorage.getItem(SOUND_KEY) === 'on';
  } catch {
    return false;
  }
}

export function setSoundEnabled(on: boolean): void {
  try {
    localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
  } catch {
    // not remembered
  }
  if (on) unlockAudio();
}

export function unlockAudio(): void {
  try {
    context ??= new AudioContext();
    void context.resume();
  } catch {
    context = null;
  }
}

export function beep(): void {
  if (!soundEnabled()) return;
  try {
    context ??= new AudioContext();
    const ctx = context;
    const start = ctx.currentTime;
    for (let i = 0; i < 3; i++) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = 880;
      const t = start + i * 0.35;
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.3, t + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.25);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t);
      osc.stop(t + 0.3);
    }
  } catch {
    // no audio on this device
  }
}
