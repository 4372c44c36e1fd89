// All configuration comes from the environment, read here and nowhere else, so
// that tests can build a Config by hand and run several servers in one process.
import path from 'node:path';

export interface Config {
  /** TCP port for UI, HTTP API and websocket; 0 picks a free one (tests). */
  port: number;
  /** Interface to bind; 127.0.0.1 keeps the server private to this machine. */
  host: string;
  /** Folder holding the SQLite database; created if missing. */
  dataDir: string;
  /** Folder with the built client (index.html and assets). */
  clientDir: string;
  /** Base URL printed and used in the links the API returns; derived from host/port when empty. */
  publicUrl: string;
  /** pino level: fatal, error, warn, info, debug, trace, silent. */
  logLevel: string;
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

export function configFromEnv(env: NodeJS.ProcessEnv, defaultClientDir: string): Config {
  return {
    port: intFrom(env, 'PORT', 8080),
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR || './data'),
    clientDir: path.resolve(env.CLIENT_DIR || defaultClientDir),
    publicUrl: env.PUBLIC_URL || '',
    logLevel: env.LOG_LEVEL || 'info',
  };
}
