// The export feature's state for one open workshop (options, progress, the
// import dialog): `editor.exports`, shared by the panel and the commands.
// `runExport` is the one action behind the panel's buttons and the export
// commands.
import type { ExportOptions } from '@pinnwand/shared/export/exportOptions';
import { documentFileName, exportLang } from '@pinnwand/shared/export/exportOptions';
import { type Lang, langSchema } from '@pinnwand/shared/model/lang';
import { readWorkshop } from '@pinnwand/shared/read/workshopView';
import type { Editor } from '../editor/Editor.ts';
import { createStore, type Store } from '../ui/store.ts';
import type { DocumentFormat } from './exportFiles.ts';

/** The formats, plus the backup without names (sharing it is the explicit variant). */
export type ExportFormat = DocumentFormat | 'png' | 'json-anonymous';

export type ExportStatus =
  | { kind: 'idle' }
  | { kind: 'busy'; format: ExportFormat; done: number }
  | { kind: 'done'; file: string }
  | { kind: 'error'; reason: string };

export interface ExportState {
  status: Store<ExportStatus>;
  /** Include authors' names in the documents (off by default: privacy first). */
  authors: Store<boolean>;
  importing: Store<boolean>;
}

export function createExportState(): ExportState {
  return {
    status: createStore<ExportStatus>({ kind: 'idle' }),
    authors: createStore(false),
    importing: createStore(false),
  };
}

export function openExportPanel(editor: Editor): void {
  editor.ui.update((s) => ({ ...s, panel: 'export' }));
}

/**
 * The language the person reads the UI in, which the documents' headings and
 * labels follow. I18nProvider keeps it on <html lang> (for screen readers),
 * the one place code outside React can read it; undefined leaves the
 * workshop's language.
 */
function uiLang(): Lang | undefined {
  const lang = langSchema.safeParse(document.documentElement.lang);
  return lang.success ? lang.data : undefined;
}

/** Builds the file from the live document and saves it; progress and outcome go to `status`. */
export async function runExport(editor: Editor, format: ExportFormat): Promise<void> {
  const state = editor.exports;
  if (state.status.get().kind === 'busy') return;
  state.status.set({ kind: 'busy', format, done: 0 });
  try {
    // Loaded on first use: the PDF library and the board drawing stay out of the app's start.
    const { buildExport, saveFile } = await import('./exportFiles.ts');
    const view = readWorkshop(editor.doc);
    // Only the facilitator may name authors (the server enforces the same). Documents
    // name them when asked; a backup is complete unless made without names.
    const facilitator = editor.role === 'facilitator';
    const lang = uiLang();
    const options: ExportOptions = {
      includeAuthors:
        format === 'json'
          ? facilitator
          : format !== 'json-anonymous' && facilitator && state.authors.get(),
      ...(lang ? { lang } : {}),
    };
    if (format === 'png') {
      const boardId = editor.boardId.get();
      const board = view.boards.find((b) => b.id === boardId) ?? view.boards[0];
      if (!board) throw new Error('no board');
      const { boardToPng } = await import('./boardPng.ts');
      const blob = await boardToPng(board, {
        includeAuthors: options.includeAuthors === true,
        lang: exportLang(view, options),
      });
      const title = `${view.meta?.title ?? 'Workshop'} ${board.title}`;
      const fileName = documentFileName(title, view, 'png', options);
      saveFile({ blob, fileName });
      state.status.set({ kind: 'done', file: fileName });
      return;
    }
    const file = await buildExport(
      view,
      format === 'json-anonymous' ? 'json' : format,
      options,
      (done) => state.status.set({ kind: 'busy', format, done }),
    );
    saveFile(file);
    state.status.set({ kind: 'done', file: file.fileName });
  } catch (error) {
    state.status.set({
      kind: 'error',
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}
