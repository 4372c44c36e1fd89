// Small helpers for JSON APIs: errors as `{ "error": message }`, bodies read
// with a size cap.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

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
 * declared length first so an oversized upload is refused unread).
 * `what` names the body in the message ("body", "file"). `refuse` sees each
 * piece as it arrives; a reason it returns ends the reading with 413 and that
 * reason, the rest of the body unread.
 */
export async function readBodyBytes(
  req: IncomingMessage,
  res: ServerResponse,
  maxBytes: number,
  what: string,
  refuse?: (piece: Buffer) => string | null,
): Promise<Buffer> {
  const tooLarge = () => {
    leaveBodyUnread(req, res);
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
    const reason = refuse?.(buf);
    if (reason) {
      leaveBodyUnread(req, res);
      throw new HttpError(413, reason);
    }
  }
  return Buffer.concat(chunks, size);
}

/** How long a connection whose request body was left unread stays open after the answer. */
const UNREAD_BODY_GRACE_MS = 2000;

/**
 * Refuses a request's body unread: nothing more of it is read, the answer
 * that follows goes out with `Connection: close`, and the connection ends
 * UNREAD_BODY_GRACE_MS after it. Reading and dropping a refused upload cost
 * the server as much as reading an accepted one (a client posting 3.5 MB
 * backups back to back kept it reading 100 MB/s); unread, TCP holds the upload
 * back once the kernel's buffer is full.
 */
export function leaveBodyUnread(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Connection', 'close');
  const socket = req.socket as Socket & { destroySoon?: () => void };
  // Not read again. Node resumes reading a connection once its answer is
  // written — to drop the rest of the body and look for the next request —
  // and would read the whole upload meanwhile; there is no next request on
  // a connection that closes.
  socket.pause();
  socket.resume = () => socket;
  // After a `Connection: close` answer Node ends the socket and closes it as
  // soon as the answer is written; closing a socket with unread bytes resets
  // the connection, and a client still uploading may see the reset before the
  // answer and report a network error. So only our side is ended (the client
  // reads the answer and stops), and the socket is closed after a grace.
  // Both overrides lean on Node's http internals (resume after the answer,
  // destroySoon on close): `pnpm test:node-lines` runs the tests that show
  // them working (hostile/restoreBomb, limits) on Node 22 and 24 as well.
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), UNREAD_BODY_GRACE_MS).unref();
  };
}

/**
 * For a route that takes no body: a request that declares one (a length above
 * zero, or chunks) is refused with 413, its body unread — not read and
 * dropped, which costs as much as reading an upload that is used.
 */
export function refuseBody(req: IncomingMessage, res: ServerResponse): void {
  const declared = Number(req.headers['content-length'] ?? 0);
  const chunked = req.headers['transfer-encoding'] !== undefined;
  if (declared === 0 && !chunked) return;
  leaveBodyUnread(req, res);
  throw new HttpError(413, 'This request takes no body; send it without one.');
}

/** Reads a JSON body of at most `maxBytes`: 413 beyond, 415 when not JSON, 400 when unparsable. */
export async function readJsonBody(
  req: IncomingMessage,
  res: ServerResponse,
  maxBytes: number,
): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    leaveBodyUnread(req, res);
    throw new HttpError(415, 'Send the body as application/json.');
  }
  const bytes = await readBodyBytes(req, res, maxBytes, 'body');
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
