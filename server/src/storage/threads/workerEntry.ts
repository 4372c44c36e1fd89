/**
 * Where a worker thread's code is. From the sources (tests, `pnpm dev`) the
 * worker is the .ts file, loaded through tsx (tsxWorker.mjs); in a bundle (`pnpm build`:
 * dist/main.js, the test child-server bundle) each worker is a bundle of its
 * own beside the main one (server/scripts/build.mjs), named after it here.
 */
import path from 'node:path';

/** The worker entry points, by their bundle name. */
const SOURCES = {
  sqliteWorker: '../sqlite/sqliteWorker.ts',
  compactionWorker: './compactionWorker.ts',
  checkpointWorker: '../sqlite/checkpointWorker.ts',
  exportWorker: '../../http/exportWorker.ts',
} as const;

export type WorkerName = keyof typeof SOURCES;
export const WORKER_NAMES = Object.keys(SOURCES) as WorkerName[];

export interface WorkerEntry {
  url: URL;
  /** The worker's `process.argv` after the script. */
  argv: string[];
}

export function workerEntry(name: WorkerName): WorkerEntry {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    return {
      url: new URL('./tsxWorker.mjs', here),
      argv: [new URL(SOURCES[name], here).href],
    };
  }
  // Bundled: this code is inside the main bundle; the worker bundles sit beside it.
  const ext = path.extname(new URL(here).pathname);
  return { url: new URL(`./${name}${ext}`, here), argv: [] };
}
