import { describe, expect, it } from 'vitest';
import { TokenBucket } from './TokenBucket.ts';

describe('TokenBucket', () => {
  it('allows a burst, then refills at its rate', () => {
    let t = 0;
    const bucket = new TokenBucket(10, 3, () => t);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(bucket.waitMs()).toBe(100);
    t = 100;
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it('lets a request larger than the burst through once the bucket is full, then goes into debt', () => {
    let t = 0;
    const bucket = new TokenBucket(100, 10, () => t);
    expect(bucket.take(50)).toBe(true);
    expect(bucket.take(1)).toBe(false);
    t = 400;
    expect(bucket.take(1)).toBe(false);
    t = 520;
    expect(bucket.take(1)).toBe(true);
  });
});
