// Starts the real built server (server/dist/main.js) as a child process on a
// free loopback port with its own temporary DATA_DIR, exactly as `pnpm start`
// runs it. Tests can kill it (SIGKILL, SIGTERM) and start it again on the same
// data folder.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clientDist, serverEntry } from './paths.ts';

export interface PinnwandProcess {
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  /** Everything the server printed, for failure reports. */
  output(): string;
  /** Sends a signal and waits for the process to exit; resolves to its exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface StartOptions {
  dataDir?: string;
  port?: number;
  env?: Record<string, string>;
  /** How long to wait for "running at" (a busy machine restarting several servers needs longer). */
  startTimeoutMs?: number;
  /** Options for node before the script (the profiler's --cpu-prof). */
  nodeArgs?: string[];
}

export function makeDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'pinnwand-e2e-'));
}

export async function startPinnwand(options: StartOptions = {}): Promise<PinnwandProcess> {
  if (!existsSync(serverEntry) || !existsSync(path.join(clientDist, 'index.html'))) {
    throw new Error('Build first: pnpm build (server/dist and client/dist are missing)');
  }
  const dataDir = options.dataDir ?? makeDataDir();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), serverEntry], {
    env: {
      ...process.env,
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start:\n${log}`)),
      options.startTimeoutMs ?? 20_000,
    );
    const onData = () => {
      const match = /running at (http:\/\/[\d.]+:\d+)/.exec(log);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it started:\n${log}`));
    });
  });

  return {
    url,
    port: Number(new URL(url).port),
    dataDir,
    child,
    output: () => log,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export function removeDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
}
