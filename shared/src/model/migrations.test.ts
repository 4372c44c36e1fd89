import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentFormat, MIGRATIONS, type Migration, openDocument } from './migrations.ts';
import { originOf } from './origin.ts';
import { boardsMap, META, metaMap, SCHEMA_VERSION } from './schema.ts';

function docAt(version: unknown): Y.Doc {
  const doc = new Y.Doc();
  metaMap(doc).set(META.schemaVersion, version);
  metaMap(doc).set(META.title, 'Alt');
  return doc;
}

const steps: Migration[] = [
  {
    id: '2-rename-nothing',
    from: 1,
    description: 'adds a marker',
    up: (doc) => metaMap(doc).set('m2', true),
  },
  { id: '3-more', from: 2, description: 'adds another', up: (doc) => metaMap(doc).set('m3', true) },
];

describe('openDocument', () => {
  it('leaves a current document alone; the released list reaches the current version', () => {
    expect(openDocument(docAt(SCHEMA_VERSION))).toEqual({ readOnly: false, migrated: [] });
    expect(MIGRATIONS.every((m, i) => m.from === i + 1)).toBe(true);
    expect(MIGRATIONS.length).toBe(SCHEMA_VERSION - 1);
  });

  it('does nothing to an empty (unsynced) document', () => {
    const doc = new Y.Doc();
    expect(openDocument(doc)).toEqual({ readOnly: false, migrated: [] });
    expect(metaMap(doc).size).toBe(0);
  });

  it('runs pending migrations in order, once, with the migration origin', () => {
    const doc = docAt(1);
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(originOf(tr)?.kind));
    const options = { migrations: steps, currentVersion: 3 };
    expect(openDocument(doc, options)).toEqual({
      readOnly: false,
      migrated: ['2-rename-nothing', '3-more'],
    });
    expect(metaMap(doc).get(META.schemaVersion)).toBe(3);
    expect(metaMap(doc).get('m3')).toBe(true);
    expect(origins).toEqual(['migration', 'migration']);
    expect(openDocument(doc, options)).toEqual({ readOnly: false, migrated: [] });
  });

  it('opens a newer document read-only without writing anything', () => {
    const doc = docAt(SCHEMA_VERSION + 1);
    boardsMap(doc).set('b', new Y.Map());
    const before = Y.encodeStateAsUpdate(doc);
    const result = openDocument(doc);
    expect(result.readOnly).toBe(true);
    expect(result.readOnly && result.reason).toMatch(/newer version of Pinnwand/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('opens read-only when a step is missing or the version is unreadable', () => {
    expect(openDocument(docAt(1), { migrations: [], currentVersion: 2 }).readOnly).toBe(true);
    expect(openDocument(docAt('one')).readOnly).toBe(true);
  });
});

describe('documentFormat', () => {
  it('tells empty, current, older, newer and unreadable documents apart without writing', () => {
    const options = { migrations: steps, currentVersion: 3 };
    expect(documentFormat(new Y.Doc(), options)).toEqual({ kind: 'empty' });
    expect(documentFormat(docAt(3), options)).toEqual({ kind: 'current' });
    const older = docAt(1);
    const before = Y.encodeStateAsUpdate(older);
    expect(documentFormat(older, options)).toEqual({ kind: 'older', stored: 1 });
    expect(Y.encodeStateAsUpdate(older)).toEqual(before);
    expect(documentFormat(docAt(4), options)).toEqual({ kind: 'newer', stored: 4, known: 3 });
    expect(documentFormat(docAt('one'), options)).toEqual({ kind: 'unreadable', stored: 'one' });
  });
});
