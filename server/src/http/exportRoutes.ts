/**
 * Workshop documentation over HTTP, a thin wrapper around the pure
 * serialisers in @pinnwand/shared/export (the browser's download calls the
 * same functions, so both give the same bytes):
 *
 *   GET  /api/workshops/<id>/export.{md,pdf,csv,json}?token=…[&authors=0|1][&license=…][&lang=de|en]
 *        any capability (a viewer token is enough). Documents name authors
 *        only with authors=1, the JSON backup unless authors=0; only the
 *        facilitator may export names. `license` overrides the workshop's
 *        licence line for this export. `lang` (else Accept-Language, else the
 *        workshop's language) sets the language of the words the document
 *        adds (exportLang.ts); the answer's Content-Language says which.
 *   POST /api/workshops/<id>/import?token=<facilitator>&format=<text|csv|md|structured|json>[&board=<boardId>][&preview=1]
 *        body: the file as text; validated first, then applied in one
 *        transaction; without `board` the file's boards become boards of the
 *        workshop (a board of the same title is filled)
 *   POST /api/workshops/restore
 *        body: a JSON backup; creates a NEW workshop holding exactly the backup
 *        (ids, positions, votes, settings, cover, summaries), titled
 *        "… (wiederhergestellt)" so it is never mistaken for the original, and answers like
 *        POST /api/workshops (201 with id, tokens and links)
 *
 * Markdown, CSV and JSON are written in a thread of their own, one at a time
 * (ExportThread.ts), `PDF_QUEUE_LENGTH` more wait, beyond that: 503.
 * The PDF font (DejaVu Sans) is read once from the `dejavu-fonts-ttf` package.
 * PDFs render at most `PDF_CONCURRENCY` at a time, `PDF_QUEUE_LENGTH` more
 * wait, beyond that: 503. Imports and restores pass a per-process budget
 * (`IMPORTS_PER_MINUTE`) before their body is read (refused: answered at once,
 * the body left unread), and the shape of a JSON file (a backup, structured
 * results) is checked against IMPORT_LIMITS as its bytes arrive, before it is
 * parsed.
 */
import { isUtf8 } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import {
  documentFileName,
  type ExportOptions,
  exportLang,
} from '@pinnwand/shared/export/exportOptions';
import { contentDisposition } from '@pinnwand/shared/export/fileName';
import { workshopToPdf } from '@pinnwand/shared/export/pdf';
import {
  applyImport,
  type ImportResult,
  type ImportTarget,
} from '@pinnwand/shared/import/applyImport';
import { parseImport } from '@pinnwand/shared/import/importFile';
import {
  BACKUP_SHAPE_LIMITS,
  type ImportFormat,
  importFormatSchema,
  previewImport,
  STRUCTURED_SHAPE_LIMITS,
} from '@pinnwand/shared/import/importPlan';
import { parseBackup, restoreBackup, restoredTitle } from '@pinnwand/shared/import/jsonBackup';
import { type JsonShapeLimits, JsonShapeScanner } from '@pinnwand/shared/import/jsonShape';
import { structuredShapeError } from '@pinnwand/shared/import/structured';
import { asBoardId } from '@pinnwand/shared/model/ids';
import { IMPORT_ORIGIN } from '@pinnwand/shared/model/origin';
import {
  ApiRoute,
  type ExportFormat,
  exportFormatSchema,
  type ImportResponse,
} from '@pinnwand/shared/protocol/http';
import { getBoard } from '@pinnwand/shared/read/lookups';
import { readWorkshop, type WorkshopView } from '@pinnwand/shared/read/workshopView';
import { TokenBucket } from '../socket/TokenBucket.ts';
import { ExportThread } from './ExportThread.ts';
import { requestedExportLang } from './exportLang.ts';
import { HttpError, leaveBodyUnread, readBodyBytes, sendJson } from './respond.ts';
import type { RouteContext, Router } from './router.ts';
import { QueueFull, WorkQueue } from './WorkQueue.ts';
import { createdWorkshopBody } from './workshopLinks.ts';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export interface PdfFonts {
  fontBytes: Uint8Array;
  boldFontBytes: Uint8Array;
}

