// The servers under test, each started as its own process the way people run
// it: Pinnwand exactly as in production (node server/dist/main.js), the peers
// from npm through the small launchers in ../peers/. Every one can be killed
// and restarted on the same data folder.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiRoute, apiPath } from '@pinnwand/shared/protocol/http';
import { createWorkshopViaApi } from '../../harness/api.ts';
import { clientDist, serverEntry } from '../../harness/paths.ts';
import { startPinnwand } from '../../harness/pinnwandProcess.ts';
import { BenchClient, type RoomRef } from './client.ts';

const peersDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../peers');

export type ServerId =
  | 'pinnwand'
  | 'pinnwand-normal'
  | 'ywss'
  | 'ywss-leveldb'
  | 'hocuspocus'
  | 'hocuspocus-noflush';

export interface ServerKind {
  id: ServerId;
  label: string;
  persistence: string;
  protocol: RoomRef['protocol'];
}

export const SERVER_KINDS: Record<ServerId, ServerKind> = {
  pinnwand: {
    id: 'pinnwand',
    label: 'Pinnwand',
    persistence: 'SQLite (WAL), every update committed before relay (group commit)',
    protocol: 'y-websocket',
  },
  'pinnwand-normal': {
    id: 'pinnwand-normal',
    label: 'Pinnwand, SQLITE_SYNCHRONOUS=NORMAL',
    persistence:
      'as above, but WAL without fsync at each commit: survives kill -9 (the write reached the OS before relay), not a power cut',
    protocol: 'y-websocket',
  },
  ywss: {
    id: 'ywss',
    label: '@y/websocket-server 0.1.1',
    persistence: 'none (memory only)',
    protocol: 'y-websocket',
  },
  'ywss-leveldb': {
    id: 'ywss-leveldb',
    label: '@y/websocket-server 0.1.1 + LevelDB',
    persistence: 'y-leveldb (YPERSISTENCE), written after broadcast through a promise queue',
    protocol: 'y-websocket',
  },
  hocuspocus: {
    id: 'hocuspocus',
    label: 'Hocuspocus 4.7.0 + SQLite',
    persistence: 'extension-sqlite on a file: whole document after 2 s idle, at most every 10 s',
    protocol: 'hocuspocus',
  },
  'hocuspocus-noflush': {
    id: 'hocuspocus-noflush',
    label: 'Hocuspocus 4.7.0 + SQLite, flushDelay false',
    persistence: 'extension-sqlite on a file (as above); no merging of relayed updates',
    protocol: 'hocuspocus',
  },
};

export interface EventLoopDelay {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface RunningServer {
  kind: ServerKind;
  pid: number;
  port: number;
  dataDir: string;
  /** A fresh room; Pinnwand: a workshop from the API, joined as a participant (or facilitator). */
  createRoom(name: string, role?: 'participant' | 'facilitator'): Promise<RoomRef>;
  /** Resets the event-loop delay histogram (null when the server has no way to report it). */
  eventLoopReset(): Promise<void>;
  eventLoop(): Promise<EventLoopDelay | null>;
  /** Prometheus text of /metrics (Pinnwand only). */
  metrics?(): Promise<string | null>;
  stop(signal?: NodeJS.Signals): Promise<void>;
  output(): string;
}

export function newDataDir(prefix = 'pinnwand-bench-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function dirSizeBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) total += dirSizeBytes(p);
    else if (entry.isFile()) total += statSync(p).size;
  }
  return total;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** `pinnwandEnv` adds configuration for Pinnwand (ignored by the peers). */
export async function startServer(
  id: ServerId,
  dataDir: string,
  pinnwandEnv: Record<string, string> = {},
  /** Pinnwand only: options for node before the script (bench/profile.ts: --cpu-prof). */
  nodeArgs: string[] = [],
): Promise<RunningServer> {
  if (id === 'pinnwand') return startPinnwandServer(dataDir, id, pinnwandEnv, nodeArgs);
  if (id === 'pinnwand-normal')
    return startPinnwandServer(
      dataDir,
      id,
      { ...pinnwandEnv, SQLITE_SYNCHRONOUS: 'NORMAL' },
      nodeArgs,
    );
  return startPeer(id, dataDir);
}

/**
 * Other work in this tree may be rebuilding server/dist or client/dist right
 * now (a build empties the folder first): wait for both to be there.
 */
export async function waitForBuild(timeoutMs = 180_000): Promise<void> {
  const t0 = Date.now();
  const ready = () => existsSync(serverEntry) && existsSync(path.join(clientDist, 'index.html'));
  while (!ready()) {
    if (Date.now() - t0 > timeoutMs)
      throw new Error('server/dist or client/dist missing: pnpm build');
    await new Promise((r) => setTimeout(r, 500));
  }
  await new Promise((r) => setTimeout(r, 200));
}

async function startPinnwandServer(
  dataDir: string,
  id: 'pinnwand' | 'pinnwand-normal',
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<RunningServer> {
  // Production start; only the API's workshop-creation rate limit is raised,
  // because every round creates fresh rooms (20 at a time in one scenario).
  await waitForBuild();
  const p = await startPinnwand({
    dataDir,
    env: { WORKSHOP_CREATES_PER_MINUTE: '100000', SQLITE_SYNCHRONOUS: 'FULL', ...env },
    nodeArgs,
  });
  const base = p.url;
  const metric = (text: string, name: string): number | null => {
    const m = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.eE+-]+)$`, 'm').exec(text);
    return m ? Number(m[1]) : null;
  };
  const metrics = async (): Promise<string | null> => {
    try {
      const res = await fetch(`${base}/metrics`);
      return res.ok ? await res.text() : null;
    } catch {
      return null;
    }
  };
  return {
    kind: SERVER_KINDS[id],
    pid: p.child.pid!,
    port: p.port,
    dataDir,
    async createRoom(name, role = 'participant') {
      const body = await createWorkshopViaApi(base, 'blank', name);
      const token = role === 'facilitator' ? body.facilitatorToken : body.participantToken;
      const room: RoomRef = {
        url: `ws://127.0.0.1:${p.port}/ws/${body.id}?token=${encodeURIComponent(token)}`,
        docName: body.id,
        token,
        protocol: 'y-websocket',
        // Issued with the facilitator's link, which the per-minute limit on
        // participant links does not slow down.
        identity: {
          url: `${base}${apiPath(ApiRoute.identities, { id: body.id })}`,
          token: body.facilitatorToken,
        },
      };
      return { ...room, boardId: await firstBoardId(room) };
    },
    metrics,
    async eventLoopReset() {
      await metrics(); // prom-client resets its event-loop histogram on every scrape
    },
    async eventLoop() {
      const text = await metrics();
      if (!text) return null;
      const p50 = metric(text, 'nodejs_eventloop_lag_p50_seconds');
      const p99 = metric(text, 'nodejs_eventloop_lag_p99_seconds');
      const max = metric(text, 'nodejs_eventloop_lag_max_seconds');
      if (p99 === null) return null;
      return { p50Ms: (p50 ?? 0) * 1000, p99Ms: p99 * 1000, maxMs: (max ?? 0) * 1000 };
    },
    async stop(signal = 'SIGTERM') {
      await p.stop(signal);
    },
    output: p.output,
  };
}

