// Serves the built client. Hashed assets are immutable and cached for a year;
// index.html is revalidated so a new deploy is picked up at once. Unknown paths
// that look like app routes fall back to index.html (client-side routing).
// The build writes brotli and gzip copies beside each text file and font
// (client/vite.config.ts); a browser that accepts one gets it as it is, so
// nothing is compressed per request.
import { createReadStream, promises as fs } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

/** Precompressed copies, best first: Content-Encoding and file suffix. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** The codings the request accepts (`q=0` refuses one). */
function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const refused = params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p));
    if (name && !refused) accepted.add(name);
  }
  return accepted;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

export async function serveStatic(
  clientDir: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const url = new URL(req.url ?? '/', 'http://localhost');
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname);
  } catch {
    return false;
  }
  const root = path.resolve(clientDir);
  let file = path.resolve(root, `.${rel}`);
  if (file !== root && !file.startsWith(root + path.sep)) return false;
  let stat = await fs.stat(file).catch(() => null);
  const isAsset = rel.startsWith('/assets/');
  if (!stat || stat.isDirectory()) {
    if (isAsset || path.extname(rel) !== '') return false;
    file = path.join(root, 'index.html');
    stat = await fs.stat(file).catch(() => null);
    if (!stat) return false;
  }
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  const accepted = acceptedEncodings(req.headers['accept-encoding'] as string | undefined);
  let encoding: string | null = null;
  for (const { name, suffix } of ENCODINGS) {
    if (!accepted.has(name)) continue;
    const copy = await fs.stat(file + suffix).catch(() => null);
    if (copy?.isFile()) {
      file += suffix;
      stat = copy;
      encoding = name;
      break;
    }
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Length', stat.size);
  if (encoding) res.setHeader('Content-Encoding', encoding);
  // Every file may have copies: a shared cache must key on the coding asked for.
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('Cache-Control', isAsset ? 'public, max-age=31536000, immutable' : 'no-cache');
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  createReadStream(file).pipe(res);
  return true;
}
