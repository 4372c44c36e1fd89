import { describe, expect, it } from 'vitest';
import { ID_PATTERN } from '../model/ids.ts';
import { isParticipantKey, newParticipantKey, participantIdFor } from './participantId.ts';

describe('participant keys', () => {
  it('derive the same id for the same workshop and key, every time', () => {
    const key = newParticipantKey();
    expect(participantIdFor('workshop-1', key)).toBe(participantIdFor('workshop-1', key));
  });

  it('derive a 22-character URL-safe id that differs from the key', () => {
    const key = newParticipantKey();
    const id = participantIdFor('workshop-1', key);
    expect(id).toHaveLength(22);
    expect(ID_PATTERN.test(id)).toBe(true);
    expect(id).not.toBe(key);
  });

  it('give unrelated ids in different workshops and for different keys', () => {
    const key = newParticipantKey();
    expect(participantIdFor('workshop-1', key)).not.toBe(participantIdFor('workshop-2', key));
    expect(participantIdFor('workshop-1', key)).not.toBe(
      participantIdFor('workshop-1', newParticipantKey()),
    );
  });

  it('are SHA-256 in base64url, pinned so that client and server never drift apart', () => {
    // = sha256("pinnwand-participant\nabcdefgh\nABCDEFGHIJKLMNOPQRSTUV") as base64url, first 22 characters
    expect(participantIdFor('abcdefgh', 'ABCDEFGHIJKLMNOPQRSTUV')).toBe('G4iaE4kQPFTc4feGwQh5DP');
  });

  it('must be 16 to 128 URL-safe characters', () => {
    expect(isParticipantKey(newParticipantKey())).toBe(true);
    expect(isParticipantKey('short')).toBe(false);
    expect(isParticipantKey('x'.repeat(129))).toBe(false);
    expect(isParticipantKey('has spaces in it, sadly')).toBe(false);
    expect(isParticipantKey(42)).toBe(false);
    expect(() => participantIdFor('w', 'short')).toThrow();
  });
});
