import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readVarString } from './fastDecoding.ts';

const encoded = (...strings: string[]) => {
  const encoder = encoding.createEncoder();
  for (const s of strings) encoding.writeVarString(encoder, s);
  return encoding.toUint8Array(encoder);
};

describe('reading strings of a Yjs document', () => {
  it('gives what lib0 gives: short, long, non-ASCII and empty strings in a row', () => {
    const strings = [
      'x',
      '',
      'authorId',
      'Ä',
      'Registermodernisierung',
      'a'.repeat(33),
      'b'.repeat(1024),
      'c'.repeat(1025),
      '💡 Idee',
      'ok',
    ];
    const decoder = decoding.createDecoder(encoded(...strings));
    expect(strings.map(() => readVarString(decoder))).toEqual(strings);
    expect(decoding.hasContent(decoder)).toBe(false);
  });

  it('refuses a truncated string as lib0 does', () => {
    const bytes = encoded('Datenschutz').slice(0, 5);
    expect(() => readVarString(decoding.createDecoder(bytes))).toThrow();
  });

  it('is what Yjs reads documents with in the app (the build aliases lib0/decoding)', () => {
    expect(decoding.readVarString).toBe(readVarString);
    const doc = new Y.Doc();
    doc.getMap('notes').set('n1', 'Bürgerportal');
    doc.getText('t').insert(0, 'Antrag');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(copy.getMap('notes').get('n1')).toBe('Bürgerportal');
    expect(copy.getText('t').toString()).toBe('Antrag');
  });
});
