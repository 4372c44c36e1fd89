import { useT } from '../i18n/I18nProvider.tsx';
import { useStore } from '../ui/store.ts';
import type { Connection } from './connection.ts';
import { keepsChangesLocally } from './connectionStatus.ts';

/** Always-visible connection state; announces changes politely to screen readers. */
export function ConnectionBadge({ connection }: { connection: Connection }) {
  const t = useT();
  const status = useStore(connection.status);
  return (
    <div className={`connection connection-${status}`} role="status" data-status={status}>
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-label">{t(`status.${status}`)}</span>
      {keepsChangesLocally(status) && (
        // Said in full over the board (board/ConnectionBanner.tsx); here only for
        // screen readers, so the header never wraps to a taller one and moves the board.
        <span className="visually-hidden">{t('status.keptLocally')}</span>
      )}
    </div>
  );
}
