// `pnpm start`: builds what is missing or older than its sources, then runs
// the server in this process. A second start on a built tree skips the builds.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

function stale(output, inputs) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return inputs.some((input) => newestMtime(path.join(root, input)) > built);
}

const run = (cmd, cwd) => execSync(cmd, { cwd: path.join(root, cwd), stdio: 'inherit' });

run('node scripts/ensure-sqlite.mjs', 'server');

const shared = ['shared/src', 'shared/package.json'];
if (
  stale(path.join(root, 'client/dist/index.html'), [
    'client/src',
    'client/public',
    'client/index.html',
    'client/vite.config.ts',
    'client/package.json',
    ...shared,
  ])
) {
  console.log('Building the client…');
  run('pnpm run build', 'client');
}
if (
  stale(path.join(root, 'server/dist/main.js'), [
    'server/src',
    'server/scripts/build.mjs',
    'server/package.json',
    ...shared,
  ])
) {
  console.log('Building the server…');
  run('pnpm run build', 'server');
}

await import(pathToFileURL(path.join(root, 'server/dist/main.js')).href);
