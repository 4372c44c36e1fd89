// The "Export & import" side panel: the documentation formats with their
// options, progress while a PDF builds, and (for facilitators) the workshop's
// cover details and the import dialog. Its buttons run the export commands (exportCommands.ts); every
// download is made from the live document with the shared serialisers, so it
// equals what GET /api/workshops/<id>/export.* serves.
import { lazy, Suspense, useId } from 'react';
import type { Editor } from '../editor/Editor.ts';
import { useStore } from '../ui/store.ts';
import { CoverSettings } from './CoverSettings.tsx';
import type { ExportFormat } from './exportState.ts';
import { exchangeMessages, type XKey } from './messages.ts';
import './export.css';
import { useT } from '../i18n/I18nProvider.tsx';

// The import dialog (parsers, preview) is loaded when it is first opened.
const ImportDialog = lazy(() =>
  import('../import/ImportDialog.tsx').then((m) => ({ default: m.ImportDialog })),
);

const FORMATS: { format: ExportFormat; label: XKey; hint: XKey }[] = [
  { format: 'pdf', label: 'export.pdf', hint: 'export.pdf.hint' },
  { format: 'md', label: 'export.md', hint: 'export.md.hint' },
  { format: 'csv', label: 'export.csv', hint: 'export.csv.hint' },
  { format: 'json', label: 'export.json', hint: 'export.json.hint' },
  { format: 'json-anonymous', label: 'export.jsonAnonymous', hint: 'export.jsonAnonymous.hint' },
  { format: 'png', label: 'export.png', hint: 'export.png.hint' },
];

export function ExportPanel({ editor }: { editor: Editor }) {
  const t = useT(exchangeMessages);
  const ids = useId();
  const state = editor.exports;
  const authors = useStore(state.authors);
  const status = useStore(state.status);
  const importing = useStore(state.importing);
  const busy = status.kind === 'busy';
  // Only a facilitator's backup carries the authors' names (runExport; the server
  // drops them for any other token), so everyone else is offered the backup as
  // what they get: one without names.
  const formats = FORMATS.filter(
    ({ format }) => format !== 'json' || editor.role === 'facilitator',
  );

  return (
    <section className="export-panel" aria-labelledby={`${ids}-h`}>
      <h2 className="panel-title" id={`${ids}-h`}>
        {t('export.heading')}
      </h2>
      <p className="muted">{t('export.intro')}</p>
      {editor.role === 'facilitator' && (
        <label className="export-check">
          <input
            type="checkbox"
            checked={authors}
            onChange={(e) => state.authors.set(e.target.checked)}
            data-testid="export-authors"
          />
          <span>{t('export.authors')}</span>
        </label>
      )}
      <ul className="export-formats">
        {formats.map(({ format, label, hint }) => (
          <li key={format}>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => editor.commands.run(editor, `export.${format}`)}
              data-export={format}
            >
              <span className="export-format-name">{t(label)}</span>
              <span className="export-format-hint">{t(hint)}</span>
            </button>
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
      {editor.role === 'facilitator' && !editor.readOnly && <CoverSettings editor={editor} />}
      {editor.role === 'facilitator' && !editor.readOnly && (
        <>
          <h2 className="panel-title">{t('import.heading')}</h2>
          <p className="muted">{t('import.intro')}</p>
          <button
            type="button"
            className="button"
            onClick={() => editor.commands.run(editor, 'import.open')}
            data-testid="import-open"
          >
            {t('import.open')}
          </button>
        </>
      )}
      {importing && (
        <Suspense fallback={null}>
          <ImportDialog editor={editor} onClose={() => state.importing.set(false)} />
        </Suspense>
      )}
    </section>
  );
}
