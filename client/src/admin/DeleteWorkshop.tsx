// "Workshop löschen" for facilitators: a guarded action at the end of the
// invitation panel. The dialog asks to type the workshop's title before the
// button deletes anything; afterwards the workshop is forgotten on this device
// and the landing page opens.
import { useId, useState } from 'react';
import type { Editor } from '../editor/Editor.ts';
import { useMeta } from '../model/useDoc.ts';
import { navigate } from '../routing/useRoute.ts';
import { rememberedSession, rememberedToken } from '../session/remembered.ts';
import { deleteWorkshopOnServer } from './api.ts';
import { forgetWorkshop } from './forget.ts';
import { useAdminT } from './messages.ts';

export function DeleteWorkshop({ editor }: { editor: Editor }) {
  const t = useAdminT();
  const [open, setOpen] = useState(false);
  if (editor.role !== 'facilitator') return null;
  return (
    <section className="admin-delete" aria-labelledby="admin-delete-h">
      <h3 id="admin-delete-h">{t('admin.delete.heading')}</h3>
      <p className="muted">{t('admin.delete.intro')}</p>
      <button type="button" className="button danger" onClick={() => setOpen(true)}>
        {t('admin.delete.open')}
      </button>
      {open && <DeleteDialog editor={editor} onClose={() => setOpen(false)} />}
    </section>
  );
}

function DeleteDialog({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const t = useAdminT();
  const inputId = useId();
  const { meta } = useMeta(editor.index);
  const title = meta?.title || rememberedSession(editor.workshopId)?.title || editor.workshopId;
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const matches = typed.trim() === title.trim();

  const remove = async () => {
    const token = rememberedToken(editor.workshopId);
    if (!token || !matches) return;
    setBusy(true);
    setError(null);
    try {
      await deleteWorkshopOnServer(editor.workshopId, token);
    } catch (err) {
      setBusy(false);
      setError(t('admin.delete.failed', { reason: err instanceof Error ? err.message : '?' }));
      return;
    }
    const id = editor.workshopId;
    // Leave the board first: its IndexedDB connection closes, then the database goes.
    navigate('/');
    void forgetWorkshop(id);
  };

  return (
    <div className="dialog-backdrop">
      <form
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${inputId}-h`}
        onSubmit={(e) => {
          e.preventDefault();
          void remove();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !busy) onClose();
        }}
      >
        <h2 id={`${inputId}-h`}>{t('admin.delete.title', { title })}</h2>
        <p>{t('admin.delete.warning')}</p>
        <label htmlFor={inputId}>{t('admin.delete.typeTitle', { title })}</label>
        <input
          id={inputId}
          data-testid="delete-confirm-title"
          autoComplete="off"
          value={typed}
          disabled={busy}
          // biome-ignore lint/a11y/noAutofocus: the dialog's first field
          autoFocus
          onChange={(e) => setTyped(e.target.value)}
        />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" disabled={busy} onClick={onClose}>
            {t('admin.delete.cancel')}
          </button>
          <button type="submit" className="button danger" disabled={!matches || busy}>
            {busy ? t('admin.delete.busy') : t('admin.delete.confirm')}
          </button>
        </div>
      </form>
    </div>
  );
}
