import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { asParticipantId } from './ids.ts';
import {
  IMPORT_ORIGIN,
  isLocalOrigin,
  isTransactionOrigin,
  localOrigin,
  originKind,
  originOf,
  REMOTE_ORIGIN,
  SERVER_ORIGIN,
} from './origin.ts';

const ann = asParticipantId('ann');

describe('origins', () => {
  it('interns local origins so undo managers can match them by identity', () => {
    expect(localOrigin(ann)).toBe(localOrigin(ann));
    expect(localOrigin(ann)).not.toBe(localOrigin(asParticipantId('ben')));
    expect(Object.isFrozen(localOrigin(ann))).toBe(true);
  });

  it('recognises typed origins and reports library origins as unknown', () => {
    expect(originKind(localOrigin(ann))).toBe('local');
    expect(originKind(REMOTE_ORIGIN)).toBe('remote');
    expect(originKind(SERVER_ORIGIN)).toBe('server');
    expect(originKind(IMPORT_ORIGIN)).toBe('import');
    expect(originKind({ provider: true })).toBe('unknown');
    expect(originKind(null)).toBe('unknown');
    expect(isTransactionOrigin({ kind: 'local' })).toBe(false);
    expect(isLocalOrigin(localOrigin(ann), ann)).toBe(true);
    expect(isLocalOrigin(localOrigin(ann), asParticipantId('ben'))).toBe(false);
    expect(isLocalOrigin(SERVER_ORIGIN)).toBe(false);
  });

  it('reads the origin of a transaction', () => {
    const doc = new Y.Doc();
    const seen: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => seen.push(originOf(tr)));
    doc.transact(() => doc.getMap('m').set('a', 1), SERVER_ORIGIN);
    doc.transact(() => doc.getMap('m').set('a', 2), 'something else');
    expect(seen).toEqual([SERVER_ORIGIN, null]);
  });
});
