// Builds better-sqlite3's native addon when it is missing.
//
// pnpm-workspace.yaml keeps better-sqlite3 out of pnpm's own build step
// (allowBuilds: false) because pnpm 12 does not pass npm's `nodedir` setting to
// node-gyp: on a machine that reaches no download host for Node's headers, the
// build would fail there. Here we run the same steps as the package's install
// script (prebuild-install, else node-gyp) and point node-gyp at the headers
// that Debian/NodeSource builds of Node ship beside the binary.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(serverDir, 'package.json'));

let pkgDir;
try {
  pkgDir = path.dirname(require.resolve('better-sqlite3/package.json'));
} catch {
  // Dependencies not installed yet (e.g. a partial install): nothing to build.
  process.exit(0);
}

const binary = path.join(pkgDir, 'build', 'Release', 'better_sqlite3.node');
if (existsSync(binary)) process.exit(0);

const env = { ...process.env };
if (!env.npm_config_nodedir) {
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  if (existsSync(path.join(prefix, 'include', 'node', 'node.h'))) env.npm_config_nodedir = prefix;
}

console.log('Building better-sqlite3 (SQLite) for this Node version; this takes about a minute…');
const run = (cmd) => execSync(cmd, { cwd: pkgDir, env, stdio: 'inherit' });
// node-gyp is on PATH inside pnpm scripts; run directly, fall back to npm's copy.
const npmGyp = path.resolve(
  path.dirname(process.execPath),
  '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
);
const nodeGyp = existsSync(npmGyp) ? `"${process.execPath}" "${npmGyp}"` : 'node-gyp';
try {
  run('npx --no-install prebuild-install');
} catch {
  run(`${nodeGyp} rebuild --release`);
}
if (!existsSync(binary)) {
  console.error('better-sqlite3 did not build; see the output above.');
  process.exit(1);
}
