import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyImport } from '../import/applyImport.ts';
import { BACKUP_SHAPE_LIMITS } from '../import/importPlan.ts';
import {
  parseBackup,
  parseJsonBackup,
  restoreBackup,
  restoredTitle,
} from '../import/jsonBackup.ts';
import { loadStructuredResults } from '../import/structuredResults.ts';
import { IMPORT_ORIGIN } from '../model/origin.ts';
import { deleteBoard } from '../ops/boardOps.ts';
import { addNote } from '../ops/noteOps.ts';
import { setSummaryText } from '../ops/summaryOps.ts';
import { updateCover, updateSettings } from '../ops/workshopOps.ts';
import { readWorkshop } from '../read/workshopView.ts';
import { ALICE, BOB } from '../testing/testWorkshop.ts';
import { vote } from '../testing/votes.ts';
import { workshopToJsonBackup } from './jsonBackup.ts';
import { workshopToMarkdown } from './markdown.ts';

const FIXTURE = new URL('../../fixtures/ozg-erfahrungsaustausch-2023.json', import.meta.url);

function richDoc(): Y.Doc {
  const doc = new Y.Doc();
  loadStructuredResults(doc, JSON.parse(readFileSync(FIXTURE, 'utf8')), IMPORT_ORIGIN, {
    createdAt: Date.UTC(2023, 8, 14, 9),
  });
  const [first, , third] = readWorkshop(doc).boards;
  const note = first!.clusters[0]!.notes[0]!;
  vote(doc, note.id, ALICE.id, ALICE.origin);
  vote(doc, note.id, BOB.id, BOB.origin);
  setSummaryText(doc, first!.id, 'Board-Fazit: „gut“', ALICE.origin);
  updateSettings(doc, { votesPerPerson: 7, phase: 'vote' }, ALICE.origin);
  addNote(
    doc,
    {
      boardId: third!.id,
      x: 5,
      y: 5,
      text: 'wird verwaist',
      author: 'Bob',
      authorId: BOB.id,
      createdAt: 7,
    },
    BOB.origin,
  );
  deleteBoard(doc, third!.id, ALICE.origin);
  return doc;
}

describe('JSON backup', () => {
  it('restores into a new workshop exactly: ids, positions, votes, settings, summaries, orphans', () => {
    const view = readWorkshop(richDoc());
    expect(view.orphanNotes.length).toBeGreaterThan(0);
    const json = workshopToJsonBackup(view, { includeAuthors: true });
    const parsed = parseBackup(json);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.backup.schemaVersion).toBe(1);
    const copy = new Y.Doc();
    restoreBackup(copy, parsed.backup);
    const restored = readWorkshop(copy);
    expect(restored.problems).toEqual([]);
    expect(restored).toEqual(view);
    expect(workshopToJsonBackup(restored, { includeAuthors: true })).toBe(json);
  });

  it('is complete by default, names included; leaving names out is the explicit variant', () => {
    const view = readWorkshop(richDoc());
    const complete = workshopToJsonBackup(view);
    expect(complete).toContain('"author": "Import"');
    expect(complete).toContain('"attribution": "„OZG-Erfahrungsaustausch 2023');
    const shared = workshopToJsonBackup(view, { includeAuthors: false });
    expect(shared).not.toContain('"author": "Import"');
    expect(shared).toContain('"authorId": "import"');
  });

  it('restores with names and cover, under a title that says it is a copy', () => {
    const parsed = parseBackup(workshopToJsonBackup(readWorkshop(richDoc())));
    if (!parsed.ok) throw new Error(parsed.error);
    const copy = new Y.Doc();
    const title = restoredTitle(parsed.backup.meta.title, parsed.backup.meta.lang);
    restoreBackup(copy, { ...parsed.backup, meta: { ...parsed.backup.meta, title } });
    const restored = readWorkshop(copy);
    expect(restored.meta?.title).toBe(
      'OZG-Erfahrungsaustausch 2023: Die Zukunft der föderalen OZG-Umsetzung (wiederhergestellt)',
    );
    expect(restoredTitle(title, 'de')).toBe(title);
    expect(restored.cover.facilitators).toBe('Dr. Pamela Müller-Niese, Petra Streiber');
    expect(restored.boards[0]?.clusters[0]?.notes.every((n) => n.author === 'Import')).toBe(true);
  });

  it('imports its boards into a running workshop', () => {
    const source = readWorkshop(richDoc());
    const parsed = parseJsonBackup(workshopToJsonBackup(source));
    if (!parsed.ok) throw new Error(parsed.error);
    const doc = new Y.Doc();
    loadStructuredResults(doc, { title: source.meta!.title, boards: [] }, IMPORT_ORIGIN, {
      createdAt: source.meta!.createdAt,
    });
    updateCover(doc, source.cover, IMPORT_ORIGIN);
    applyImport(doc, parsed.plan, { kind: 'workshop' });
    const md = (v: ReturnType<typeof readWorkshop>) =>
      workshopToMarkdown({ ...v, orphanNotes: [], summary: '' });
    expect(md(readWorkshop(doc))).toBe(md(source));
  });

  it('refuses a broken backup with the path of the bad field and restores nothing', () => {
    const json = JSON.parse(workshopToJsonBackup(readWorkshop(richDoc())));
    json.boards[1].notes[4].x = 'left';
    const parsed = parseBackup(JSON.stringify(json));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.error).toBe(
        'Backup: boards.1.notes.4.x: Invalid input: expected number, received string',
      );
    expect(parseBackup('{"format": "pinnwand-backup", ').ok).toBe(false);
    const future = { ...json, schemaVersion: 99 };
    json.boards[1].notes[4].x = 1;
    const f = parseBackup(JSON.stringify(future));
    expect(f.ok ? '' : f.error).toContain('schemaVersion');
  });

  it('reads a backup from its UTF-8 bytes as from its text, and judges text lengths alike', () => {
    const json = workshopToJsonBackup(readWorkshop(richDoc()), { includeAuthors: true });
    const fromBytes = parseBackup(new TextEncoder().encode(json));
    expect(fromBytes).toEqual(parseBackup(json));
    expect(fromBytes.ok).toBe(true);
    // Lengths are counted in characters, not bytes: "ä" is two bytes, "😀" two UTF-16 units.
    const limit = BACKUP_SHAPE_LIMITS.stringLength;
    for (const [char, units] of [
      ['ä', 1],
      ['€', 1],
      ['😀', 2],
    ] as const) {
      const fits = JSON.stringify({ summary: char.repeat(Math.floor(limit / units)) });
      const over = JSON.stringify({ summary: char.repeat(Math.floor(limit / units) + 1) });
      for (const [text, refused] of [
        [fits, false],
        [over, true],
      ] as const) {
        const asText = parseBackup(text);
        const asBytes = parseBackup(new TextEncoder().encode(text));
        expect(!asText.ok && asText.tooLarge === true).toBe(refused);
        expect(!asBytes.ok && asBytes.tooLarge === true).toBe(refused);
      }
    }
  });

  it('refuses to restore over an existing workshop', () => {
    const parsed = parseBackup(workshopToJsonBackup(readWorkshop(richDoc())));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(() => restoreBackup(richDoc(), parsed.backup)).toThrow(/already holds a workshop/);
  });
});
