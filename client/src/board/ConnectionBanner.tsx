// The connection lost, said over the board's top in full ("Offline – Ihre
// Änderungen werden auf diesem Gerät gespeichert."). The header's badge keeps
// only its dot and short label, so it never grows the header and moves the
// board; it stays the live region a screen reader hears, hence aria-hidden here.
import { useT } from '../i18n/I18nProvider.tsx';
import type { Connection } from '../sync/connection.ts';
import { keepsChangesLocally } from '../sync/connectionStatus.ts';
import { useStore } from '../ui/store.ts';

export function ConnectionBanner({ connection }: { connection: Connection }) {
  const t = useT();
  const status = useStore(connection.status);
  if (!keepsChangesLocally(status)) return null;
  return (
    <p className="connection-banner" aria-hidden="true" data-status={status}>
      <span className="connection-dot" />
      <strong>{t(`status.${status}`)}</strong> {t('status.keptLocally')}
    </p>
  );
}
