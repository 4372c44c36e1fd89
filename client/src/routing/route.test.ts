import { describe, expect, test } from 'vitest';
import { parseRoute, workshopPath } from './route.ts';

describe('parseRoute', () => {
  test('the root is the landing page', () => {
    expect(parseRoute('/', '')).toEqual({ kind: 'landing' });
  });
  test('a workshop path with a token in the fragment', () => {
    expect(parseRoute('/w/abc_12-X', '#token=s3cr3t')).toEqual({
      kind: 'workshop',
      workshopId: 'abc_12-X',
      token: 's3cr3t',
    });
  });
  test('a workshop path without a token', () => {
    expect(parseRoute('/w/abc', '')).toEqual({ kind: 'workshop', workshopId: 'abc', token: null });
  });
  test('the accessibility statement has its own page', () => {
    expect(parseRoute('/barrierefreiheit', '')).toEqual({ kind: 'accessibility' });
  });
  test('unknown paths fall back to the landing page', () => {
    expect(parseRoute('/w/a/b', '')).toEqual({ kind: 'landing' });
  });
  test('workshopPath round-trips', () => {
    const path = workshopPath('abc', 'tok');
    const [pathname, hash] = path.split('#');
    expect(parseRoute(pathname ?? '', `#${hash}`)).toMatchObject({
      workshopId: 'abc',
      token: 'tok',
    });
  });
});
