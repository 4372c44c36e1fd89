// `pnpm dev`: the server in watch mode (rebuilt and restarted on change) on
// PORT (default 8080) plus Vite's dev server with hot reload, which proxies
// /api, /ws, /healthz and /metrics to it. Open the URL Vite prints.
import { execSync, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const children = [];

function start(cmd, args, cwd, extraEnv = {}) {
  const child = spawn(cmd, args, {
    cwd: path.join(root, cwd),
    stdio: 'inherit',
    env: { ...process.env, ...extraEnv },
  });
  children.push(child);
  child.on('exit', (code) => {
    for (const other of children) if (other !== child) other.kill('SIGTERM');
    process.exit(code ?? 0);
  });
}

execSync('node scripts/ensure-sqlite.mjs', { cwd: path.join(root, 'server'), stdio: 'inherit' });
start(
  'node',
  ['--watch-path=src', '--watch-path=../shared/src', '--import', 'tsx', 'src/main.ts'],
  'server',
  {
    PORT: process.env.PORT || '8080',
  },
);
start('pnpm', ['exec', 'vite'], 'client', {
  PINNWAND_SERVER: `http://127.0.0.1:${process.env.PORT || '8080'}`,
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill('SIGTERM');
  });
}
