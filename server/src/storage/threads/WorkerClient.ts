/**
 * The main thread's end of a storage worker: sends requests, matches answers
 * by id, and keeps the process alive only while a request is outstanding (an
 * idle worker never holds a finished process open).
 *
 * A worker that dies (a crash in native code, running out of memory) fails
 * every request in flight — the Committer then closes the rooms of a batch
 * that was not stored with 4507 — and the next request starts a fresh worker.
 */
import { Worker } from 'node:worker_threads';
import { type WorkerName, workerEntry } from './workerEntry.ts';
import { type Answer, deserializeError, type Request } from './workerProtocol.ts';

interface Waiting {
  resolve(value: unknown): void;
  reject(err: Error): void;
}

export class WorkerClient {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private readonly inflight = new Set<Promise<void>>();
  private nextId = 1;
  private closing = false;

  constructor(
    private readonly name: WorkerName,
    private readonly workerData: unknown,
  ) {}

  /** Starts the worker now (it starts on the first request otherwise); not once closed. */
  start(): void {
    if (!this.closing) this.ensureWorker();
  }

  /**
   * Runs `op` in the worker. `transfer` moves those buffers instead of copying
   * them: the caller must not use them afterwards.
   */
  call<T>(op: string, args: unknown[], transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.closing) return Promise.reject(new Error(`${this.name} is closed`));
    return this.send<T>(op, args, transfer);
  }

  /** Waits for the requests in flight, runs `lastOp` (when given), then ends the worker. */
  async close(lastOp?: string): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    await Promise.allSettled([...this.inflight]);
    if (lastOp && this.worker) await this.send(lastOp, []).catch(() => undefined);
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private send<T>(op: string, args: unknown[], transfer: ArrayBuffer[] = []): Promise<T> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const answer = new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      if (this.waiting.size === 1) worker.ref();
      const request: Request = { id, op, args };
      worker.postMessage(request, transfer);
    });
    const settled = answer.then(
      () => undefined,
      () => undefined,
    );
    this.inflight.add(settled);
    void settled.then(() => this.inflight.delete(settled));
    return answer;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const { url, argv } = workerEntry(this.name);
    const worker = new Worker(url, { workerData: this.workerData, argv, name: this.name });
    worker.unref();
    worker.on('message', (answer: Answer) => {
      const waiting = this.waiting.get(answer.id);
      if (!waiting) return;
      this.waiting.delete(answer.id);
      if (this.waiting.size === 0) worker.unref();
      if (answer.ok) waiting.resolve(answer.value);
      else waiting.reject(deserializeError(answer.error));
    });
    const died = (reason: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      const err = new Error(`${this.name} stopped: ${reason}`);
      const waiting = [...this.waiting.values()];
      this.waiting.clear();
      for (const w of waiting) w.reject(err);
    };
    worker.on('error', (err) => died(err.message));
    worker.on('exit', (code) => died(`exit code ${code}`));
    this.worker = worker;
    return worker;
  }
}
