// Who is using this device: a stable participant id, a display name and a
// presence colour, remembered in localStorage. The id keys votes and the undo
// origin; the name and colour label notes and cursors.
import { useSyncExternalStore } from 'react';
import { isRecord, readJson, writeJson } from './storage.ts';

export interface Identity {
  id: string;
  name: string;
  color: string;
}

/** Presence colours: dark enough for white name labels (contrast ≥ 4.5:1). */
/**
 * Well-separated colours (hue and lightness apart, each with white text at
 * 4.5:1 or more); a person joining takes the least used one (presence/distinctColour.ts).
 */
export const PRESENCE_COLORS = [
  '#1f5fbf', // blue
  '#a4262c', // red
  '#0b6a0b', // green
  '#8e3a9d', // purple
  '#b4460a', // orange
  '#00727a', // teal
  '#7a5600', // ochre
  '#c2185b', // magenta
  '#37474f', // slate
] as const;

const KEY = 'pinnwand.identity';

function isIdentity(value: unknown): value is Identity {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.name === 'string' &&
    typeof value.color === 'string'
  );
}

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function load(): Identity {
  const stored = readJson(KEY, isIdentity);
  if (stored) return stored;
  const color = PRESENCE_COLORS[Math.floor(Math.random() * PRESENCE_COLORS.length)] ?? '#1f5fbf';
  const fresh: Identity = { id: randomId(), name: '', color };
  writeJson(KEY, fresh);
  return fresh;
}

let current: Identity | null = null;
const listeners = new Set<() => void>();

export function getIdentity(): Identity {
  current ??= load();
  return current;
}

export function updateIdentity(patch: Partial<Pick<Identity, 'name' | 'color'>>): void {
  current = { ...getIdentity(), ...patch };
  writeJson(KEY, current);
  for (const listener of listeners) listener();
}

export function useIdentity(): Identity {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, getIdentity);
}
