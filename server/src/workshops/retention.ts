/**
 * Optional retention (RETENTION_DAYS): workshops whose last stored update is
 * older than that many days are deleted — once at start and then once a day.
 * The clock is injected so tests can move time forward.
 */
import type { Logger } from 'pino';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionDeps {
  days: number;
  now: () => number;
  /** Ids of workshops whose last update is older than `cutoff`. */
  idleSince(cutoff: number): Promise<string[]>;
  /** Whether a workshop is in use right now (connections, here or at another process): such a one is kept. */
  inUse(id: string): boolean | Promise<boolean>;
  deleteWorkshop(id: string): Promise<boolean>;
  logger: Logger;
}

/** One sweep; resolves to the ids it deleted. */
export async function sweepRetention(deps: RetentionDeps): Promise<string[]> {
  if (deps.days <= 0) return [];
  const cutoff = deps.now() - deps.days * DAY_MS;
  const deleted: string[] = [];
  for (const id of await deps.idleSince(cutoff)) {
    try {
      if (await deps.inUse(id)) continue;
      if (await deps.deleteWorkshop(id)) deleted.push(id);
    } catch (err) {
      deps.logger.error({ err, workshop: id }, 'retention: deleting a workshop failed');
    }
  }
  if (deleted.length > 0) {
    deps.logger.info({ deleted: deleted.length, days: deps.days }, 'retention: workshops deleted');
  }
  return deleted;
}

/** Runs `sweep` now and every day after (when `days` > 0); returns a function that stops it. */
export function startRetention(
  days: number,
  sweep: () => Promise<unknown>,
  logger: Logger,
): () => void {
  if (days <= 0) return () => {};
  const run = () => {
    sweep().catch((err: unknown) => logger.error({ err }, 'retention sweep failed'));
  };
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
