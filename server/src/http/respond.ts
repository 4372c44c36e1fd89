// Small helpers for JSON APIs: errors as `{ "error": message }`, bodies read
// with a size cap.
import type { IncomingMessage, ServerResponse } from 'node:http';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { error: message });
}

/**
 * Reads a request body of at most `maxBytes` (413 beyond, judged by the
 * declared length first so an honest oversized upload is refused unread).
 * `what` names the body in the message ("body", "file").
 */
export async function readBodyBytes(
  req: IncomingMessage,
  maxBytes: number,
  what: string,
): Promise<Buffer> {
  const tooLarge = () => {
    req.resume();
    return new HttpError(413, `The ${what} is larger than ${maxBytes} bytes.`);
  };
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads and drops a body of at most `maxBytes` without looking at it, so that
 * an early refusal (429) reaches a client that is still uploading instead of
 * a reset connection. Beyond `maxBytes` the connection is cut.
 */
export async function discardBody(req: IncomingMessage, maxBytes: number): Promise<void> {
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      req.destroy();
      return;
    }
  }
}

/** Reads a JSON body of at most `maxBytes`: 413 beyond, 415 when not JSON, 400 when unparsable. */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    req.resume();
    throw new HttpError(415, 'Send the body as application/json.');
  }
  const bytes = await readBodyBytes(req, maxBytes, 'body');
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new HttpError(400, 'The body is not valid JSON.');
  }
}

/** The token from `?token=` or `Authorization: Bearer …`. */
export function tokenFrom(req: IncomingMessage, url: URL): string | null {
  const fromQuery = url.searchParams.get('token');
  if (fromQuery) return fromQuery;
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}
