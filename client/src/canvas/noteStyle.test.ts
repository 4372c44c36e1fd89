import { describe, expect, test } from 'vitest';
import { noteFontSize } from './noteStyle.ts';

describe('noteFontSize', () => {
  test('short keywords are large', () => expect(noteFontSize('Führertage')).toBe(20));
  test('a long compound word gets a size at which it fits on one line', () => {
    expect(noteFontSize('ÖZG-Erfahrungsaustausch')).toBeLessThan(20);
    expect(noteFontSize('Verwaltungsdigitalisierungsgesetz')).toBeLessThanOrEqual(14);
  });
  test('long texts are small', () => expect(noteFontSize('x '.repeat(120))).toBe(11));
});
