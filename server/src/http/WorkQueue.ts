/**
 * Bounded concurrency for expensive requests (PDF exports): at most
 * `concurrency` run at once, at most `maxWaiting` wait in order, and anything
 * beyond is refused at once (`QueueFull`) instead of piling up work and memory.
 */
export class QueueFull extends Error {}

export class WorkQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
  ) {}

  /** Runs `fn` when a slot is free; rejects with QueueFull when too many wait already. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) throw new QueueFull('queue full');
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await fn();
    } finally {
      // Hand the slot straight to the next in line (running stays counted).
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
