/**
 * The messages between a storage thread and its worker: a request names an
 * operation and carries its arguments; the answer carries the request's id
 * and the result or the error (as plain fields: an Error's own properties,
 * like SQLite's `code`, do not survive structured cloning).
 */
import { parentPort } from 'node:worker_threads';

export interface Request {
  id: number;
  op: string;
  args: unknown[];
}

export interface SerializedError {
  name: string;
  message: string;
  code?: string;
}

export type Answer =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: SerializedError };

/**
 * The ArrayBuffers behind the byte arrays in `value` (itself, in an array, or
 * one level deep in an object), to move instead of copying. Only buffers a
 * view covers whole: moving a shared one would take it from its other views.
 */
export function transferList(value: unknown): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const visit = (v: unknown, depth: number) => {
    if (v instanceof Uint8Array) {
      const buffer = v.buffer;
      if (buffer instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === buffer.byteLength)
        out.add(buffer);
    } else if (depth > 0 && Array.isArray(v)) {
      for (const item of v) visit(item, depth - 1);
    } else if (depth > 0 && v && typeof v === 'object') {
      for (const item of Object.values(v)) visit(item, depth - 1);
    }
  };
  visit(value, 2);
  return [...out];
}

export function serializeError(err: unknown): SerializedError {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return { name: err.name, message: err.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: 'Error', message: String(err) };
}

export function deserializeError(error: SerializedError): Error {
  const err = new Error(error.message);
  err.name = error.name;
  if (error.code) (err as Error & { code?: string }).code = error.code;
  return err;
}

type Handlers = Record<string, (...args: never[]) => unknown>;

/**
 * Worker side: answers requests with `handlers`, one at a time in arrival
 * order (a handler that returns a promise is awaited before the next starts),
 * so the order of calls is the order of effects.
 */
export function serve(handlers: Handlers): void {
  const port = parentPort;
  if (!port) throw new Error('serve() runs in a worker thread');
  let chain = Promise.resolve();
  port.on('message', (request: Request) => {
    chain = chain.then(async () => {
      let answer: Answer;
      try {
        const handler = handlers[request.op];
        if (!handler) throw new Error(`unknown operation ${request.op}`);
        const value = await (handler as (...args: unknown[]) => unknown)(...request.args);
        answer = { id: request.id, ok: true, value };
      } catch (err) {
        answer = { id: request.id, ok: false, error: serializeError(err) };
      }
      port.postMessage(answer, answer.ok ? transferList(answer.value) : []);
    });
  });
}
