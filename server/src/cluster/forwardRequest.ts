/**
 * Passes an HTTP API request about a room on to the process that owns it and
 * its answer back, so that exports read the live document, imports are applied
 * by the one process that writes the room, and a delete closes the room's
 * connections at once. The Host header is kept, so links in answers name the
 * address the client used.
 *
 * The request body is sent only once the owner accepted the TCP connection: an
 * owner that cannot be reached leaves the request unread, to be served here.
 */
import http from 'node:http';
import { FORWARDED_HEADER, isRefused } from './proxyUpgrade.ts';

/** 'refused': nothing listens at the owner's address (see proxyUpgrade.ts). */
export type ForwardOutcome = 'forwarded' | 'refused' | 'unreachable' | 'failed';

/** Connection-level headers that belong to one hop only (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

function endToEnd(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  }
  return out;
}

export function forwardRequest(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  owner: URL,
  timeouts: { connectMs: number; answerMs: number },
): Promise<ForwardOutcome> {
  return new Promise((resolve) => {
    const headers = endToEnd(req.headers);
    const chain = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean);
    if (chain.length > 0) headers['x-forwarded-for'] = chain.join(', ');
    headers[FORWARDED_HEADER] = '1';
    let bodySent = false;
    let settled = false;
    const settle = (outcome: ForwardOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const upstream = http.request({
      host: owner.hostname,
      port: Number(owner.port) || 80,
      method: req.method,
      path: req.url,
      headers,
      // A fresh connection each time: a kept-alive one that the owner closes just
      // as it is reused would fail a request whose body was already sent.
      agent: false,
    });
    // Until the body is sent, waiting is for the connection; after it, for the answer.
    let timer = setTimeout(() => {
      upstream.destroy();
      settle(bodySent ? 'failed' : 'unreachable');
    }, timeouts.connectMs);
    upstream.on('error', (err) =>
      settle(bodySent ? 'failed' : isRefused(err) ? 'refused' : 'unreachable'),
    );
    upstream.on('socket', (socket) => {
      socket.setNoDelay(true);
      const send = () => {
        bodySent = true;
        clearTimeout(timer);
        timer = setTimeout(() => {
          upstream.destroy();
          settle('failed');
        }, timeouts.answerMs);
        req.pipe(upstream);
      };
      if ((socket as { connecting?: boolean }).connecting) socket.once('connect', send);
      else send();
    });
    upstream.on('response', (answer) => {
      clearTimeout(timer);
      if (settled) {
        answer.resume();
        return;
      }
      res.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
      answer.pipe(res);
      answer.on('error', () => res.destroy());
      settle('forwarded');
    });
  });
}
