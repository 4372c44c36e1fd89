// Runs Debian's HAProxy with the configuration the README documents
// (docs/haproxy.cfg): only its `bind` and `server` lines are replaced by a free
// loopback port and the test's Pinnwand processes; everything else — hashing,
// health checks, retries, timeouts — is tested exactly as documented. One
// addition that changes no behaviour: HAProxy logs each request (to its
// stdout, as soon as the backend answered), so a test or benchmark can see
// which process a reconnect landed on and how often it was retried.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './postgresCluster.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const documentedConfig = path.join(repoRoot, 'docs/haproxy.cfg');

export function haproxyBinary(): string {
  for (const candidate of ['/usr/sbin/haproxy', '/usr/local/sbin/haproxy', '/usr/bin/haproxy']) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('HAProxy is not installed (apt-get install haproxy; .ci/run does this)');
}

/** The documented configuration with our own listener and backends. */
export function configFor(
  port: number,
  servers: readonly { name: string; port: number }[],
): string {
  const lines = readFileSync(documentedConfig, 'utf8').split('\n');
  const out: string[] = [];
  let serversWritten = false;
  for (const line of lines) {
    if (/^\s*bind\s/.test(line)) {
      out.push(`  bind 127.0.0.1:${port}`);
    } else if (/^\s*server\s/.test(line)) {
      if (serversWritten) continue;
      serversWritten = true;
      for (const s of servers) out.push(`  server ${s.name} 127.0.0.1:${s.port}`);
    } else out.push(line);
    if (/^global\b/.test(line)) out.push('  log stdout format raw local0 info');
    if (/^defaults\b/.test(line)) out.push('  log global', '  option httplog', '  option logasap');
  }
  if (!serversWritten) throw new Error('docs/haproxy.cfg has no server lines');
  return out.join('\n');
}

export interface Haproxy {
  port: number;
  url: string;
  wsUrl: string;
  output(): string;
  /** When HAProxy marked this server down (Date.now() of the log line). */
  downAt(server: string): number[];
  stop(): Promise<void>;
}

export async function startHaproxy(
  servers: readonly { name: string; port: number }[],
): Promise<Haproxy> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pinnwand-haproxy-'));
  const file = path.join(dir, 'haproxy.cfg');
  writeFileSync(file, configFor(port, servers));
  // -db: stay in the foreground, so the test owns the process.
  const child: ChildProcess = spawn(haproxyBinary(), ['-db', '-f', file], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const down = new Map<string, number[]>();
  const record = (c: Buffer) => {
    const text = c.toString();
    log += text;
    for (const m of text.matchAll(/Server [^/\s]+\/(\S+) is DOWN/g)) {
      down.set(m[1]!, [...(down.get(m[1]!) ?? []), Date.now()]);
    }
  };
  child.stdout?.on('data', record);
  child.stderr?.on('data', record);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`haproxy exited:\n${log}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (up) break;
    if (Date.now() > deadline) throw new Error(`haproxy did not listen:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const url = `http://127.0.0.1:${port}`;
  return {
    port,
    url,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    output: () => log,
    downAt: (server) => down.get(server) ?? [],
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
