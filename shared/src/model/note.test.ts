import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { asNoteId } from './ids.ts';
import { acceptsNoteField, NOTE, noteEntrySchema, readNote } from './note.ts';

function entry(fields: Record<string, unknown>): Y.Map<unknown> {
  const doc = new Y.Doc();
  const map = new Y.Map<unknown>();
  doc.getMap('notes').set('n1', map);
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
}

function good(): Record<string, unknown> {
  const votes = new Y.Map<unknown>();
  votes.set('ann', 2);
  votes.set('ben', 1);
  return {
    boardId: 'b1',
    clusterId: 'c1',
    text: new Y.Text('Finanzierung'),
    x: 1,
    y: 2,
    color: 'yellow',
    author: 'Ann',
    authorId: 'ann',
    createdAt: 5,
    votes,
  };
}

describe('readNote', () => {
  it('reads text and tallies votes', () => {
    const read = readNote(entry(good()), asNoteId('n1'));
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(read.value).toMatchObject({ id: 'n1', text: 'Finanzierung', clusterId: 'c1', x: 1 });
      expect(read.value.votes).toEqual({ total: 3, byParticipant: { ann: 2, ben: 1 } });
      expect(read.problems).toBeUndefined();
    }
  });

  it('treats an absent cluster id and absent votes as unclustered, no votes', () => {
    const fields = good();
    delete fields.clusterId;
    delete fields.votes;
    const read = readNote(entry(fields), asNoteId('n1'));
    expect(read.ok && read.value.clusterId).toBe(null);
    expect(read.ok && read.value.votes.total).toBe(0);
  });

  it('rejects a plain-string text instead of repairing it', () => {
    const read = readNote(entry({ ...good(), text: 'plain' }), asNoteId('n1'));
    expect(read).toEqual({ ok: false, error: 'notes/n1: text: expected Y.Text' });
  });

  it('keeps a note with one malformed vote and reports the vote', () => {
    const fields = good();
    (fields.votes as Y.Map<unknown>).set('eve', 'lots');
    const read = readNote(entry(fields), asNoteId('n1'));
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(read.value.votes.total).toBe(3);
      expect(read.problems).toEqual([expect.stringMatching(/^notes\/n1\.votes\.eve: /)]);
    }
  });

  it('rejects non-finite coordinates', () => {
    expect(readNote(entry({ ...good(), x: Number.NaN }), asNoteId('n1')).ok).toBe(false);
    expect(readNote(entry({ ...good(), y: Number.POSITIVE_INFINITY }), asNoteId('n1')).ok).toBe(
      false,
    );
  });
});

describe('readNote without zod for well-formed notes', () => {
  // Every field once replaced by values of other types: the hand check in
  // readNote must accept exactly what the schema accepts, and read the same.
  const odd: unknown[] = [
    undefined,
    null,
    '',
    'x',
    0,
    -3.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    true,
    [],
  ];
  for (const key of Object.keys(good())) {
    it(`reads ${key} as the schema does, whatever it holds`, () => {
      for (const value of [...odd, new Y.Text('t'), new Y.Map()]) {
        const fields = { ...good(), [key]: value };
        if (value === undefined) delete fields[key];
        const map = entry(fields);
        const raw = Object.fromEntries(Object.keys(NOTE).map((k) => [k, map.get(k)]));
        const parsed = noteEntrySchema.safeParse(raw);
        const read = readNote(map, asNoteId('n1'));
        expect(read.ok, `${key} = ${String(value)}`).toBe(parsed.success);
        if (read.ok && parsed.success) {
          const { text, votes, ...rest } = parsed.data;
          expect(read.value).toEqual({
            ...rest,
            id: 'n1',
            text: String(text),
            votes: read.value.votes,
          });
        }
      }
    });
  }

  it('tallies votes as the schema counts them', () => {
    const fields = good();
    const votes = fields.votes as Y.Map<unknown>;
    votes.set('zero', 0);
    votes.set('half', 0.5);
    votes.set('neg', -1);
    votes.set('huge', 2 ** 60);
    const read = readNote(entry(fields), asNoteId('n1'));
    expect(read.ok && read.value.votes).toEqual({ total: 3, byParticipant: { ann: 2, ben: 1 } });
    expect(read.ok && read.problems?.length).toBe(3);
  });
});

describe('acceptsNoteField', () => {
  it('accepts what the reader accepts, positions on the board and keys outside the schema', () => {
    expect(acceptsNoteField('color', 'pink')).toBe(true);
    expect(acceptsNoteField('x', -999_999)).toBe(true);
    expect(acceptsNoteField('x', undefined)).toBe(true);
    expect(acceptsNoteField('clusterId', undefined)).toBe(true);
    expect(acceptsNoteField('layer', 17)).toBe(true);
    expect(acceptsNoteField('text', new Y.Text('neu'))).toBe(true);
    expect(acceptsNoteField('somethingElse', { any: 'thing' })).toBe(true);
  });

  it('refuses values that would make the reader skip the note, and positions off the board', () => {
    for (const [key, value] of [
      ['color', 5],
      ['color', undefined],
      ['x', 'links'],
      ['x', Number.NaN],
      ['y', Number.NEGATIVE_INFINITY],
      ['y', 1e300],
      ['createdAt', undefined],
      ['createdAt', null],
      ['clusterId', ''],
      ['layer', 'oben'],
      ['text', 'kein Y.Text'],
      ['boardId', 3],
    ] as const) {
      expect(acceptsNoteField(key, value), `${key}: ${String(value)}`).toBe(false);
    }
  });
});
