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
  /** Initial JavaScript by origin (npm package or app folder), raw bytes from the source maps. */
  initialByOrigin?: { origin: string; bytes: number }[];
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
    // The build's brotli and gzip copies of each file (vite.config.ts) are that file again.
    .filter((f) => !/\.(br|gz)$/.test(f) && statSync(path.join(dist, f)).isFile())
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
  const byOrigin = new Map<string, number>();
  for (const f of files)
    if (f.initial && f.kind === 'js')
      for (const [o, n] of attribute(dist, f.file)) byOrigin.set(o, (byOrigin.get(o) ?? 0) + n);
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
    initialByOrigin: [...byOrigin]
      .map(([origin, bytes]) => ({ origin, bytes }))
      .sort((a, b) => b.bytes - a.bytes),
  };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 VLQ segments of one source-map line. */
function decodeLine(line: string): number[][] {
  const out: number[][] = [];
  for (const seg of line.split(',')) {
    if (!seg) continue;
    const values: number[] = [];
    let value = 0;
    let shift = 0;
    for (const ch of seg) {
      const digit = B64.indexOf(ch);
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        values.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    out.push(values);
  }
  return out;
}

/** A source path's origin: the npm package, or the workspace folder it belongs to. */
function originOf(source: string): string {
  const nm = source.lastIndexOf('node_modules/');
  if (nm !== -1) {
    const rest = source.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const m = /(?:^|\/)(client|shared)\/src\/([^/]+)/.exec(source);
  if (m) return `${m[1]}/src/${m[2]}`;
  const rel = source.replace(/^(\.\.\/)+/, '');
  // The client's own sources are mapped relative to client/dist/assets.
  const own = /^src\/([^/]+)/.exec(rel);
  return own ? `client/src/${own[1]!.replace(/\.tsx?$/, '')}` : rel;
}

/** Generated bytes of a chunk attributed to origins through its source map. */
function attribute(dist: string, file: string): Map<string, number> {
  const out = new Map<string, number>();
  const mapFile = path.join(dist, `${file}.map`);
  if (!existsSync(mapFile)) return out;
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[]; mappings: string };
  const code = readFileSync(path.join(dist, file), 'utf8').split('\n');
  let src = 0;
  map.mappings.split(';').forEach((line, i) => {
    const segs = decodeLine(line);
    const len = Buffer.byteLength(code[i] ?? '');
    let col = 0;
    const starts: [number, number][] = [];
    for (const s of segs) {
      col += s[0]!;
      if (s.length >= 4) src += s[1]!;
      starts.push([col, s.length >= 4 ? src : -1]);
    }
    for (let k = 0; k < starts.length; k++) {
      const [c, s] = starts[k]!;
      const end = k + 1 < starts.length ? starts[k + 1]![0] : len;
      const origin = s >= 0 ? originOf(map.sources[s] ?? '?') : '(generated)';
      out.set(origin, (out.get(origin) ?? 0) + Math.max(0, end - c));
    }
  });
  return out;
}
