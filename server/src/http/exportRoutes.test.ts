import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { workshopToCsv } from '@pinnwand/shared/export/csv';
import { workshopToJsonBackup } from '@pinnwand/shared/export/jsonBackup';
import { workshopToMarkdown } from '@pinnwand/shared/export/markdown';
import { workshopToPdf } from '@pinnwand/shared/export/pdf';
import { createdWorkshopSchema, errorBodySchema } from '@pinnwand/shared/protocol/http';
import { readWorkshop } from '@pinnwand/shared/read/workshopView';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  type CreatedWorkshop,
  connect,
  startTestServer,
  synced,
  type TestServer,
  waitFor,
} from '../../test/helpers/testServer.ts';
import { loadPdfFonts } from './exportRoutes.ts';

describe('workshop export and import over HTTP', () => {
  let t: TestServer;
  let ozg: CreatedWorkshop;
  beforeAll(async () => {
    // Many imports in a few seconds: the per-minute budget is not what this tests.
    t = await startTestServer({ IMPORTS_PER_MINUTE: '1000' });
    ozg = await t.createWorkshop('ozg-example', 'OZG-Erfahrungsaustausch 2023');
  });
  afterAll(() => t.close());

  const view = (id: string) => t.server.services.rooms.withDoc(id, (doc) => readWorkshop(doc));
  const exportUrl = (w: CreatedWorkshop, ext: string, token = w.viewerToken, extra = '') =>
    `${t.url}/api/workshops/${w.id}/export.${ext}?token=${token}${extra}`;

  it('serves the Markdown to a viewer, with its content type and file name', async () => {
    const res = await fetch(exportUrl(ozg, 'md'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const v = await view(ozg.id);
    // The example keeps its original title, and its event year names the file.
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="OZG-Erfahrungsaustausch-2023-Die-Zukunft-der-foderalen-OZG-Umsetzung-2023.md"; filename*=UTF-8''OZG-Erfahrungsaustausch-2023-Die-Zukunft-der-f%C3%B6deralen-OZG-Umsetzung-2023.md`,
    );
    const text = await res.text();
    expect(text).toBe(workshopToMarkdown(v));
    expect(text).toContain('### Flächen-Rollout');
    expect(text).toContain('Datum: 2023\\\n');
    expect(text).toContain('Lizenz: CC BY 4.0\\\n');
    expect(text).toContain(
      'Namensnennung: „OZG-Erfahrungsaustausch 2023: Die Zukunft der föderalen',
    );
    expect(text).not.toContain('Import');
  });

  it('serves the same PDF bytes the shared serialiser makes, with searchable text', async () => {
    const res = await fetch(exportUrl(ozg, 'pdf'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(
      /filename="OZG-Erfahrungsaustausch-2023-Die-Zukunft-der-foderalen-OZG-Umsetzung-2023\.pdf"/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    const expected = await workshopToPdf(await view(ozg.id), await loadPdfFonts());
    expect(Buffer.from(bytes).equals(Buffer.from(expected))).toBe(true);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'pinnwand-http-pdf-')), 'x.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Informeller ÖZG-Austausch');
    expect(text).toMatch(/Datum\s+2023/);
    expect(text).toContain('lizenziert unter CC BY 4.0');
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/^Tagged:\s+yes$/m);
  });

  it('serves CSV with German headers; documents name authors only with ?authors=1 from the facilitator, backups unless ?authors=0', async () => {
    const csv = await fetch(exportUrl(ozg, 'csv'));
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // Compare bytes: Response.text() would drop the byte order mark.
    const csvBytes = Buffer.from(await csv.arrayBuffer());
    expect(csvBytes.toString('utf8')).toBe(workshopToCsv(await view(ozg.id)));
    expect(csvBytes.toString('utf8')).toMatch(
      /^\uFEFFTafel;Cluster;Text;Stimmen;Autor\*in;Erstellt\r\n/,
    );
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // A viewer's backup leaves names out; the facilitator's is complete unless asked otherwise.
    const json = await fetch(exportUrl(ozg, 'json'));
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const backup = await json.text();
    expect(backup).toBe(workshopToJsonBackup(await view(ozg.id), { includeAuthors: false }));
    const complete = await (await fetch(exportUrl(ozg, 'json', ozg.facilitatorToken))).text();
    expect(complete).toBe(workshopToJsonBackup(await view(ozg.id)));
    expect(complete).toContain('"author": "Teilnehmende 2023"');
    expect(complete).toContain('"attribution": "„OZG-Erfahrungsaustausch 2023');
    const anonymous = await (
      await fetch(exportUrl(ozg, 'json', ozg.facilitatorToken, '&authors=0'))
    ).text();
    expect(anonymous).not.toContain('Teilnehmende 2023');
    expect(JSON.parse(backup)).toMatchObject({ format: 'pinnwand-backup', schemaVersion: 1 });
    const withAuthors = await (
      await fetch(exportUrl(ozg, 'md', ozg.facilitatorToken, '&authors=1'))
    ).text();
    expect(withAuthors).toBe(workshopToMarkdown(await view(ozg.id), { includeAuthors: true }));
    for (const token of [ozg.viewerToken, ozg.participantToken]) {
      const refused = await fetch(exportUrl(ozg, 'md', token, '&authors=1'));
      expect(refused.status).toBe(403);
    }
  });

  it('writes the documents in the language asked for: ?lang=, else Accept-Language, else German', async () => {
    const v = await view(ozg.id);
    const md = (extra: string, headers: Record<string, string> = {}) =>
      fetch(exportUrl(ozg, 'md', ozg.viewerToken, extra), { headers });
    const english = await md('&lang=en');
    expect(english.headers.get('content-language')).toBe('en');
    const englishText = await english.text();
    expect(englishText).toBe(workshopToMarkdown(v, { lang: 'en' }));
    expect(englishText).toContain('Date: 2023\\\nOrganised by: ');
    expect(englishText).toContain('Licence: CC BY 4.0\\\n');
    // A browser's or script's Accept-Language, by preference; ?lang= wins over it.
    const browser = await md('', { 'Accept-Language': 'fr-FR,en-GB;q=0.9,de;q=0.8' });
    expect(await browser.text()).toBe(englishText);
    const overruled = await md('&lang=de', { 'Accept-Language': 'en' });
    expect(await overruled.text()).toBe(workshopToMarkdown(v));
    // Nothing asked (or nothing we speak): German, as the workshop is.
    const plain = await md('', { 'Accept-Language': 'fr, *;q=0.5' });
    expect(plain.headers.get('content-language')).toBe('de');
    expect(await plain.text()).toContain('Datum: 2023\\\n');
    const csv = await (await fetch(exportUrl(ozg, 'csv', ozg.viewerToken, '&lang=en'))).text();
    // (fetch's text() drops the byte order mark.)
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'board,cluster,text,votes,author,created',
    );
    const refused = await md('&lang=fr');
    expect(refused.status).toBe(400);
    expect(errorBodySchema.parse(await refused.json()).error).toContain('lang');
  });

  it('refuses a bad token, an unknown workshop and an unknown format', async () => {
    expect((await fetch(exportUrl(ozg, 'md', 'wrong'))).status).toBe(401);
    expect((await fetch(`${t.url}/api/workshops/${ozg.id}/export.md`)).status).toBe(401);
    expect((await fetch(`${t.url}/api/workshops/nosuchworkshop1/export.md?token=x`)).status).toBe(
      404,
    );
    for (const odd of ['toString', 'constructor', '__proto__']) {
      expect((await fetch(exportUrl(ozg, odd))).status, odd).toBe(404);
    }
    const docx = await fetch(exportUrl(ozg, 'docx'));
    expect(docx.status).toBe(404);
    expect(errorBodySchema.parse(await docx.json()).error).toMatch(/md, pdf, csv or json/);
  });

  const importUrl = (w: CreatedWorkshop, query: string, token = w.facilitatorToken) =>
    `${t.url}/api/workshops/${w.id}/import?token=${token}&${query}`;
  const post = (url: string, body: string, type = 'text/plain; charset=utf-8') =>
    fetch(url, { method: 'POST', headers: { 'Content-Type': type }, body });

  it('lets a facilitator import notes into a board; everyone connected sees them', async () => {
    const w = await t.createWorkshop('retro', 'Import');
    const board = (await view(w.id)).boards[0]!;
    const doc = new Y.Doc();
    const provider = connect(t.wsUrl, w.id, w.participantToken, doc);
    await synced(provider);
    const res = await post(
      importUrl(w, `format=text&board=${board.id}`),
      'Erste Notiz\nZweite Notiz\n',
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as { notes: number; preview: { notes: number } };
    expect(body.notes).toBe(2);
    expect(body.preview.notes).toBe(2);
    await waitFor(() => readWorkshop(doc).boards[0]!.noteCount === 2, 5000, 'imported notes');
    expect(readWorkshop(doc).boards[0]!.unclusteredNotes.map((n) => n.text)).toEqual([
      'Erste Notiz',
      'Zweite Notiz',
    ]);
    provider.destroy();
  });

  it('previews without writing, and refuses broken files with the line at fault', async () => {
    const w = await t.createWorkshop('blank', 'Kaputt');
    const board = (await view(w.id)).boards[0]!;
    const before = await t.server.services.rooms.withDoc(w.id, (doc) => Y.encodeStateVector(doc));
    const preview = await post(
      importUrl(w, `format=csv&board=${board.id}&preview=1`),
      'text\nA\nB\n',
    );
    expect(preview.status).toBe(200);
    expect(((await preview.json()) as { preview: { notes: number } }).preview.notes).toBe(2);
    const broken = await post(
      importUrl(w, `format=csv&board=${board.id}`),
      'board;cluster;text;votes\nX;Y;ok;1\nX;Y;nope;viele\n',
    );
    expect(broken.status).toBe(400);
    expect(errorBodySchema.parse(await broken.json()).error).toBe(
      'Line 3, column votes: "viele" is not a whole number.',
    );
    const after = await t.server.services.rooms.withDoc(w.id, (doc) => Y.encodeStateVector(doc));
    expect(after).toEqual(before);
  });

  it('allows imports to facilitators only, into existing boards, in known formats', async () => {
    const w = await t.createWorkshop('blank', 'Rechte');
    const board = (await view(w.id)).boards[0]!;
    expect(
      (await post(importUrl(w, `format=text&board=${board.id}`, w.participantToken), 'x')).status,
    ).toBe(403);
    expect(
      (await post(importUrl(w, `format=text&board=${board.id}`, w.viewerToken), 'x')).status,
    ).toBe(403);
    expect((await post(importUrl(w, 'format=text&board=nosuchboard'), 'x')).status).toBe(404);
    expect((await post(importUrl(w, `format=docx&board=${board.id}`), 'x')).status).toBe(400);
    const big = 'x'.repeat(5 * 1024 * 1024);
    expect((await post(importUrl(w, `format=text&board=${board.id}`), big)).status).toBe(413);
  });

  it('restores a JSON backup’s boards into another workshop', async () => {
    const backup = await (
      await fetch(exportUrl(ozg, 'json', ozg.facilitatorToken, '&authors=1'))
    ).text();
    const w = await t.createWorkshop('blank', 'Kopie');
    const res = await post(importUrl(w, 'format=json'), backup, 'application/json');
    expect(res.status).toBe(201);
    const copy = await view(w.id);
    const original = await view(ozg.id);
    expect(copy.boards.map((b) => b.title)).toEqual([
      'Tafel 1',
      ...original.boards.map((b) => b.title),
    ]);
    expect(copy.boards.slice(1).map((b) => b.noteCount)).toEqual(
      original.boards.map((b) => b.noteCount),
    );
  });

  it('restores a backup as a new workshop titled "… (wiederhergestellt)", and refuses a broken one', async () => {
    const original = await view(ozg.id);
    const backup = workshopToJsonBackup(original, { includeAuthors: true });
    const res = await post(`${t.url}/api/workshops/restore`, backup, 'application/json');
    expect(res.status).toBe(201);
    const created = createdWorkshopSchema.parse(await res.json());
    expect(created.id).not.toBe(ozg.id);
    expect(created.urls.facilitator).toContain(`#token=${created.facilitatorToken}`);
    const restored = await view(created.id);
    expect(restored.boards).toEqual(original.boards);
    expect(restored.cover).toEqual(original.cover);
    const title = `${original.meta!.title} (wiederhergestellt)`;
    expect(restored.meta).toEqual({ ...original.meta, title });
    const md = await fetch(exportUrl(created, 'md'));
    expect(await md.text()).toBe(
      workshopToMarkdown({ ...original, meta: { ...original.meta!, title } }),
    );

    const broken = JSON.parse(backup);
    broken.boards[0].clusters[0].width = -1;
    const refused = await post(`${t.url}/api/workshops/restore`, JSON.stringify(broken));
    expect(refused.status).toBe(400);
    expect(errorBodySchema.parse(await refused.json()).error).toMatch(
      /^Backup: boards\.0\.clusters\.0\.width: /,
    );
  });

  it('keeps its event loop free while a large PDF builds', async () => {
    const w = await t.createWorkshop('blank', 'Groß');
    const board = (await view(w.id)).boards[0]!;
    const lines = Array.from({ length: 1000 }, (_, i) => `Notiz ${i} über Verwaltung und Länder`);
    const imported = await post(importUrl(w, `format=text&board=${board.id}`), lines.join('\n'));
    expect(imported.status).toBe(201);
    await fetch(exportUrl(w, 'pdf')).then((res) => res.arrayBuffer()); // warm up
    // The server runs in this process: a timer here shows how long its event loop is held.
    let last = performance.now();
    let longest = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    const res = await fetch(exportUrl(w, 'pdf'));
    const bytes = await res.arrayBuffer();
    const total = performance.now() - started;
    clearInterval(timer);
    console.info(
      `1,000-note PDF over HTTP: ${Math.round(total)} ms, longest event-loop stall ${Math.round(longest)} ms`,
    );
    expect(bytes.byteLength).toBeGreaterThan(100_000);
    // Without yielding, layout holds the loop for well over half the time.
    expect(longest).toBeLessThan(0.45 * total);
  });
});
