// Builds a workshop PDF off the main thread: a 1,000-note workshop takes
// about a second, which would freeze the board. Receives the plain
// WorkshopView (structured-cloneable) and the font bytes, reports progress
// per board, and answers with the bytes (transferred, not copied).
import type { ExportOptions } from '@pinnwand/shared/export/exportOptions';
import { workshopToPdf } from '@pinnwand/shared/export/pdf';
import type { WorkshopView } from '@pinnwand/shared/read/workshopView';

export interface PdfJob {
  view: WorkshopView;
  options: ExportOptions;
  fontBytes: Uint8Array;
  boldFontBytes: Uint8Array;
}

export type PdfWorkerMessage =
  | { kind: 'progress'; done: number }
  | { kind: 'done'; bytes: Uint8Array }
  | { kind: 'error'; error: string };

interface WorkerScope {
  onmessage: ((event: MessageEvent<PdfJob>) => void) | null;
  postMessage(message: PdfWorkerMessage, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = async (event) => {
  const { view, options, fontBytes, boldFontBytes } = event.data;
  try {
    const bytes = await workshopToPdf(view, {
      ...options,
      fontBytes,
      boldFontBytes,
      onProgress: (done) => scope.postMessage({ kind: 'progress', done }),
    });
    scope.postMessage({ kind: 'done', bytes }, [bytes.buffer]);
  } catch (error) {
    scope.postMessage({
      kind: 'error',
      error: error instanceof Error ? error.message : String(error),
    });
  }
};
