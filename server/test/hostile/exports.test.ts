/**
 * Exports never fail on odd but valid values (issue 11, findings 13 and 14):
 * a participant's client writes notes whose creation time is beyond what a
 * Date can hold, whose positions are huge, or whose text starts a formula
 * behind white space or carries bidi overrides and zero-width characters.
 * Every export route still answers 200 for everyone, renders the honest notes
 * and the odd ones as far as they can be rendered, and keeps the spreadsheet
 * and the Markdown reader safe.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type NoteId, newId, type ParticipantId } from '@pinnwand/shared/model/ids';
import { insertNote } from '@pinnwand/shared/ops/entries';
import { readWorkshop } from '@pinnwand/shared/read/workshopView';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  type CreatedWorkshop,
  connect,
  issueIdentity,
  startTestServer,
  synced,
  type TestServer,
  waitFor,
} from '../helpers/testServer.ts';

const ODD_NOTES = [
  { text: 'Zeit jenseits von Date', createdAt: 8.64e15 + 1, x: 0, y: 0 },
  { text: 'Weit draußen', createdAt: 1, x: 1e300, y: -1e300 },
  { text: ' =HYPERLINK("http://x")', createdAt: 2, x: 300, y: 0 },
  { text: '\t+SUM(A1:A9)', createdAt: 3, x: 600, y: 0 },
  { text: '  @cmd', createdAt: 4, x: 900, y: 0 },
  { text: 'harmlos\u202Egnp.exe\u202C und pass\u200Bwort', createdAt: 5, x: 1200, y: 0 },
];

describe('exports with odd but valid values', () => {
  let t: TestServer;
  let w: CreatedWorkshop;
  beforeAll(async () => {
    t = await startTestServer();
    w = await t.createWorkshop('blank', 'Seltsame Werte');
    const doc = new Y.Doc();
    const identity = await issueIdentity(t.url, w.id, w.participantToken);
    const provider = connect(t.wsUrl, w.id, w.participantToken, doc, {
      pkey: identity.participantKey,
    });
    await synced(provider);
    const boardId = readWorkshop(doc).boards[0]!.id;
    const authorId = identity.participantId as ParticipantId;
    doc.transact(() => {
      insertNote(doc, newId<NoteId>(), {
        boardId,
        clusterId: null,
        text: 'Ehrliche Notiz',
        x: 0,
        y: 200,
        color: 'yellow',
        author: 'Ehrlich',
        authorId,
        createdAt: Date.UTC(2024, 0, 1),
      });
      for (const note of ODD_NOTES) {
        insertNote(doc, newId<NoteId>(), {
          boardId,
          clusterId: null,
          color: 'yellow',
          author: 'Seltsam',
          authorId,
          ...note,
        });
      }
    });
    await waitFor(() => {
      const stored = t.server.services.rooms.peekDoc(w.id);
      return (
        stored !== undefined && readWorkshop(stored).boards[0]?.noteCount === ODD_NOTES.length + 1
      );
    });
    provider.destroy();
  }, 60_000);
  afterAll(() => t.close());

  const get = (ext: string, token = w.viewerToken) =>
    fetch(`${t.url}/api/workshops/${w.id}/export.${ext}?token=${token}`);

  it('answers every format with 200, for viewers and the facilitator alike', async () => {
    for (const ext of ['md', 'csv', 'json', 'pdf']) {
      for (const token of [w.viewerToken, w.facilitatorToken]) {
        const res = await get(ext, token);
        expect(res.status, ext).toBe(200);
        await res.arrayBuffer();
      }
    }
  });

  it('writes CSV rows for every note, "created" empty where no date exists, formulas guarded', async () => {
    const csv = Buffer.from(await (await get('csv')).arrayBuffer()).toString('utf8');
    expect(csv).toContain(';Ehrliche Notiz;0;;2024-01-01 00:00:00\r\n');
    expect(csv).toContain(';Zeit jenseits von Date;0;;\r\n');
    expect(csv).toContain(`;"' =HYPERLINK(""http://x"")";`);
    expect(csv).toContain(";'\t+SUM(A1:A9);");
    expect(csv).toContain(";'  @cmd;");
    // No cell of the text column starts a formula, whatever white space precedes it.
    for (const row of csv.split('\r\n').slice(1, -1)) {
      const text = row.split(';')[2]?.replace(/^"/, '') ?? '';
      expect(text, row).not.toMatch(/^\s*[=+\-@]/);
    }
  });

  it('shows bidi overrides and zero-width characters in the Markdown instead of applying them', async () => {
    const md = await (await get('md')).text();
    expect(md).toContain('- Ehrliche Notiz');
    expect(md).toContain('- Weit draußen');
    expect(md).toContain('- harmlos[U+202E]gnp.exe[U+202C] und pass[U+200B]wort');
    expect(md).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b\ufeff]/);
  });

  it('keeps the JSON backup exact and restorable', async () => {
    const backup = await (await get('json', w.facilitatorToken)).text();
    expect(backup).toContain('"createdAt": 8640000000000001');
    expect(backup).toContain('harmlos\u202Egnp.exe\u202C');
    const res = await fetch(`${t.url}/api/workshops/restore`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: backup,
    });
    expect(res.status).toBe(201);
  });

  it('renders the PDF with every note listed and the far-away one left out of the drawing', async () => {
    const bytes = Buffer.from(await (await get('pdf')).arrayBuffer());
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'pinnwand-hostile-pdf-')), 'x.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    for (const note of ['Ehrliche Notiz', 'Zeit jenseits von Date', 'Weit draußen', '@cmd']) {
      expect(text).toContain(note);
    }
    expect(text).toContain('harmlos[U+202E]gnp.exe[U+202C]');
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/^Tagged:\s+yes$/m);
  });
});
