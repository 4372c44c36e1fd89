import { describe, expect, it } from 'vitest';
import { ID_PATTERN, idSchema, isId, newId } from './ids.ts';

describe('newId', () => {
  it('makes 22-character URL-safe ids', () => {
    for (let i = 0; i < 100; i++) {
      const id = newId();
      expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(ID_PATTERN.test(id)).toBe(true);
      expect(encodeURIComponent(id)).toBe(id);
    }
  });

  it('does not repeat in many draws', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId()));
    expect(ids.size).toBe(10_000);
  });

  it('uses every character position: ids differ in their last character too', () => {
    const last = new Set(Array.from({ length: 500 }, () => newId().slice(-1)));
    expect(last.size).toBeGreaterThan(1);
  });
});

describe('idSchema', () => {
  it('accepts URL-safe strings and rejects others', () => {
    expect(idSchema.safeParse('abc_DEF-123').success).toBe(true);
    expect(idSchema.safeParse('').success).toBe(false);
    expect(idSchema.safeParse('a/b').success).toBe(false);
    expect(idSchema.safeParse(42).success).toBe(false);
    expect(isId('x'.repeat(129))).toBe(false);
  });
});
