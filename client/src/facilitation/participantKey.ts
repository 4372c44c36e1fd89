// This device's secret participant key per workshop (shared/src/policy/
// participantId.ts): sent when connecting (`pkey`), never written into the
// document. The participant id used for votes, authorship and undo is derived
// from it, so the server can refuse votes cast in someone else's name.

import type { ParticipantId } from '@pinnwand/shared/model/ids';
import {
  isParticipantKey,
  newParticipantKey,
  participantIdFor,
} from '@pinnwand/shared/policy/participantId';

const PREFIX = 'pinnwand.pkey.';
const memory = new Map<string, string>();

export function participantKey(workshopId: string): string {
  const known = memory.get(workshopId);
  if (known) return known;
  let key: string | null = null;
  try {
    key = localStorage.getItem(PREFIX + workshopId);
  } catch {
    // storage unavailable: a key for this page's life
  }
  if (!isParticipantKey(key)) {
    key = newParticipantKey();
    try {
      localStorage.setItem(PREFIX + workshopId, key);
    } catch {
      // not remembered
    }
  }
  memory.set(workshopId, key);
  return key;
}

export function participantId(workshopId: string): ParticipantId {
  return participantIdFor(workshopId, participantKey(workshopId));
}
