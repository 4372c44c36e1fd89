// "Workshop löschen" for facilitators: a guarded action at the end of the
// invitation panel. The dialog asks to type the workshop's title before the
// button deletes anything; afterwards the workshop is forgotten on this device
// and the landing page opens.
import { useId, useState } from 'react';
import { deleteWorkshop } from '../api/httpApi.ts';
import type { Editor } from '../editor/Editor.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useMeta } from '../model/useDoc.ts';
import { navigate } from '../routing/useRoute.ts';
import { rememberedSession, rememberedToken } from '../session/remembered.ts';
import { ConfirmActions } from '../ui/ConfirmActions.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { forgetWorkshop } from './forget.ts';
import { adminMessages } from './messages.ts';

export function DeleteWorkshop({ editor }: { editor: Editor }) {
  const t = useT(adminMessages);
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
  const t = useT(adminMessages);
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
    const result = await deleteWorkshop(editor.workshopId, token);
    if (!result.ok) {
      setBusy(false);
      setError(t('admin.delete.failed', { reason: result.message }));
      return;
    }
    const id = editor.workshopId;
    // Leave the board first: its IndexedDB connection closes, then the database goes.
    navigate('/');
    void forgetWorkshop(id);
  };

  return (
    <Dialog
      title={t('admin.delete.title', { title })}
      alert
      dismissible={!busy}
      onClose={onClose}
      onSubmit={() => void remove()}
    >
      <p>{t('admin.delete.warning')}</p>
      <label htmlFor={inputId}>{t('admin.delete.typeTitle', { title })}</label>
      <input
        id={inputId}
        data-testid="delete-confirm-title"
        autoComplete="off"
        value={typed}
        disabled={busy}
        onChange={(e) => setTyped(e.target.value)}
      />
      <ConfirmActions
        error={error}
        busy={busy}
        cancelLabel={t('admin.delete.cancel')}
        confirmLabel={t('admin.delete.confirm')}
        busyLabel={t('admin.delete.busy')}
        confirmDisabled={!matches}
        onCancel={onClose}
      />
    </Dialog>
  );
}
