/** A token bucket: `rate` tokens per second, at most `burst` saved up. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.rate);
    this.last = t;
  }

  /** Takes `n` tokens if there are enough. A request larger than the burst is allowed once the bucket is full. */
  take(n = 1): boolean {
    this.refill();
    const need = Math.min(n, this.burst);
    if (this.tokens < need) return false;
    this.tokens -= n;
    return true;
  }

  /** Milliseconds until `n` tokens are available. */
  waitMs(n = 1): number {
    this.refill();
    const need = Math.min(n, this.burst);
    return this.tokens >= need ? 0 : Math.ceil(((need - this.tokens) / this.rate) * 1000);
  }
}
