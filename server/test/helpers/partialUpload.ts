// An upload that declares a large body, sends only its start and then waits:
// for routes that must answer a refused upload while it is still being sent,
// unread, instead of waiting for megabytes they would only drop.
import http from 'node:http';

export interface UploadAnswer {
  status: number;
  /** The answer's Connection header ('close' when the rest of the body is left unread). */
  connection: string | undefined;
  error: string;
}

/** POSTs `start` to `url` as the first piece of a body declared `declaredBytes` long. */
export function partialUpload(
  url: string,
  start: string,
  headers: Record<string, string> = { 'Content-Type': 'application/json' },
  declaredBytes = 3_500_000,
): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST',
      headers: { ...headers, 'Content-Length': declaredBytes },
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (piece: string) => {
        text += piece;
      });
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          connection: res.headers.connection,
          error: (JSON.parse(text) as { error: string }).error,
        });
        req.destroy();
      });
    });
    req.on('error', reject);
    req.write(start);
  });
}
