// The scan reads what Yjs' decoder reads: on every kind of content, the same
// number of changes and of new types, and never deeper nesting than the
// update builds; on bytes Yjs cannot read either, a MalformedMessage.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MalformedMessage } from './messageCodec.ts';
import { scanUpdate, UNBOUNDED } from './updateScan.ts';

function decodedCounts(update: Uint8Array) {
  const decoded = Y.decodeUpdate(update);
  let changes = 0;
  let newTypes = 0;
  for (const s of decoded.structs) {
    if (s instanceof Y.Skip) continue;
    changes += 1;
    if (s instanceof Y.Item && s.content instanceof Y.ContentType) newTypes += 1;
  }
  for (const ranges of decoded.ds.clients.values()) changes += ranges.length;
  return { changes, newTypes };
}

/** A document with every kind of content Yjs writes, and its updates one by one. */
function richUpdates(): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const doc = new Y.Doc();
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const notes = doc.getMap('notes');
  doc.transact(() => {
    const note = new Y.Map<unknown>();
    notes.set('n1', note);
    note.set('text', new Y.Text('Grüße 😀 aus Köln'));
    note.set('x', 1.5);
    note.set('big', 2n ** 60n);
    note.set('n', -123456789);
    note.set('flags', [true, false, null, undefined, 'ä', { deep: { deeper: [1, [2, [3]]] } }]);
    note.set('bytes', new Uint8Array([1, 2, 3]));
    note.set('empty', {});
  });
  doc.transact(() => {
    const text = (notes.get('n1') as Y.Map<unknown>).get('text') as Y.Text;
    text.insert(3, '€€', { bold: true });
    text.insertEmbed(0, { image: 'x.png' });
    text.format(0, 4, { italic: true });
    text.delete(1, 2);
  });
  doc.transact(() => {
    const list = doc.getArray<unknown>('list');
    list.insert(0, [1, 'two', { three: 3 }]);
    list.insert(1, [new Y.Array(), new Y.Map()]);
    list.delete(0, 1);
    const xml = doc.getXmlFragment('xml');
    const el = new Y.XmlElement('p');
    xml.insert(0, [el, new Y.XmlText('t')]);
    el.setAttribute('a', 'b');
  });
  doc.transact(() => notes.delete('n1'));
  updates.push(Y.encodeStateAsUpdate(doc));
  return updates;
}

function chain(depth: number, reuseKey: boolean): Uint8Array {
  const doc = new Y.Doc();
  let map = doc.getMap('x');
  doc.transact(() => {
    for (let i = 0; i < depth; i++) {
      const next = new Y.Map<unknown>();
      // Setting a key twice makes the second item refer to the first as its origin.
      if (reuseKey) map.set('k', new Y.Map());
      map.set('k', next);
      map = next;
    }
  });
  return Y.encodeStateAsUpdate(doc);
}

describe('update scan', () => {
  it('counts what Yjs decodes, for every kind of content', () => {
    const updates = richUpdates();
    expect(updates.length).toBeGreaterThan(4);
    for (const update of [...updates, Y.mergeUpdates(updates)]) {
      const scan = scanUpdate(update, UNBOUNDED);
      const { changes, newTypes } = decodedCounts(update);
      expect(scan.changes).toBe(changes);
      expect(scan.newTypes).toBe(newTypes);
    }
  });

  it('measures the nesting a chain of new maps builds, through parents and neighbours', () => {
    for (const reuseKey of [false, true]) {
      for (const depth of [1, 2, 16, 17, 500]) {
        expect(scanUpdate(chain(depth, reuseKey), UNBOUNDED).typeChain).toBe(depth);
      }
    }
    // Side by side is not nested.
    const doc = new Y.Doc();
    doc.transact(() => {
      for (let i = 0; i < 100; i++) doc.getMap('notes').set(`n${i}`, new Y.Map());
    });
    const flat = scanUpdate(Y.encodeStateAsUpdate(doc), UNBOUNDED);
    expect(flat.typeChain).toBe(1);
    expect(flat.newTypes).toBe(100);
  });

  it('stops at the first bound an update exceeds', () => {
    const bounds = { maxChanges: 20_000, maxNewTypes: 5_000, maxNestingDepth: 16 };
    expect(scanUpdate(chain(15, false), bounds).exceeds).toBeNull();
    expect(scanUpdate(chain(16, false), bounds).exceeds).toMatch(/deeper than 16/);
    const deep = scanUpdate(chain(20_000, false), bounds);
    expect(deep.exceeds).toMatch(/deeper than 16/);
    expect(deep.changes).toBe(16);
    const doc = new Y.Doc();
    doc.transact(() => {
      for (let i = 0; i < 6_000; i++) doc.getMap('notes').set(`n${i}`, new Y.Map());
    });
    expect(scanUpdate(Y.encodeStateAsUpdate(doc), bounds).exceeds).toMatch(/more than 5000 shared/);
    doc.transact(() => {
      for (let i = 0; i < 21_000; i++) doc.getMap('votes').set(`v${i}`, i);
    });
    const many = scanUpdate(Y.encodeStateAsUpdate(doc), { ...bounds, maxNewTypes: 10_000 });
    expect(many.exceeds).toMatch(/more than 20000 changes/);
    // A delete set counts too.
    const deletes = new Y.Doc();
    Y.applyUpdate(deletes, Y.encodeStateAsUpdate(doc));
    const removed: Uint8Array[] = [];
    deletes.on('update', (u: Uint8Array) => removed.push(u));
    deletes.transact(() => {
      for (let i = 0; i < 21_000; i += 2) deletes.getMap('votes').delete(`v${i}`);
    });
    expect(scanUpdate(removed[0]!, { ...bounds, maxChanges: 10_000 }).exceeds).toMatch(
      /more than 10000 changes/,
    );
  });

  it('refuses bytes Yjs cannot read as MalformedMessage', () => {
    const update = chain(3, true);
    for (let cut = 1; cut < update.length - 2; cut++) {
      expect(() => scanUpdate(update.subarray(0, cut), UNBOUNDED)).toThrow(MalformedMessage);
    }
    const unknownContent = Uint8Array.from([1, 1, 5, 0, 0x0b, 0]);
    expect(() => scanUpdate(unknownContent, UNBOUNDED)).toThrow(MalformedMessage);
  });
});
