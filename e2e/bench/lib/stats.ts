// Small statistics helpers: a log-bucketed latency histogram (2 % resolution)
// that workers fill and the parent merges, and median/min/max over runs.

const BASE = Math.log(1.02);

export type HistogramData = Record<string, number>;

export class LatencyHistogram {
  buckets = new Map<number, number>();
  count = 0;
  max = 0;
  min = Number.POSITIVE_INFINITY;

  add(micros: number): void {
    const v = Math.max(1, micros);
    const b = Math.floor(Math.log(v) / BASE);
    this.buckets.set(b, (this.buckets.get(b) ?? 0) + 1);
    this.count++;
    if (v > this.max) this.max = v;
    if (v < this.min) this.min = v;
  }

  toJSON(): { buckets: HistogramData; count: number; max: number; min: number } {
    return {
      buckets: Object.fromEntries(this.buckets),
      count: this.count,
      max: this.max,
      min: this.min,
    };
  }

  merge(data: ReturnType<LatencyHistogram['toJSON']>): void {
    for (const [k, n] of Object.entries(data.buckets)) {
      const b = Number(k);
      this.buckets.set(b, (this.buckets.get(b) ?? 0) + n);
    }
    this.count += data.count;
    if (data.count > 0) {
      this.max = Math.max(this.max, data.max);
      this.min = Math.min(this.min, data.min);
    }
  }

  /** Percentile in microseconds (upper edge of the bucket, capped at max). */
  percentile(p: number): number | null {
    if (this.count === 0) return null;
    const rank = Math.ceil((p / 100) * this.count);
    let seen = 0;
    for (const b of [...this.buckets.keys()].sort((x, y) => x - y)) {
      seen += this.buckets.get(b)!;
      if (seen >= rank) return Math.min(Math.exp((b + 1) * BASE), this.max);
    }
    return this.max;
  }
}

export interface Spread {
  median: number | null;
  min: number | null;
  max: number | null;
  runs: (number | null)[];
}

export function spread(values: (number | null | undefined)[]): Spread {
  const runs = values.map((v) => (v === undefined || v === null || Number.isNaN(v) ? null : v));
  const nums = runs.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (nums.length === 0) return { median: null, min: null, max: null, runs };
  const mid = Math.floor(nums.length / 2);
  const median = nums.length % 2 ? nums[mid]! : (nums[mid - 1]! + nums[mid]!) / 2;
  return { median, min: nums[0]!, max: nums[nums.length - 1]!, runs };
}

export function quantile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}
