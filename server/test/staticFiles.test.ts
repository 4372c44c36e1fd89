// The built client as a browser gets it: the precompressed copy it accepts
// (brotli before gzip), the file as built otherwise, and the app's routes
// answered with index.html the same way.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/testServer.ts';

const script = `export const board = ${JSON.stringify('Bewährtes '.repeat(400))};\n`;
const page = '<!doctype html><html lang="de"><body><div id="root"></div></body></html>\n';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(url: string, acceptEncoding?: string, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        headers: acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function decoded(answer: Answer): string {
  const coding = answer.headers['content-encoding'];
  if (coding === 'br') return brotliDecompressSync(answer.body).toString('utf8');
  if (coding === 'gzip') return gunzipSync(answer.body).toString('utf8');
  return answer.body.toString('utf8');
}

describe('static files', () => {
  let t: TestServer;
  let clientDir: string;

  beforeAll(async () => {
    clientDir = mkdtempSync(path.join(tmpdir(), 'pinnwand-client-'));
    mkdirSync(path.join(clientDir, 'assets'));
    const built = (rel: string, text: string, copies = true) => {
      const file = path.join(clientDir, rel);
      writeFileSync(file, text);
      if (!copies) return;
      writeFileSync(`${file}.br`, brotliCompressSync(Buffer.from(text)));
      writeFileSync(`${file}.gz`, gzipSync(Buffer.from(text)));
    };
    built('index.html', page);
    built('assets/board-a1b2c3.js', script);
    built('assets/tiny-d4e5f6.js', 'export {};\n', false);
    t = await startTestServer({ CLIENT_DIR: clientDir });
  });

  afterAll(async () => {
    await t?.close();
    rmSync(clientDir, { recursive: true, force: true });
  });

  it('sends brotli to a browser that accepts it, and the same script once decoded', async () => {
    const a = await get(`${t.url}/assets/board-a1b2c3.js`, 'gzip, deflate, br, zstd');
    expect(a.status).toBe(200);
    expect(a.headers['content-encoding']).toBe('br');
    expect(a.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(a.headers.vary).toBe('Accept-Encoding');
    expect(Number(a.headers['content-length'])).toBe(a.body.length);
    expect(a.body.length).toBeLessThan(script.length / 10);
    expect(decoded(a)).toBe(script);
  });

  it('sends gzip when brotli is not accepted or refused with q=0', async () => {
    for (const accept of ['gzip', 'br;q=0, gzip;q=0.8']) {
      const a = await get(`${t.url}/assets/board-a1b2c3.js`, accept);
      expect(a.headers['content-encoding']).toBe('gzip');
      expect(decoded(a)).toBe(script);
    }
  });

  it('sends the file as built when no coding is accepted, or when it has no copies', async () => {
    const plain = await get(`${t.url}/assets/board-a1b2c3.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(script);
    const refused = await get(`${t.url}/assets/board-a1b2c3.js`, 'br;q=0, gzip;q=0');
    expect(refused.headers['content-encoding']).toBeUndefined();
    const small = await get(`${t.url}/assets/tiny-d4e5f6.js`, 'br, gzip');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body.toString('utf8')).toBe('export {};\n');
  });

  it("answers the app's routes with index.html, compressed the same way", async () => {
    const a = await get(`${t.url}/w/some-workshop`, 'br');
    expect(a.status).toBe(200);
    expect(a.headers['content-encoding']).toBe('br');
    expect(a.headers['cache-control']).toBe('no-cache');
    expect(decoded(a)).toBe(page);
    const head = await get(`${t.url}/`, 'gzip', 'HEAD');
    expect(head.headers['content-encoding']).toBe('gzip');
    expect(head.body.length).toBe(0);
  });
});
