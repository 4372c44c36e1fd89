// A throwaway PostgreSQL cluster for tests and benchmarks: Debian's binaries
// (`/usr/lib/postgresql/<version>/bin`, .ci/run installs them), `initdb` into a
// temporary folder, the server on a free loopback port with its socket in that
// folder, an ordinary login role that owns its database (no superuser, as in
// production). PostgreSQL refuses to run as root, so when the tests run as root
// every command runs as the `postgres` OS user (`runuser -u postgres --`).
//
// Start one cluster per test file (initdb costs a second or two), give each
// test its own database if it needs a clean one, and call `remove()` after.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The newest PostgreSQL bin folder Debian installed (PG_BIN_DIR overrides). */
export function postgresBinDir(): string {
  const fromEnv = process.env.PG_BIN_DIR;
  if (fromEnv) return fromEnv;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error('PostgreSQL is not installed (apt-get install postgresql; .ci/run does this)');
  }
  return path.join(root, versions[0]!, 'bin');
}

/** A free TCP port on 127.0.0.1 (closed again at once; the caller binds it next). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface PostgresCluster {
  port: number;
  /** `postgres://pinnwand:…@127.0.0.1:<port>/<database>` for the ordinary role. */
  url(database?: string): string;
  /** Creates a fresh database owned by the ordinary role; resolves to its URL. */
  createDatabase(name: string): Promise<string>;
  /** Runs SQL as the bootstrap superuser (test set-up and inspection only, never the server). */
  superuserSql(sql: string, database?: string): Promise<string>;
  /** Stops the server: `immediate` is a crash (no checkpoint), `fast` a clean stop. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Starts it again on the same data and port. */
  start(): Promise<void>;
  /** Stops the server (if running) and deletes the cluster's folder. */
  remove(): Promise<void>;
}

const ROLE = 'pinnwand';

export async function startPostgresCluster(
  options: { fsync?: boolean } = {},
): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pinnwand-pg-'));
  const dataDir = path.join(dir, 'data');
  const socketDir = path.join(dir, 'sock');
  mkdirSync(socketDir);
  const logFile = path.join(dir, 'server.log');
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const uid = Number(stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    for (const p of [dir, socketDir]) chownSync(p, uid, gid);
  }
  const exec = (tool: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args], { cwd: dir })
      : run(path.join(bin, tool), args, { cwd: dir });

  const password = randomBytes(12).toString('hex');
  const port = await freePort();
  await exec('initdb', [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    '-E',
    'UTF8',
    '--no-locale',
    '--no-sync',
    '--no-instructions',
  ]);
  const settings = [
    `-c port=${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${socketDir}`,
    '-c shared_buffers=32MB',
    '-c max_connections=200',
    `-c fsync=${options.fsync === false ? 'off' : 'on'}`,
  ].join(' ');
  const start = async () => {
    await exec('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', settings, '-w', '-t', '60', 'start']);
  };
  const stop = async (mode: 'fast' | 'immediate' = 'fast') => {
    await exec('pg_ctl', ['-D', dataDir, '-m', mode, '-w', '-t', '60', 'stop']);
  };
  const superuserSql = async (sql: string, database = 'postgres') => {
    const { stdout } = await exec('psql', [
      '-h',
      socketDir,
      '-p',
      String(port),
      '-U',
      'postgres',
      '-d',
      database,
      '-v',
      'ON_ERROR_STOP=1',
      '-X',
      '-q',
      '-A',
      '-t',
      '-c',
      sql,
    ]);
    return stdout.trim();
  };
  await start();
  await superuserSql(`CREATE ROLE ${ROLE} LOGIN PASSWORD '${password}'`);
  const url = (database = ROLE) =>
    `postgres://${ROLE}:${password}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  const createDatabase = async (name: string) => {
    if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
    await superuserSql(`CREATE DATABASE ${name} OWNER ${ROLE}`);
    return url(name);
  };
  await createDatabase(ROLE);
  let removed = false;
  return {
    port,
    url,
    createDatabase,
    superuserSql,
    stop,
    start,
    async remove() {
      if (removed) return;
      removed = true;
      await stop('immediate').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
