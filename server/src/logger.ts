// Structured JSON logs (pino). Request URLs are logged without their query
// string, and the token fields that could appear anywhere are redacted.
import { type Logger, pino } from 'pino';

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'pinnwand' },
    redact: {
      paths: ['token', '*.token', 'req.headers.authorization', 'headers.authorization'],
      censor: '[redacted]',
    },
  });
}

/** The path of a request URL, never its query (which may hold a token). */
export function pathOnly(url: string | undefined): string {
  const raw = url ?? '/';
  const q = raw.indexOf('?');
  return q === -1 ? raw : raw.slice(0, q);
}
