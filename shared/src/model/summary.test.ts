import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { asBoardId } from './ids.ts';
import { readSummary } from './summary.ts';

describe('readSummary', () => {
  it('reads a Y.Text and rejects anything else', () => {
    const doc = new Y.Doc();
    const text = new Y.Text('Fazit');
    doc.getMap('summaries').set('workshop', text);
    expect(readSummary(text, 'workshop')).toEqual({
      ok: true,
      value: { target: 'workshop', text: 'Fazit' },
    });
    expect(readSummary('Fazit', asBoardId('b1'))).toEqual({
      ok: false,
      error: 'summaries/b1: expected Y.Text, received string',
    });
  });
});
