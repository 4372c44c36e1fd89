import { describe, expect, test } from 'vitest';
import { deriveStatus, type StatusInputs } from './connectionStatus.ts';

const base: StatusInputs = {
  connected: false,
  silent: false,
  everConnected: false,
  online: true,
  failedAttempts: 0,
  deniedCode: null,
};

describe('deriveStatus', () => {
  test('first attempt is connecting', () => expect(deriveStatus(base)).toBe('connecting'));
  test('synced is connected', () =>
    expect(deriveStatus({ ...base, connected: true })).toBe('connected'));
  test('lost connection is reconnecting', () =>
    expect(deriveStatus({ ...base, everConnected: true })).toBe('reconnecting'));
  test('an open socket whose server stopped answering is reconnecting', () =>
    expect(deriveStatus({ ...base, connected: true, everConnected: true, silent: true })).toBe(
      'reconnecting',
    ));
  test('browser offline wins over reconnecting', () =>
    expect(deriveStatus({ ...base, everConnected: true, online: false })).toBe('offline'));
  test('a permanent close is denied', () =>
    expect(deriveStatus({ ...base, connected: true, deniedCode: 4401 })).toBe('denied'));
  test('repeated failures without a first connection read as reconnecting', () =>
    expect(deriveStatus({ ...base, failedAttempts: 3 })).toBe('reconnecting'));
});
