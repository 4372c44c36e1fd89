// Import dialog: paste or upload, choose the format (guessed from the file)
// and the target board, see a preview (how many notes, which groups), then
// commit. Parsing is validation: a broken file shows its message (naming the
// line or field) and nothing is written. Commit is one transaction with this
// person's origin, so one undo takes the whole import back.
import type { ImportTarget } from '@pinnwand/shared/import/applyImport';
import { guessImportFormat, parseImport } from '@pinnwand/shared/import/importFile';
import {
  IMPORT_FORMATS,
  type ImportFormat,
  previewImport,
} from '@pinnwand/shared/import/importPlan';
import type { BoardId } from '@pinnwand/shared/model/ids';
import { useId, useMemo, useRef, useState } from 'react';
import { restoreWorkshop } from '../api/httpApi.ts';
import type { Editor } from '../editor/Editor.ts';
import { exchangeMessages } from '../export/messages.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { message } from '../i18n/messages.ts';
import { useBoards } from '../model/useDoc.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { useStore } from '../ui/store.ts';

const WORKSHOP = '__workshop__';

export function ImportDialog({ editor, onClose }: { editor: Editor; onClose(): void }) {
  const t = useT(exchangeMessages);
  const ids = useId();
  const boards = useBoards(editor.index);
  const current = useStore(editor.boardId);
  const [text, setText] = useState('');
  const [format, setFormat] = useState<ImportFormat>('text');
  // Until the person picks a format, it follows what the text looks like.
  const [formatChosen, setFormatChosen] = useState(false);
  const [target, setTarget] = useState<string>(current ?? WORKSHOP);
  const [done, setDone] = useState<number | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);
  const [restored, setRestored] = useState<{ title: string; url: string } | null>(null);
  const first = useRef<HTMLTextAreaElement>(null);

  const parsed = useMemo(() => (text.trim() ? parseImport(format, text) : null), [format, text]);
  const preview = parsed?.ok ? previewImport(parsed.plan) : null;

  async function onFile(file: File) {
    const content = await file.text();
    setFormat(guessImportFormat(file.name, content));
    setText(content);
    setDone(null);
  }

  /**
   * A backup can also become a new workshop of its own (server side, exact ids
   * and votes), titled "… (wiederhergestellt)". It never replaces the workshop
   * open here: the facilitator opens it in a new tab, or switches on purpose.
   */
  async function restoreAsNewWorkshop() {
    setRestoring(t('import.restoring'));
    setRestored(null);
    const result = await restoreWorkshop(text);
    if (result.ok) {
      setRestoring(null);
      setRestored({ title: result.value.title, url: result.value.urls.facilitator });
    } else setRestoring(t('import.restoreFailed', { reason: result.message }));
  }

  function commit() {
    if (!parsed?.ok) return;
    const to: ImportTarget =
      target === WORKSHOP ? { kind: 'workshop' } : { kind: 'board', boardId: target as BoardId };
    if (!editor.commands.run(editor, 'import.apply', { plan: parsed.plan, target: to })) return;
    setDone(previewImport(parsed.plan).notes);
    setText('');
    // Done: the dialog closes and the board says how many notes arrived.
    editor.notices.say(
      message(exchangeMessages, 'import.done', { count: previewImport(parsed.plan).notes }),
    );
    onClose();
  }
  // A backup's first purpose is a restore as a workshop of its own; adding its
  // notes into this workshop (duplicates) is the secondary choice.
  const backup = format === 'json' && parsed?.ok === true;

  return (
    <Dialog
      title={t('import.dialog')}
      className="import-dialog"
      initialFocus={first}
      onClose={onClose}
    >
      <div className="export-field">
        <label htmlFor={`${ids}-file`}>{t('import.file')}</label>
        <input
          id={`${ids}-file`}
          type="file"
          accept=".txt,.csv,.md,.markdown,.json,text/*,application/json"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void onFile(file);
          }}
          data-testid="import-file"
        />
      </div>
      <div className="export-field">
        <label htmlFor={`${ids}-text`}>{t('import.paste')}</label>
        <textarea
          id={`${ids}-text`}
          ref={first}
          rows={8}
          value={text}
          placeholder={t('import.pastePlaceholder')}
          onChange={(e) => {
            setText(e.target.value);
            if (!formatChosen) setFormat(guessImportFormat('', e.target.value));
            setDone(null);
          }}
          data-testid="import-text"
        />
      </div>
      <div className="import-choices">
        <label className="export-field">
          {t('import.format')}
          <select
            value={format}
            onChange={(e) => {
              setFormat(e.target.value as ImportFormat);
              setFormatChosen(true);
            }}
            data-testid="import-format"
          >
            {IMPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`import.format.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="export-field">
          {t('import.target')}
          <select
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            data-testid="import-target"
          >
            {boards.map((b) => (
              <option key={b.id} value={b.id}>
                {t('import.target.board', { board: b.title })}
              </option>
            ))}
            <option value={WORKSHOP}>{t('import.target.workshop')}</option>
          </select>
        </label>
      </div>
      <section className="import-preview" aria-live="polite" data-testid="import-preview">
        <h3>{t('import.preview')}</h3>
        {!parsed && (
          <p className="muted">
            {done === null ? t('import.preview.empty') : t('import.done', { count: done })}
          </p>
        )}
        {parsed && !parsed.ok && (
          <p className="error" role="alert">
            {t('import.error', { message: parsed.error })}
          </p>
        )}
        {preview && (
          <>
            <p>
              <strong>{t('import.preview.notes', { count: preview.notes })}</strong>
            </p>
            <ul>
              {preview.boards.map((b) => (
                <li key={`${b.title}|${b.notes}|${b.clusters.map((c) => c.title).join('|')}`}>
                  {b.title
                    ? t('import.preview.board', { board: b.title, count: b.notes })
                    : t('import.preview.notes', { count: b.notes })}
                  {' — '}
                  {b.clusters.length > 0
                    ? t('import.preview.clusters', {
                        clusters: b.clusters.map((c) => `${c.title} (${c.notes})`).join(', '),
                      })
                    : t('import.preview.noClusters')}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {format === 'json' && parsed?.ok && (
        <div className="import-restore">
          <button
            type="button"
            className="button primary"
            onClick={() => void restoreAsNewWorkshop()}
            data-testid="import-restore"
          >
            {t('import.restore')}
          </button>
          <span className="muted" role="status">
            {restored
              ? t('import.restored', { title: restored.title })
              : (restoring ?? t('import.restoreHint'))}
          </span>
          {restored && (
            <span className="import-restored">
              <a
                className="button small primary"
                href={restored.url}
                target="_blank"
                rel="noopener noreferrer"
                data-testid="import-restored-open"
              >
                {t('import.restoredOpen')}
              </a>
              <button
                type="button"
                className="button small"
                onClick={() => window.location.assign(restored.url)}
                data-testid="import-restored-switch"
              >
                {t('import.restoredSwitch')}
              </button>
            </span>
          )}
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('import.cancel')}
        </button>
        <button
          type="button"
          className={backup ? 'button' : 'button primary'}
          disabled={!preview}
          onClick={commit}
          data-testid="import-commit"
        >
          {t('import.commit', { count: preview?.notes ?? 0 })}
        </button>
      </div>
    </Dialog>
  );
}
