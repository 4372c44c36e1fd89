/**
 * A document stored in an older format is migrated where it is first built
 * from storage (Room.onDocumentBuilt) — the only place that migrates (clients
 * just check the format). The steps run as one server change: stored, then
 * relayed to everyone like any other update.
 */

import { documentFormat, type OpenOptions, openDocument } from '@pinnwand/shared/model/migrations';
import { MIGRATION_ORIGIN } from '@pinnwand/shared/model/origin';
import type { Logger } from 'pino';
import type * as Y from 'yjs';

export function migrateOnBuild(
  doc: Y.Doc,
  roomId: string,
  applyServerChange: (fn: (doc: Y.Doc) => void, origin: unknown) => Promise<void>,
  logger: Logger,
  /** Tests only: migrations other than the released ones. */
  migrations?: OpenOptions,
): void {
  const format = documentFormat(doc, migrations);
  if (format.kind !== 'older') return;
  applyServerChange((d) => {
    const result = openDocument(d, migrations);
    if (result.readOnly) logger.error({ room: roomId, reason: result.reason }, 'migration failed');
    else
      logger.info(
        { room: roomId, from: format.stored, migrated: result.migrated },
        'document migrated',
      );
  }, MIGRATION_ORIGIN).catch((err: unknown) =>
    logger.error({ err, room: roomId }, 'migration not stored'),
  );
}
