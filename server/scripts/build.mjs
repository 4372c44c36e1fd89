// Bundles the server (and the parts of @pinnwand/shared it uses) into
// dist/main.js, and each worker thread into a bundle of its own beside it
// (dist/sqliteWorker.js, dist/compactionWorker.js; storage/threads/workerEntry.ts
// finds them there). npm packages stay external: better-sqlite3 is native, and
// the others are installed beside the bundle anyway.
import { build } from 'esbuild';
import { serverEntryPoints } from './entryPoints.mjs';

await build({
  entryPoints: serverEntryPoints,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
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
});
