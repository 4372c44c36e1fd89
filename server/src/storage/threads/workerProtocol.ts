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
 * Handlers of operations whose requests may be run together: given the
 * argument lists of consecutive requests of the operation, in arrival order,
 * one result per request (an Error fails that request alone); a throw fails
 * them all.
 */
export type MergedHandlers = Record<string, (calls: never) => unknown[]>;

/**
 * Worker side: answers requests with `handlers`, one at a time in arrival
 * order (a handler that returns a promise is awaited before the next starts),
 * so the order of calls is the order of effects. Consecutive requests of an
 * operation in `merged` that arrive while the thread is busy (the previous
 * request running, or queued behind it) go to its handler together.
 */
export function serve(handlers: Handlers, merged: MergedHandlers = {}): void {
  const port = parentPort;
  if (!port) throw new Error('serve() runs in a worker thread');
  let chain = Promise.resolve();
  /** The merged batch that has not started yet: later requests of its operation join it. */
  let open: { op: string; requests: Request[] } | null = null;
  const reply = (id: number, outcome: unknown) => {
    const answer: Answer =
      outcome instanceof Error
        ? { id, ok: false, error: serializeError(outcome) }
        : { id, ok: true, value: outcome };
    port.postMessage(answer, answer.ok ? transferList(answer.value) : []);
  };
  port.on('message', (request: Request) => {
    const mergedHandler = merged[request.op];
    if (mergedHandler) {
      if (open?.op === request.op) {
        open.requests.push(request);
        return;
      }
      const batch = { op: request.op, requests: [request] };
      open = batch;
      chain = chain.then(async () => {
        // The requests that arrived while this thread was busy are delivered
        // (all pending messages at once) before an immediate runs: they join.
        await new Promise((resolve) => setImmediate(resolve));
        if (open === batch) open = null;
        let results: unknown[];
        try {
          results = (mergedHandler as (calls: unknown[][]) => unknown[])(
            batch.requests.map((r) => r.args),
          );
        } catch (err) {
          const error = err instanceof Error ? err : new Error(String(err));
          results = batch.requests.map(() => error);
        }
        for (const [i, r] of batch.requests.entries()) reply(r.id, results[i]);
      });
      return;
    }
    open = null;
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
