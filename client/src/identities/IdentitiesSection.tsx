// "Teilnahme-Zugänge": the facilitator sees every participant identity the
// server issued (who it is by the names it wrote and shows, since when,
// connected or not, its notes and votes) and revokes one — a second key
// someone made to vote twice — behind a confirmation. Revoking takes back its
// votes and disconnects the device, which is told so (board/WorkshopPage.tsx).
import { useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react';
import { revokeIdentity } from '../api/httpApi.ts';
import type { Editor } from '../editor/Editor.ts';
import { useI18n, useT } from '../i18n/I18nProvider.tsx';
import type { Lang } from '../i18n/messages.ts';
import { useDocVersion } from '../model/useDoc.ts';
import { rememberedToken } from '../session/remembered.ts';
import { ConfirmActions } from '../ui/ConfirmActions.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { useStore } from '../ui/store.ts';
import { type IdentityRow, identityCounts, identityRows } from './identityRows.ts';
import { identityMessages } from './messages.ts';
import { useIdentities } from './useIdentities.ts';

function formatTime(at: number, lang: Lang): string {
  const date = new Date(at);
  const today = new Date().toDateString() === date.toDateString();
  return new Intl.DateTimeFormat(lang, {
    ...(today ? {} : { day: 'numeric', month: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

export function IdentitiesSection({ editor }: { editor: Editor }) {
  const t = useT(identityMessages);
  const { lang } = useI18n();
  const headingId = useId();
  const { state, reload } = useIdentities(editor);
  const docVersion = useDocVersion(editor.index);
  const peers = useSyncExternalStore(editor.presence.subscribe, editor.presence.peers);
  const me = useStore(editor.user);
  const [revoking, setRevoking] = useState<IdentityRow | null>(null);
  const [done, setDone] = useState<{ id: string; text: string } | null>(null);
  // Someone came or went: the server's connection counts are asked again.
  const presentIds = [...new Set(peers.map((p) => p.user.id))].sort().join(' ');
  // biome-ignore lint/correctness/useExhaustiveDependencies: presentIds is the trigger
  useEffect(() => {
    void reload();
  }, [presentIds, reload]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: docVersion stands for the notes read through the index
  const rows = useMemo(() => {
    if (state.kind !== 'ready') return [];
    // Who is here now first (the name they show today), then who was here earlier.
    const present = [
      { id: editor.userId, name: me.name },
      ...peers.map((p) => ({ id: p.user.id, name: p.user.name })),
      ...[...editor.seenNames].map(([id, name]) => ({ id, name })),
    ];
    return identityRows(state.list.identities, editor.index.allNotes(), present, editor.userId);
  }, [state, peers, me.name, docVersion, editor]);

  const counts = identityCounts(rows);

  // After a revocation the row's button is gone: focus stays on the row it was in.
  useEffect(() => {
    if (!done) return;
    document.querySelector<HTMLElement>(`[data-identity="${CSS.escape(done.id)}"]`)?.focus();
  }, [done]);

  const nameOf = (row: IdentityRow) =>
    row.names[0] ??
    `${t('identities.noName')} (${t('identities.code', { code: row.participantId.slice(0, 6) })})`;

  return (
    <section className="identities" aria-labelledby={headingId}>
      <h3 id={headingId} className="identities-heading">
        {t('identities.heading')}
      </h3>
      <p className="muted small">{t('identities.intro')}</p>
      {state.kind === 'loading' && <p className="muted">{t('identities.loading')}</p>}
      {state.kind === 'error' && (
        <p role="alert" className="error">
          {t('identities.error', { reason: state.reason })}{' '}
          <button type="button" className="link-button" onClick={() => void reload()}>
            {t('identities.retry')}
          </button>
        </p>
      )}
      {state.kind === 'ready' && (
        <>
          <p className="small">
            {counts.unnamed === 0
              ? t('identities.count', { count: counts.people, limit: state.list.limit })
              : t('identities.countUnnamed', {
                  count: counts.people,
                  unnamed: counts.unnamed,
                  limit: state.list.limit,
                })}
          </p>
          {rows.length === 0 ? (
            <p className="muted">{t('identities.empty')}</p>
          ) : (
            <ul className="identity-list">
              {rows.map((row) => (
                <li
                  key={row.participantId}
                  data-identity={row.participantId}
                  tabIndex={-1}
                  className={
                    row.revokedAt !== null
                      ? 'identity revoked'
                      : row.unnamed
                        ? 'identity unnamed'
                        : 'identity'
                  }
                >
                  <div className="identity-main">
                    <span className="identity-name">{nameOf(row)}</span>
                    {row.names.length > 1 && (
                      <span className="muted small">{` (${row.names.slice(1).join(', ')})`}</span>
                    )}
                    {row.own && <span className="muted small">{` ${t('identities.you')}`}</span>}
                  </div>
                  <div className="muted small">
                    {row.revokedAt !== null
                      ? t('identities.revokedAt', { time: formatTime(row.revokedAt, lang) })
                      : [
                          row.connected > 0
                            ? t('identities.connected')
                            : t('identities.notConnected'),
                          t('identities.issued', { time: formatTime(row.issuedAt, lang) }),
                          row.unnamed
                            ? t('identities.unnamedHint')
                            : t('identities.activity', { notes: row.notes, votes: row.votes }),
                        ].join(' · ')}
                  </div>
                  {row.sharesName && (
                    <div className="identity-warning small">{t('identities.sameName')}</div>
                  )}
                  {row.revokedAt === null && !row.own && (
                    <button
                      type="button"
                      className="button small danger"
                      aria-label={t('identities.revokeLabel', { name: nameOf(row) })}
                      onClick={() => setRevoking(row)}
                    >
                      {t('identities.revoke')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <p role="status" className="small">
        {done?.text ?? ''}
      </p>
      {revoking && (
        <RevokeDialog
          editor={editor}
          row={revoking}
          name={nameOf(revoking)}
          onClose={() => setRevoking(null)}
          onRevoked={async () => {
            const text = t('identities.revoked', { name: nameOf(revoking) });
            const id = revoking.participantId;
            setRevoking(null);
            await reload();
            setDone({ id, text });
          }}
        />
      )}
    </section>
  );
}

function RevokeDialog({
  editor,
  row,
  name,
  onClose,
  onRevoked,
}: {
  editor: Editor;
  row: IdentityRow;
  name: string;
  onClose(): void;
  onRevoked(): void;
}) {
  const t = useT(identityMessages);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const revoke = async () => {
    const token = rememberedToken(editor.workshopId);
    if (!token) return;
    setBusy(true);
    setError(null);
    const result = await revokeIdentity(editor.workshopId, token, row.participantId);
    if (!result.ok) {
      setBusy(false);
      setError(t('identities.revokeFailed', { reason: result.message }));
      return;
    }
    onRevoked();
  };
  return (
    <Dialog
      title={t('identities.revokeTitle', { name })}
      alert
      dismissible={!busy}
      onClose={onClose}
      onSubmit={() => void revoke()}
    >
      <p>
        {row.votes > 0 && `${t('identities.revokeVotes', { votes: row.votes })} `}
        {t('identities.revokeText')}
      </p>
      <ConfirmActions
        error={error}
        busy={busy}
        cancelLabel={t('identities.revokeCancel')}
        confirmLabel={t('identities.revokeConfirm')}
        busyLabel={t('identities.revokeBusy')}
        onCancel={onClose}
      />
    </Dialog>
  );
}
