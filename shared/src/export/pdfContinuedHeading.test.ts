/**
 * A cluster whose notes run over a page break: the next page starts with the
 * cluster's heading again, marked as continued, for whoever reads the printed
 * or filed document; the structure tree (what a screen reader follows) keeps
 * one heading over one list.
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Lang } from '../model/lang.ts';
import { createCluster } from '../ops/clusterOps.ts';
import { addNote } from '../ops/noteOps.ts';
import { createWorkshop } from '../ops/workshopOps.ts';
import { readWorkshop } from '../read/workshopView.ts';
import { pdfFonts } from '../testing/pdfFonts.ts';
import { ALICE } from '../testing/testWorkshop.ts';
import { workshopToPdf } from './pdf.ts';

const fonts = pdfFonts;

const run = (tool: string, ...args: string[]) =>
  execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** One board of three clusters with these numbers of notes, the second meant to be long. */
async function exportWorkshop(lang: Lang, counts: [number, number, number]): Promise<string> {
  const doc = new Y.Doc();
  const { boardIds } = createWorkshop(
    doc,
    { title: 'Klausur', template: 'blank', lang, createdAt: 1000 },
    ALICE.origin,
  );
  const boardId = boardIds[0]!;
  const titles = ['Erwartungen', 'Hindernisse im Alltag', 'Nächste Schritte'];
  const clusters = titles.map((title, i) => [title, counts[i]!] as const);
  doc.transact(() => {
    clusters.forEach(([title, count], c) => {
      const clusterId = createCluster(
        doc,
        { boardId, title, x: c * 720, y: 0, width: 700, height: 1400 },
        ALICE.origin,
      );
      for (let i = 0; i < count; i++) {
        addNote(
          doc,
          {
            boardId,
            clusterId,
            x: c * 720 + 16 + (i % 4) * 172,
            y: 56 + Math.floor(i / 4) * 132,
            text: `${title} Punkt ${i + 1}: eine Notiz mit etwas Text, damit die Liste lang wird`,
            author: 'A',
            authorId: ALICE.id,
          },
          ALICE.origin,
        );
      }
    });
  });
  const file = join(mkdtempSync(join(tmpdir(), 'pinnwand-pdf-continued-')), 'w.pdf');
  writeFileSync(file, await workshopToPdf(readWorkshop(doc), fonts));
  return file;
}

function pages(file: string): string[] {
  const count = Number(/^Pages:\s+(\d+)$/m.exec(run('pdfinfo', file))?.[1]);
  return Array.from({ length: count }, (_, i) =>
    run('pdftotext', '-enc', 'UTF-8', '-f', String(i + 1), '-l', String(i + 1), file, '-'),
  );
}

/** The page's text below the running header (its first line). */
const body = (page: string) => page.split('\n').filter(Boolean).slice(1).join('\n');

describe('a cluster that runs over a page break', { timeout: 60_000 }, () => {
  it('repeats its heading, marked as continued, at the top of each page it continues on, and nowhere else', async () => {
    const file = await exportWorkshop('de', [3, 90, 3]);
    const texts = pages(file);
    // Title page, then the board: drawing and lists over several pages.
    const continued = texts
      .map((text, index) => ({ text, index }))
      .filter(({ text }) => text.includes('(Fortsetzung)'));
    expect(continued.length).toBeGreaterThanOrEqual(2);
    for (const { text, index } of continued) {
      // The repeated heading comes first on the page, before any of the cluster's notes.
      expect(body(text).startsWith('Hindernisse im Alltag (Fortsetzung)')).toBe(true);
      // It continues what the page before ended with.
      expect(texts[index - 1]).toMatch(/Hindernisse im Alltag Punkt \d+/);
      expect(text).toMatch(/Hindernisse im Alltag Punkt \d+/);
    }
    // Pages on which the cluster does not continue carry no such heading.
    for (const [index, text] of texts.entries()) {
      const continues =
        index > 0 &&
        /Hindernisse im Alltag Punkt \d+/.test(texts[index - 1]!) &&
        /Hindernisse im Alltag Punkt \d+/.test(text) &&
        !/^Hindernisse im Alltag\s*$/m.test(text);
      expect(text.includes('(Fortsetzung)'), `page ${index + 1}`).toBe(continues);
    }
    // The short clusters never carry it.
    expect(texts.join('\n')).not.toMatch(/(Erwartungen|Nächste Schritte) \(Fortsetzung\)/);
    // The structure a screen reader follows: one heading over one list, no repeat.
    const struct = run('pdfinfo', '-struct-text', file);
    expect(struct.split('H3 (block)\n    "Hindernisse im Alltag').length - 1).toBe(1);
    expect(struct).not.toContain('Fortsetzung');
  });

  it('says "continued" in an English workshop', async () => {
    const texts = pages(await exportWorkshop('en', [3, 90, 3]));
    const continued = texts.filter((text) => text.includes('(continued)'));
    expect(continued.length).toBeGreaterThanOrEqual(1);
    for (const text of continued) {
      expect(body(text).startsWith('Hindernisse im Alltag (continued)')).toBe(true);
    }
    expect(texts.join('\n')).not.toContain('Fortsetzung');
  });

  it('repeats nothing when every cluster fits on its page', async () => {
    const texts = pages(await exportWorkshop('de', [1, 2, 1]));
    expect(texts.join('\n')).not.toContain('(Fortsetzung)');
  });
});
