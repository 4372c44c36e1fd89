/**
 * The text exports (Markdown, CSV, JSON backup) of a workshop, from its
 * document's state as bytes: what the export thread (exportWorker.ts) runs,
 * off the event loop. Reading and writing a large workshop takes seconds.
 */
import { workshopToCsv } from '@pinnwand/shared/export/csv';
import {
  documentFileName,
  type ExportOptions,
  exportLang,
} from '@pinnwand/shared/export/exportOptions';
import { workshopToJsonBackup } from '@pinnwand/shared/export/jsonBackup';
import { workshopToMarkdown } from '@pinnwand/shared/export/markdown';
import type { Lang } from '@pinnwand/shared/model/lang';
import { readWorkshop } from '@pinnwand/shared/read/workshopView';
import * as Y from 'yjs';

export type TextExportFormat = 'md' | 'csv' | 'json';

export interface TextExport {
  /** UTF-8. */
  body: Uint8Array;
  fileName: string;
  lang: Lang;
}

/** `fallbackTitle`: the workshop's recorded title, for a document without one. */
export function renderTextExport(
  state: Uint8Array,
  format: TextExportFormat,
  options: ExportOptions,
  fallbackTitle: string,
): TextExport {
  const doc = new Y.Doc({ gc: true });
  Y.applyUpdate(doc, state);
  const view = readWorkshop(doc);
  doc.destroy();
  const text =
    format === 'md'
      ? workshopToMarkdown(view, options)
      : format === 'csv'
        ? workshopToCsv(view, options)
        : workshopToJsonBackup(view, options);
  const title = view.meta?.title || fallbackTitle;
  return {
    body: new TextEncoder().encode(text),
    fileName: documentFileName(title, view, format, options),
    lang: exportLang(view, options),
  };
}
