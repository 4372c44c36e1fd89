import { describe, expect, it } from 'vitest';
import { JsonShapeScanner, jsonShapeProblem } from './jsonShape.ts';

const limits = { depth: 4, objectMembers: 3, arrayElements: 3, stringLength: 5 };
const utf8 = (text: string) => new TextEncoder().encode(text);

/** The scanner's verdict when the bytes arrive in pieces of `size`. */
function inPieces(text: string, size: number): string | null {
  const bytes = utf8(text);
  const scanner = new JsonShapeScanner(limits);
  for (let at = 0; at < bytes.length; at += size) {
    const problem = scanner.feed(bytes.subarray(at, at + size));
    if (problem) return problem;
  }
  return scanner.end();
}

describe('JSON shape scan in pieces', () => {
  const cases = [
    '{"a":"12345","b":[1,2,3]}',
    '{"a":"1234\\"5"}',
    '{"a":"ääääää"}',
    '{"a":"€€€€€","b":"\\\\"}',
    '{"a":1,"b":2,"c":3,"d":4}',
    '[1,2,[3,4,5,6]]',
    '[[[[[1]]]]]',
    '{"a":"123456',
    '{"a,b,c,d":"x","e":"{[,,,]}"}',
  ];
  it.each(cases)('agrees with the whole text at every split: %s', (text) => {
    const whole = jsonShapeProblem(text, limits);
    expect(jsonShapeProblem(utf8(text), limits)).toBe(whole);
    for (const size of [1, 2, 3, 5, 7]) expect(inPieces(text, size)).toBe(whole);
  });

  it('names the problem in the first piece that shows it, whatever follows', () => {
    const scanner = new JsonShapeScanner(limits);
    expect(scanner.feed(utf8('{"votes":{"a":1,"b":2,'))).toBeNull();
    expect(scanner.feed(utf8('"c":3,"d":4,'))).toBe('an object with more than 3 entries');
    expect(scanner.feed(utf8('"e":5}}'))).toBe('an object with more than 3 entries');
    expect(scanner.end()).toBe('an object with more than 3 entries');
  });
});
