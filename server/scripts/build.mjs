// Bundles the server (and the parts of @pinnwand/shared it uses) into
// dist/main.js. npm packages stay external: better-sqlite3 is native, and the
// others are installed beside the bundle anyway.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
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
