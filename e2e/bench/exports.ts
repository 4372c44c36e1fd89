// Benchmark 6: exports. Markdown and PDF of the example workshop (the real OZG
// results, 94 notes) and of a 1,000-note workshop built from it, through the
// same shared/ functions the server's export routes and the browser use.
// Timed: reading the document into a view plus serialising it; PDF with the
// DejaVu fonts the server embeds.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { workshopToMarkdown } from '@pinnwand/shared/export/markdown';
import { workshopToPdf } from '@pinnwand/shared/export/pdf';
import type { BoardId, ClusterId, ParticipantId } from '@pinnwand/shared/model/ids';
import type { TransactionOrigin } from '@pinnwand/shared/model/origin';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import { readWorkshop } from '@pinnwand/shared/read/workshopView';
import { createExampleWorkshop } from '@pinnwand/shared/templates/exampleWorkshop';
import * as Y from 'yjs';
import { repoRoot } from '../harness/paths.ts';
import { type Spread, spread } from './lib/stats.ts';

const origin: TransactionOrigin = { kind: 'local', userId: 'bench' as ParticipantId };

async function loadFonts(): Promise<{ fontBytes: Uint8Array; boldFontBytes: Uint8Array }> {
  const require = createRequire(path.join(repoRoot, 'server/package.json'));
  const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const [fontBytes, boldFontBytes] = await Promise.all([
    readFile(path.join(dir, 'DejaVuSans.ttf')),
    readFile(path.join(dir, 'DejaVuSans-Bold.ttf')),
  ]);
  return { fontBytes, boldFontBytes };
}

function exampleDoc(): Y.Doc {
  const doc = new Y.Doc();
  createExampleWorkshop(doc, origin, { createdAt: 1_700_000_000_000 });
  return doc;
}

/** The example plus notes made from its texts until `total` notes, spread over boards and clusters. */
function largeDoc(total: number): Y.Doc {
  const doc = exampleDoc();
  const view = readWorkshop(doc);
  const texts = view.boards.flatMap((b) => [
    ...b.unclusteredNotes.map((n) => n.text),
    ...b.clusters.flatMap((c) => c.notes.map((n) => n.text)),
  ]);
  const targets: { boardId: BoardId; clusterId?: ClusterId }[] = view.boards.flatMap((b) => [
    { boardId: b.id },
    ...b.clusters.map((c) => ({ boardId: b.id, clusterId: c.id })),
  ]);
  let count = view.boards.reduce((s, b) => s + b.noteCount, 0);
  let i = 0;
  while (count < total) {
    const t = targets[i % targets.length]!;
    addNote(
      doc,
      {
        boardId: t.boardId,
        ...(t.clusterId ? { clusterId: t.clusterId } : {}),
        x: (i % 30) * 220,
        y: Math.floor(i / 30) * 160,
        text: `${texts[i % texts.length]} (${i})`,
        author: `Teilnehmerin ${i % 40}`,
        authorId: `p${i % 40}` as ParticipantId,
        createdAt: 1_700_000_000_000 + i,
      },
      origin,
    );
    count++;
    i++;
  }
  return doc;
}

export interface ExportCase {
  name: string;
  notes: number;
  markdownMs: Spread;
  pdfMs: Spread;
  markdownBytes: number;
  pdfBytes: number;
}

export interface ExportsResult {
  cases: ExportCase[];
  runs: number;
}

async function measure(
  name: string,
  doc: Y.Doc,
  runs: number,
  fonts: Awaited<ReturnType<typeof loadFonts>>,
) {
  const notes = readWorkshop(doc).boards.reduce((s, b) => s + b.noteCount, 0);
  const md: number[] = [];
  const pdf: number[] = [];
  let markdownBytes = 0;
  let pdfBytes = 0;
  // One untimed round first (JIT, font parsing caches).
  for (let r = -1; r < runs; r++) {
    let t = performance.now();
    const text = workshopToMarkdown(readWorkshop(doc), { date: 1_700_000_000_000 });
    const mdMs = performance.now() - t;
    t = performance.now();
    const bytes = await workshopToPdf(readWorkshop(doc), { ...fonts, date: 1_700_000_000_000 });
    const pdfMs = performance.now() - t;
    if (r >= 0) {
      md.push(mdMs);
      pdf.push(pdfMs);
    }
    markdownBytes = Buffer.byteLength(text);
    pdfBytes = bytes.length;
  }
  return { name, notes, markdownMs: spread(md), pdfMs: spread(pdf), markdownBytes, pdfBytes };
}

export async function runExports(runs: number): Promise<ExportsResult> {
  const fonts = await loadFonts();
  return {
    runs,
    cases: [
      await measure('example (OZG 2023)', exampleDoc(), runs, fonts),
      await measure('1,000 notes', largeDoc(1000), runs, fonts),
    ],
  };
}
