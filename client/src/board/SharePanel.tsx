// Invitation links with copy buttons and a QR code for the projector.
import QRCode from 'qrcode';
import { useEffect, useId, useState } from 'react';
import { DeleteWorkshop } from '../admin/DeleteWorkshop.tsx';
import { adminMessages } from '../admin/messages.ts';
import { useInviteLinks } from '../admin/useInviteLinks.ts';
import type { Editor } from '../editor/Editor.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import type { InviteLinks } from '../session/remembered.ts';
import { Dialog } from '../ui/Dialog.tsx';

export function SharePanel({ editor }: { editor: Editor }) {
  const t = useT();
  const adminT = useT(adminMessages);
  const invites = useInviteLinks(editor.workshopId, editor.role === 'facilitator');
  const links: InviteLinks | null = invites.kind === 'ready' ? invites.links : null;
  const [qr, setQr] = useState<string | null>(null);
  const [projecting, setProjecting] = useState(false);
  const participant = links?.participant;
  useEffect(() => {
    if (!participant) return;
    let cancelled = false;
    QRCode.toDataURL(participant, { margin: 1, width: 480, errorCorrectionLevel: 'M' })
      .then((url) => {
        if (!cancelled) setQr(url);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [participant]);
  if (!links) {
    return (
      <section className="share" aria-labelledby="share-h">
        <h2 id="share-h" className="panel-title">
          {t('share.heading')}
        </h2>
        <p className="muted" aria-live="polite">
          {invites.kind === 'loading'
            ? adminT('admin.invites.loading')
            : invites.kind === 'error'
              ? adminT('admin.invites.error')
              : t('share.missing')}
        </p>
        <DeleteWorkshop editor={editor} />
      </section>
    );
  }
  return (
    <section className="share" aria-labelledby="share-h">
      <h2 id="share-h" className="panel-title">
        {t('share.heading')}
      </h2>
      <LinkField label={t('share.participant')} url={links.participant} name="participant" />
      {qr && (
        <figure className="qr">
          <img src={qr} alt={t('share.qrAlt')} width={240} height={240} />
          <figcaption>
            {t('share.qr')}{' '}
            <button type="button" className="link-button" onClick={() => setProjecting(true)}>
              {t('share.project')}
            </button>
          </figcaption>
        </figure>
      )}
      {qr && projecting && (
        <Dialog title={t('share.qr')} className="qr-projector" onClose={() => setProjecting(false)}>
          <img src={qr} alt={t('share.qrAlt')} />
          <p className="qr-url">{links.participant}</p>
          <div className="dialog-actions">
            <button type="button" className="button primary" onClick={() => setProjecting(false)}>
              {t('help.close')}
            </button>
          </div>
        </Dialog>
      )}
      <LinkField label={t('share.viewer')} url={links.viewer} name="viewer" />
      {editor.role === 'facilitator' && (
        <LinkField label={t('share.facilitator')} url={links.facilitator} name="facilitator" />
      )}
      <DeleteWorkshop editor={editor} />
    </section>
  );
}

function LinkField({ label, url, name }: { label: string; url: string; name: string }) {
  const t = useT();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      const input = document.getElementById(id) as HTMLInputElement | null;
      input?.select();
      document.execCommand('copy');
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <div className="link-field">
      <label htmlFor={id}>{label}</label>
      <div className="row">
        <input id={id} readOnly value={url} data-link={name} onFocus={(e) => e.target.select()} />
        <button type="button" className="button small" onClick={() => void copy()}>
          {copied ? t('share.copied') : t('share.copy')}
        </button>
      </div>
    </div>
  );
}