/** Reads DejaVu Sans (regular and bold) from the installed npm package. */
export async function loadPdfFonts(): Promise<PdfFonts> {
  const require = createRequire(import.meta.url);
  const dir = require.resolve('dejavu-fonts-ttf/package.json').replace(/package\.json$/, 'ttf/');
  const [fontBytes, boldFontBytes] = await Promise.all([
    readFile(`${dir}DejaVuSans.ttf`),
    readFile(`${dir}DejaVuSans-Bold.ttf`),
  ]);
  return { fontBytes, boldFontBytes };
}

function exportOptions(ctx: RouteContext, ext: keyof typeof CONTENT_TYPES): ExportOptions {
  const url = ctx.url;
  const license = url.searchParams.get('license')?.trim().slice(0, 200);
  const authors = url.searchParams.get('authors');
  // A backup is complete unless names are explicitly left out; documents the other way round.
  const includeAuthors = ext === 'json' ? authors !== '0' : authors === '1';
  const lang = requestedExportLang(url, ctx.req.headers['accept-language']);
  return { includeAuthors, ...(license ? { license } : {}), ...(lang ? { lang } : {}) };
}

/**
 * A file's bytes, checked to be UTF-8 but not decoded: validating 4 MiB takes
 * a fraction of a millisecond, while turning them into a string takes ten or
 * more on the event loop every room shares (a fatal TextDecoder, which did
 * both, several times that). A backup is decoded only once its shape passed.
 */
async function readUtf8Body(
  ctx: RouteContext,
  maxBytes: number,
  refuse?: (piece: Buffer) => string | null,
): Promise<Buffer> {
  const bytes = await readBodyBytes(ctx.req, ctx.res, maxBytes, 'file', refuse);
  if (!isUtf8(bytes)) throw new HttpError(400, 'The file is not UTF-8 text.');
  return bytes;
}

/**
 * Scans a JSON file's shape as its body arrives: a stuffed one (300,000 votes
 * on one note of a backup, 400,000 keys or thousands of levels of nesting in
 * structured results) is refused (413) at the first entry over the limits,
 * unread beyond.
 */
function refuseStuffedJson(
  limits: JsonShapeLimits,
  describe: (problem: string) => string,
): (piece: Buffer) => string | null {
  const shape = new JsonShapeScanner(limits);
  return (piece) => {
    const problem = shape.feed(piece);
    return problem ? describe(problem) : null;
  };
}

const refuseStuffedBackup = () =>
  refuseStuffedJson(BACKUP_SHAPE_LIMITS, (problem) => `Backup: ${problem}.`);

/** The JSON import formats, each scanned against its own shape as it arrives. */
const SHAPE_SCANS: Partial<Record<ImportFormat, () => (piece: Buffer) => string | null>> = {
  json: refuseStuffedBackup,
  structured: () => refuseStuffedJson(STRUCTURED_SHAPE_LIMITS, structuredShapeError),
};

async function viewOf(ctx: RouteContext, id: string): Promise<WorkshopView> {
  return ctx.services.rooms.withDoc(id, (doc) => readWorkshop(doc));
}

