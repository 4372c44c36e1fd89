// The "Export & import" side panel: the documentation formats with their
// options, progress while a PDF builds, and (for facilitators) the import
// dialog. Every download is made from the live document with the shared
// serialisers, so it equals what GET /api/workshops/<id>/export.* serves.
import type { ExportOptions } from '@pinnwand/shared/export/exportOptions';
import { exportDate } from '@pinnwand/shared/export/exportOptions';
import { exportFileName } from '@pinnwand/shared/export/fileName';
import { readWorkshop } from '@pinnwand/shared/read/workshopView';
import { useId, useState } from 'react';
import type { Editor } from '../editor/Editor.ts';
import { ImportDialog } from '../import/ImportDialog.tsx';
import { useStore } from '../ui/store.ts';
import type { DocumentFormat } from './exportFiles.ts';
import { useXT, type XKey } from './messages.ts';
import './export.css';

type Format = DocumentFormat | 'png';

const FORMATS: { format: Format; label: XKey; hint: XKey }[] = [
  { format: 'pdf', label: 'export.pdf', hint: 'export.pdf.hint' },
  { format: 'md', label: 'export.md', hint: 'export.md.hint' },
  { format: 'csv', label: 'export.csv', hint: 'export.csv.hint' },
  { format: 'json', label: 'export.json', hint: 'export.json.hint' },
  { format: 'png', label: 'export.png', hint: 'export.png.hint' },
];

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; format: Format; done: number }
  | { kind: 'done'; file: string }
  | { kind: 'error'; reason: string };

export function ExportPanel({ editor }: { editor: Editor }) {
  const t = useXT();
  const ids = useId();
  const [authors, setAuthors] = useState(false);
  const [license, setLicense] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [importing, setImporting] = useState(false);
  const boardId = useStore(editor.boardId);
  const busy = status.kind === 'busy';

  async function run(format: Format) {
    setStatus({ kind: 'busy', format, done: 0 });
    try {
      // Loaded on first use: the PDF library and the board drawing stay out of the app's start.
      const { buildExport, saveFile } = await import('./exportFiles.ts');
      const view = readWorkshop(editor.doc);
      const options: ExportOptions = { includeAuthors: authors };
      if (license.trim()) options.license = license.trim();
      if (format === 'png') {
        const board = view.boards.find((b) => b.id === boardId) ?? view.boards[0];
        if (!board) throw new Error('no board');
        const { boardToPng } = await import('./boardPng.ts');
        const blob = await boardToPng(board);
        const title = `${view.meta?.title ?? 'Workshop'} ${board.title}`;
        const fileName = exportFileName(title, exportDate(view, options), 'png');
        saveFile({ blob, fileName });
        setStatus({ kind: 'done', file: fileName });
        return;
      }
      const file = await buildExport(view, format, options, (done) =>
        setStatus({ kind: 'busy', format, done }),
      );
      saveFile(file);
      setStatus({ kind: 'done', file: file.fileName });
    } catch (error) {
      setStatus({ kind: 'error', reason: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <section className="export-panel" aria-labelledby={`${ids}-h`}>
      <h2 className="panel-title" id={`${ids}-h`}>
        {t('export.heading')}
      </h2>
      <p className="muted">{t('export.intro')}</p>
      <label className="export-check">
        <input
          type="checkbox"
          checked={authors}
          onChange={(e) => setAuthors(e.target.checked)}
          data-testid="export-authors"
        />
        <span>{t('export.authors')}</span>
      </label>
      <div className="export-field">
        <label htmlFor={`${ids}-license`}>{t('export.license')}</label>
        <input
          id={`${ids}-license`}
          type="text"
          value={license}
          maxLength={200}
          placeholder={t('export.licensePlaceholder')}
          onChange={(e) => setLicense(e.target.value)}
        />
      </div>
      <ul className="export-formats">
        {FORMATS.map(({ format, label, hint }) => (
          <li key={format}>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void run(format)}
              data-export={format}
            >
              {t(label)}
            </button>
            <span className="muted">{t(hint)}</span>
          </li>
        ))}
      </ul>
      <div aria-live="polite" className="export-status">
        {status.kind === 'busy' && (
          <>
            <progress max={1} value={status.done} />{' '}
            {status.format === 'pdf' &&
              t('export.busy', { percent: Math.round(status.done * 100) })}
          </>
        )}
        {status.kind === 'done' && t('export.done', { file: status.file })}
        {status.kind === 'error' && (
          <span className="error">{t('export.failed', { reason: status.reason })}</span>
        )}
      </div>
      {editor.role === 'facilitator' && !editor.readOnly && (
        <>
          <h2 className="panel-title">{t('import.heading')}</h2>
          <p className="muted">{t('import.intro')}</p>
          <button
            type="button"
            className="button"
            onClick={() => setImporting(true)}
            data-testid="import-open"
          >
            {t('import.open')}
          </button>
        </>
      )}
      {importing && <ImportDialog editor={editor} onClose={() => setImporting(false)} />}
    </section>
  );
}
