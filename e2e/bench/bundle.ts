// Benchmark 5: the client bundle. Every file in client/dist/assets with its raw
// and gzip size (zlib level 9, like a static pre-compressor); "initial" is the
// JavaScript index.html loads (module scripts and modulepreload links) plus
// whatever those chunks import statically.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { clientDist } from '../harness/paths.ts';

export interface BundleFile {
  file: string;
  bytes: number;
  gzipBytes: number;
  initial: boolean;
  kind: 'js' | 'css' | 'other';
}

export interface BundleResult {
  files: BundleFile[];
  initialJsGzipBytes: number;
  initialJsBytes: number;
  initialCssGzipBytes: number;
  totalJsGzipBytes: number;
}

function listFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p, base));
    else out.push(path.relative(base, p).split(path.sep).join('/'));
  }
  return out;
}

export function measureBundle(dist = clientDist): BundleResult {
  const indexFile = path.join(dist, 'index.html');
  if (!existsSync(indexFile)) throw new Error(`${indexFile} is missing: run pnpm build`);
  const html = readFileSync(indexFile, 'utf8');
  const initial = new Set<string>();
  const refs = [
    ...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="(?:modulepreload|stylesheet)"[^>]*href="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*href="([^"]+)"[^>]*rel="(?:modulepreload|stylesheet)"/g),
  ].map((m) => m[1]!.replace(/^\.?\//, ''));
  const queue = [...refs];
  while (queue.length) {
    const f = queue.shift()!;
    if (initial.has(f) || !existsSync(path.join(dist, f))) continue;
    initial.add(f);
    if (!f.endsWith('.js')) continue;
    const src = readFileSync(path.join(dist, f), 'utf8');
    // Static imports only: `import … from "./x.js"` and `import "./x.js"` (not import()).
    for (const m of src.matchAll(
      /(?:^|[;\s}])import\s*(?:[\w${},*\s]+from\s*)?["']([^"']+\.js)["']/g,
    )) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(f), m[1]!));
      queue.push(target);
    }
  }
  const files = listFiles(dist)
    .filter((f) => statSync(path.join(dist, f)).isFile())
    .map((f): BundleFile => {
      const buf = readFileSync(path.join(dist, f));
      const kind = f.endsWith('.js') ? 'js' : f.endsWith('.css') ? 'css' : 'other';
      return {
        file: f,
        bytes: buf.length,
        gzipBytes: gzipSync(buf, { level: 9 }).length,
        initial: initial.has(f) || f === 'index.html',
        kind,
      };
    })
    .sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzipBytes - a.gzipBytes);
  const sum = (xs: BundleFile[], k: 'bytes' | 'gzipBytes') => xs.reduce((s, x) => s + x[k], 0);
  const js = files.filter((f) => f.kind === 'js');
  const initialJs = js.filter((f) => f.initial);
  return {
    files,
    initialJsGzipBytes: sum(initialJs, 'gzipBytes'),
    initialJsBytes: sum(initialJs, 'bytes'),
    initialCssGzipBytes: sum(
      files.filter((f) => f.kind === 'css' && f.initial),
      'gzipBytes',
    ),
    totalJsGzipBytes: sum(js, 'gzipBytes'),
  };
}
