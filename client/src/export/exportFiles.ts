// The browser's side of the layered export: the bytes come from the same pure
// serialisers the server's /export routes use (@pinnwand/shared/export), so a
// download here and the API's answer are identical files. This module only
// fetches the PDF font, moves the PDF work off the main thread and saves.
import { workshopToCsv } from '@pinnwand/shared/export/csv';
import type { ExportOptions } from '@pinnwand/shared/export/exportOptions';
import { documentFileName } from '@pinnwand/shared/export/exportOptions';
import { workshopToJsonBackup } from '@pinnwand/shared/export/jsonBackup';
import { workshopToMarkdown } from '@pinnwand/shared/export/markdown';
import type { ExportFormat } from '@pinnwand/shared/protocol/http';
import type { WorkshopView } from '@pinnwand/shared/read/workshopView';
import fontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import boldFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import type { PdfJob, PdfWorkerMessage } from './pdfWorker.ts';

/** The formats the server also serves (`export.:format`); PNG is drawn only here. */
export type DocumentFormat = ExportFormat;

export const MIME_TYPES: Record<DocumentFormat | 'png', string> = {
  pdf: 'application/pdf',
  md: 'text/markdown;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json;charset=utf-8',
  png: 'image/png',
};

export interface ExportFile {
  bytes: Uint8Array;
  fileName: string;
  type: string;
}

let fontsPromise: Promise<{ fontBytes: Uint8Array; boldFontBytes: Uint8Array }> | null = null;

/** DejaVu Sans, regular and bold: the same files the server reads from node_modules. */
export function loadFonts() {
  fontsPromise ??= Promise.all(
    [fontUrl, boldFontUrl].map(async (url) => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`font ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    }),
  ).then(
    ([fontBytes, boldFontBytes]) => ({ fontBytes: fontBytes!, boldFontBytes: boldFontBytes! }),
    (error: unknown) => {
      fontsPromise = null;
      throw error;
    },
  );
  return fontsPromise;
}

/** Builds the PDF in a Web Worker (the page stays responsive); on the main thread if workers fail. */
async function buildPdf(
  view: WorkshopView,
  options: ExportOptions,
  onProgress: (done: number) => void,
): Promise<Uint8Array> {
  const fonts = await loadFonts();
  try {
    return await new Promise<Uint8Array>((resolve, reject) => {
      const worker = new Worker(new URL('./pdfWorker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (event: MessageEvent<PdfWorkerMessage>) => {
        const message = event.data;
        if (message.kind === 'progress') onProgress(message.done);
        else {
          worker.terminate();
          if (message.kind === 'done') resolve(message.bytes);
          else reject(new Error(message.error));
        }
      };
      worker.onerror = (event) => {
        worker.terminate();
        reject(new WorkerUnavailable(event.message));
      };
      const job: PdfJob = { view, options, ...fonts };
      worker.postMessage(job);
    });
  } catch (error) {
    if (!(error instanceof WorkerUnavailable)) throw error;
    // Yield between boards so the progress bar can repaint.
    const { workshopToPdf } = await import('@pinnwand/shared/export/pdf');
    return workshopToPdf(view, {
      ...options,
      ...fonts,
      onProgress: async (done) => {
        onProgress(done);
        await new Promise((resolve) => setTimeout(resolve, 0));
      },
    });
  }
}

class WorkerUnavailable extends Error {}

export async function buildExport(
  view: WorkshopView,
  format: DocumentFormat,
  options: ExportOptions,
  onProgress: (done: number) => void = () => {},
): Promise<ExportFile> {
  const title = view.meta?.title ?? 'Workshop';
  const fileName = documentFileName(title, view, format, options);
  const encode = (text: string) => new TextEncoder().encode(text);
  let bytes: Uint8Array;
  if (format === 'md') bytes = encode(workshopToMarkdown(view, options));
  else if (format === 'csv') bytes = encode(workshopToCsv(view, options));
  else if (format === 'json') bytes = encode(workshopToJsonBackup(view, options));
  else bytes = await buildPdf(view, options, onProgress);
  return { bytes, fileName, type: MIME_TYPES[format] };
}

/** Saves a file through the browser's download. */
export function saveFile(file: ExportFile | { blob: Blob; fileName: string }): void {
  const blob =
    'blob' in file
      ? file.blob
      : new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