async function startPeer(
  id: Exclude<ServerId, 'pinnwand'>,
  dataDir: string,
): Promise<RunningServer> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), PORT: '0' };
  let script = 'ywss.mjs';
  if (id === 'ywss-leveldb') {
    mkdirSync(path.join(dataDir, 'leveldb'), { recursive: true });
    env.YPERSISTENCE = path.join(dataDir, 'leveldb');
  } else if (id === 'hocuspocus' || id === 'hocuspocus-noflush') {
    script = 'hocuspocus.mjs';
    env.HOCUS_DB = path.join(dataDir, 'hocuspocus.sqlite');
    if (id === 'hocuspocus-noflush') env.FLUSH_DELAY = 'false';
  }
  const child: ChildProcess = spawn(process.execPath, [path.join(peersDir, script)], {
    env,
    cwd: peersDir,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let log = '';
  child.stdout?.on('data', (c: Buffer) => {
    log += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    log += c.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${id} did not start:\n${log}`)), 20_000);
    const onData = () => {
      const m = /peer listening on (\d+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${id} exited with ${code}:\n${log}`));
    });
  });
  const ask = <T>(type: string): Promise<T | null> =>
    new Promise((resolve) => {
      if (!child.connected) return resolve(null);
      const timer = setTimeout(() => resolve(null), 5000);
      const onMsg = (msg: { type?: string }) => {
        if (msg?.type !== type) return;
        clearTimeout(timer);
        child.off('message', onMsg);
        resolve(msg as T);
      };
      child.on('message', onMsg);
      child.send({ type });
    });
  const protocol = SERVER_KINDS[id].protocol;
  return {
    kind: SERVER_KINDS[id],
    pid: child.pid!,
    port,
    dataDir,
    async createRoom(name) {
      return {
        url:
          protocol === 'hocuspocus'
            ? `ws://127.0.0.1:${port}/${encodeURIComponent(name)}`
            : `ws://127.0.0.1:${port}/${encodeURIComponent(name)}`,
        docName: name,
        token: 'bench',
        protocol,
      };
    },
    async eventLoopReset() {
      await ask('eld-reset');
    },
    async eventLoop() {
      const r = await ask<EventLoopDelay>('eld');
      return r ? { p50Ms: r.p50Ms, p99Ms: r.p99Ms, maxMs: r.maxMs } : null;
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
    output: () => log,
  };
}

/** The id of a new workshop's (only) board, read the way any client reads it. */
async function firstBoardId(room: RoomRef): Promise<string> {
  const reader = new BenchClient({ ...room, identity: undefined }, -1, {}, true);
  await reader.connect();
  const id = [...reader.doc.getMap('boards').keys()][0];
  reader.close();
  if (!id) throw new Error(`workshop ${room.docName} has no board`);
  return id;
}
