import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { assertProperty, PROPERTY_TIMEOUT_MS } from '../testing/propertySeeds.ts';
import { replaceText } from './transact.ts';

describe('replaceText', () => {
  it(
    'turns any text into any other text',
    () => {
      assertProperty(
        'replaceText',
        fc.property(
          fc.string({ unit: 'grapheme' }),
          fc.string({ unit: 'grapheme' }),
          (before, after) => {
            const doc = new Y.Doc();
            const text = doc.getText('t');
            text.insert(0, before);
            replaceText(text, after);
            expect(text.toString()).toBe(after);
          },
        ),
        { numRuns: 300, regressionSeeds: [20261129] },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it('keeps a concurrent edit elsewhere in the text', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText('t').insert(0, 'Zusammenarbeit Bund-Länder');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    replaceText(a.getText('t'), 'Gute Zusammenarbeit Bund-Länder');
    b.getText('t').insert(b.getText('t').length, '-Kommunen');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(a.getText('t').toString()).toBe('Gute Zusammenarbeit Bund-Länder-Kommunen');
    expect(b.getText('t').toString()).toBe(a.getText('t').toString());
  });
});