export function registerExportRoutes(
  router: Router,
  fonts: () => Promise<PdfFonts> = loadPdfFonts,
): { close(): Promise<void> } {
  let fontsLoaded: Promise<PdfFonts> | null = null;
  const pdfFonts = () => {
    fontsLoaded ??= fonts().catch((error: unknown) => {
      fontsLoaded = null;
      throw error;
    });
    return fontsLoaded;
  };

  let pdfQueue: WorkQueue | null = null;
  let exportThread: ExportThread | null = null;

  router.get(ApiRoute.export, async (ctx) => {
    const id = ctx.params.id!;
    const format = exportFormatSchema.safeParse(ctx.params.format);
    if (!format.success)
      throw new HttpError(404, `No export as .${ctx.params.format}; try md, pdf, csv or json.`);
    const ext = format.data;
    const { workshop, role } = await ctx.services.authorize(ctx, id);
    const options = exportOptions(ctx, ext);
    // Only the facilitator decides to name the authors; others get backups without names.
    if (options.includeAuthors && role !== 'facilitator') {
      if (ext === 'json' && ctx.url.searchParams.get('authors') !== '1') {
        options.includeAuthors = false;
      } else throw new HttpError(403, 'authors: only the facilitator can include authors.');
    }
    let answer: { body: Uint8Array; fileName: string; lang: string };
    if (ext !== 'pdf') {
      exportThread ??= new ExportThread(ctx.services.config.limits.pdfQueueLength);
      try {
        answer = await exportThread.render(
          (thread) => ctx.services.rooms.withDoc(id, (doc) => thread.stateOf(doc)),
          ext,
          options,
          workshop.title,
        );
      } catch (err) {
        if (!(err instanceof QueueFull)) throw err;
        ctx.res.setHeader('Retry-After', '5');
        throw new HttpError(503, 'Too many exports at once; try again in a few seconds.');
      }
    } else {
      const { pdfConcurrency, pdfQueueLength } = ctx.services.config.limits;
      pdfQueue ??= new WorkQueue(pdfConcurrency, pdfQueueLength);
      const started = performance.now();
      const fontBytes = await pdfFonts();
      let rendered: { view: WorkshopView; body: Uint8Array };
      try {
        // Queued: a burst of PDF requests renders a few at a time, not all at once.
        // The workshop is read only when a request's turn comes (reading a large
        // one takes a tenth of a second and more), so the overflow is refused
        // at once and the waiting hold no copy. Each yields to the event loop
        // while it is written: a large PDF must not hold up the relay for
        // everyone else on this server.
        rendered = await pdfQueue.run(async () => {
          const view = await viewOf(ctx, id);
          const body = await workshopToPdf(view, {
            ...options,
            ...fontBytes,
            onProgress: () => new Promise<void>((resolve) => setImmediate(resolve)),
          });
          return { view, body };
        });
      } catch (err) {
        if (!(err instanceof QueueFull)) throw err;
        ctx.res.setHeader('Retry-After', '5');
        throw new HttpError(503, 'Too many PDF exports at once; try again in a few seconds.');
      }
      const { view, body } = rendered;
      ctx.log.info(
        { workshop: id, ms: Math.round(performance.now() - started), bytes: body.length },
        'pdf export',
      );
      const title = view.meta?.title || workshop.title;
      answer = {
        body,
        fileName: documentFileName(title, view, ext, options),
        lang: exportLang(view, options),
      };
    }
    const bytes = Buffer.from(answer.body.buffer, answer.body.byteOffset, answer.body.byteLength);
    ctx.res.statusCode = 200;
    ctx.res.setHeader('Content-Type', CONTENT_TYPES[ext]);
    ctx.res.setHeader('Content-Disposition', contentDisposition(answer.fileName));
    ctx.res.setHeader('Content-Length', bytes.length);
    ctx.res.setHeader('Cache-Control', 'no-store');
    ctx.res.setHeader('Content-Language', answer.lang);
    ctx.res.setHeader('Vary', 'Accept-Language');
    ctx.res.end(ctx.req.method === 'HEAD' ? undefined : bytes);
  });

  // Imports and restores share one per-process budget, taken before the body is
  // read: a file that fails to parse costs as much as one that succeeds. Its
  // burst is a quarter of a minute's budget, so that a client posting files
  // back to back gets a few read at once, not a minute's worth, on the event
  // loop every room shares.
  let imports: TokenBucket | null = null;
  const takeImport = async (ctx: RouteContext) => {
    const { importsPerMinute } = ctx.services.config.limits;
    imports ??= new TokenBucket(importsPerMinute / 60, Math.ceil(importsPerMinute / 4));
    if (!imports.take()) {
      leaveBodyUnread(ctx.req, ctx.res);
      ctx.res.setHeader('Retry-After', '10');
      throw new HttpError(429, 'Too many imports on this server; try again in a minute.');
    }
  };

  router.post(ApiRoute.import, async (ctx) => {
    const id = ctx.params.id!;
    await ctx.services.authorize(ctx, id, ['facilitator']);
    await takeImport(ctx);
    const format = importFormatSchema.safeParse(ctx.url.searchParams.get('format'));
    if (!format.success) {
      leaveBodyUnread(ctx.req, ctx.res);
      throw new HttpError(400, 'format: expected one of text, csv, md, structured, json.');
    }
    const boardParam = ctx.url.searchParams.get('board');
    const target: ImportTarget = boardParam
      ? { kind: 'board', boardId: asBoardId(boardParam) }
      : { kind: 'workshop' };
    // A JSON file's shape is scanned as it arrives, as a restore's is (refuseStuffedJson).
    const bytes = await readUtf8Body(
      ctx,
      ctx.services.config.limits.importMaxBytes,
      SHAPE_SCANS[format.data]?.(),
    );
    const parsed = parseImport(format.data, bytes.toString('utf8'));
    if (!parsed.ok) throw new HttpError(400, parsed.error);
    const preview = previewImport(parsed.plan);
    if (target.kind === 'board') {
      const exists = await ctx.services.rooms.withDoc(
        id,
        (doc) => getBoard(doc, target.boardId) !== undefined,
      );
      if (!exists) throw new HttpError(404, `board: no board ${boardParam} in this workshop.`);
    }
    if (ctx.url.searchParams.get('preview') === '1') {
      const answer: ImportResponse = { preview };
      sendJson(ctx.res, 200, answer);
      return;
    }
    let result: ImportResult | undefined;
    await ctx.services.rooms.change(
      id,
      (doc) => {
        result = applyImport(doc, parsed.plan, target, { origin: IMPORT_ORIGIN });
      },
      IMPORT_ORIGIN,
    );
    ctx.log.info({ workshop: id, format: format.data, notes: result?.notes }, 'import');
    const answer: ImportResponse = { ...result, preview };
    sendJson(ctx.res, 201, answer);
  });

  // Restoring creates a workshop, so it shares the creation rate limit's size.
  let restores: TokenBucket | null = null;
  router.post(ApiRoute.restore, async (ctx) => {
    const { services } = ctx;
    const perMinute = services.config.limits.workshopCreatesPerMinute;
    restores ??= new TokenBucket(perMinute / 60, perMinute);
    // Both budgets before reading: no token, no parsing (failed restores count too).
    await takeImport(ctx);
    if (!restores.take()) {
      leaveBodyUnread(ctx.req, ctx.res);
      throw new HttpError(429, 'Too many workshops created; try again in a minute.');
    }
    const body = await readUtf8Body(
      ctx,
      services.config.limits.importMaxBytes,
      refuseStuffedBackup(),
    );
    const parsed = parseBackup(body);
    if (!parsed.ok) throw new HttpError(parsed.tooLarge ? 413 : 400, parsed.error);
    const title = restoredTitle(parsed.backup.meta.title, parsed.backup.meta.lang);
    const backup = { ...parsed.backup, meta: { ...parsed.backup.meta, title } };
    const created = await services.workshops.create(title, (doc) =>
      restoreBackup(doc, backup, IMPORT_ORIGIN),
    );
    const base = services.baseUrl(ctx);
    ctx.log.info({ workshop: created.id }, 'workshop restored from backup');
    sendJson(ctx.res, 201, createdWorkshopBody(base, created));
  });

  return { close: async () => exportThread?.close() };
}
