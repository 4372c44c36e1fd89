// Runs the server as a child process, so tests can kill it with SIGKILL or
// SIGTERM and start it again on the same data. The sources are bundled once
// with esbuild (as `pnpm build` does) instead of `node --import tsx`, which
// would transpile everything again at every start: seconds on a busy machine.
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { serverEntryPoints } from '../../scripts/entryPoints.mjs';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Inside node_modules so that the bundle resolves the npm packages it leaves external;
// the worker threads' bundles beside the main one, as in dist/.
const bundleDir = path.join(serverDir, 'node_modules', '.pinnwand-test', String(process.pid));
const bundle = path.join(bundleDir, 'main.mjs');
let built: Promise<void> | null = null;

function buildOnce(): Promise<void> {
  built ??= build({
    entryPoints: Object.fromEntries(
      Object.entries(serverEntryPoints).map(([name, file]) => [name, path.join(serverDir, file)]),
    ),
    outdir: bundleDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    plugins: [
      {
        name: 'externalize-npm-packages',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@pinnwand/') ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  }).then(() => undefined);
  return built;
}

/** Removes the bundle (call in afterAll). */
export function removeChildServerBundle(): void {
  rmSync(bundleDir, { recursive: true, force: true });
  built = null;
}

export interface ChildServer {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  /** Sends the signal and resolves with the exit code (null when killed by a signal). */
  stop(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function startChildServer(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<ChildServer> {
  await buildOnce();
  const child = spawn(process.execPath, [bundle], {
    cwd: serverDir,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...env,
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
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 60_000);
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
    child,
    output: () => log,
    stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
