/**
 * The connection pool of a PostgresStorage and its transactions. Bounded, with
 * timeouts on every query and on idle transactions, so that a database that
 * hangs or a paused owner never stalls the commit pipeline or keeps its row
 * locks past its lease; `error` events of idle connections are logged, never
 * thrown (the next query reconnects).
 */
import pg from 'pg';
import type { Logger } from 'pino';
import type { Queryable } from './roomLeases.ts';

export interface PoolOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /** Most connections this process opens. */
  poolSize?: number;
  /** The lease length: no transaction may sit idle longer while holding locks. */
  leaseMs: number;
  logger?: Logger;
}

export function openPool(options: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    application_name: 'pinnwand',
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    // A query that hangs (network gone) must not stall the commit pipeline for ever.
    query_timeout: 15_000,
    statement_timeout: 15_000,
    lock_timeout: 10_000,
    // A paused or cut-off owner must not keep its row locks past its lease.
    idle_in_transaction_session_timeout: Math.max(1000, options.leaseMs),
  });
  // Errors of idle connections (the server went away) arrive here; without a
  // listener they would crash the process. The next query reconnects.
  pool.on('error', (err) => options.logger?.warn({ err }, 'idle database connection failed'));
  return pool;
}

/** Runs `fn` in one transaction on a connection of its own; rolled back if it throws. */
export async function transaction<T>(pool: pg.Pool, fn: (db: Queryable) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // A checked-out connection that breaks between two queries emits `error`; the query fails anyway.
  const ignore = () => {};
  client.on('error', ignore);
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackErr: Error) => {
      broken = rollbackErr;
    });
    throw err;
  } finally {
    client.off('error', ignore);
    client.release(broken);
  }
}
