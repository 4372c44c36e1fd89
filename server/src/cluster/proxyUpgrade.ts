/**
 * Hands a websocket upgrade to the process that owns the room: the client's
 * HTTP upgrade request is written, as received, to a TCP connection to the
 * owner's INTERNAL_URL, and from the owner's first byte of answer on the two
 * connections are piped into each other. The owner then speaks to the client
 * as if it were connected directly (its own authorisation, limits, close
 * codes, awareness); this process only copies bytes, with backpressure.
 *
 * An owner that does not answer in time (killed, paused, cut off) leaves the
 * client's connection untouched, so the caller can serve it some other way.
 * A refused connection is told apart ('refused'): nothing listens at the
 * owner's address any more, so the process is gone, not just slow (a paused
 * process's kernel still accepts connections).
 */
import type { IncomingMessage } from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';

/** Marks a request forwarded by a Pinnwand process: it is never forwarded again. */
export const FORWARDED_HEADER = 'x-pinnwand-forwarded';

export type ProxyOutcome = 'proxied' | 'refused' | 'unreachable';

export function isRefused(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | null)?.code === 'ECONNREFUSED';
}

/** The request line and headers of `req`, as bytes to send on, marked as forwarded. */
function requestHead(req: IncomingMessage): string {
  const lines = [`${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/1.1`];
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!;
    const lower = name.toLowerCase();
    if (lower === FORWARDED_HEADER || lower === 'x-forwarded-for') continue;
    lines.push(`${name}: ${raw[i + 1]!}`);
  }
  const chain = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean);
  if (chain.length > 0) lines.push(`X-Forwarded-For: ${chain.join(', ')}`);
  lines.push(`${FORWARDED_HEADER}: 1`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

export function proxyUpgrade(
  req: IncomingMessage,
  client: Duplex,
  head: Buffer,
  owner: URL,
  answerTimeoutMs: number,
  onEnd: () => void,
): Promise<ProxyOutcome> {
  return new Promise((resolve) => {
    const upstream = net.connect({ host: owner.hostname, port: Number(owner.port) || 80 });
    // Small websocket frames must not wait for Nagle's algorithm on this extra hop.
    upstream.setNoDelay(true);
    let settled = false;
    const giveUp = (err?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      upstream.destroy();
      resolve(isRefused(err) ? 'refused' : 'unreachable');
    };
    const closed = () => giveUp();
    const timer = setTimeout(closed, answerTimeoutMs);
    upstream.once('error', giveUp);
    upstream.once('close', closed);
    upstream.once('connect', () => {
      upstream.write(requestHead(req));
      if (head.length > 0) upstream.write(head);
    });
    upstream.once('data', (first: Buffer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      upstream.off('error', giveUp);
      upstream.off('close', closed);
      if (client.destroyed) {
        upstream.destroy();
        onEnd();
        resolve('proxied');
        return;
      }
      client.write(first);
      upstream.pipe(client);
      client.pipe(upstream);
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        upstream.destroy();
        client.destroy();
        onEnd();
      };
      upstream.on('error', end);
      upstream.on('close', end);
      client.on('error', end);
      client.on('close', end);
      resolve('proxied');
    });
  });
}
