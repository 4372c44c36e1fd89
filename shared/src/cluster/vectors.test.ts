import { describe, expect, it } from 'vitest';
import { dot, inverseDocumentFrequency, similarityMatrix, vectorize } from './vectors.ts';

const docs = (...entries: Record<string, number>[]) =>
  entries.map((e) => new Map(Object.entries(e)));

describe('inverseDocumentFrequency', () => {
  it('weighs rare features more than common ones', () => {
    const idf = inverseDocumentFrequency(docs({ a: 1, b: 1 }, { a: 1 }, { a: 1, c: 1 }));
    expect(idf.get('a')).toBeCloseTo(1);
    expect(idf.get('b')).toBeCloseTo(Math.log(4 / 2) + 1);
  });
});

describe('vectorize', () => {
  it('normalises each block and mixes the cosines by share', () => {
    const words = docs({ x: 1, y: 1 }, { x: 1 }, { z: 1 });
    const grams = docs({ p: 1 }, { p: 1 }, { q: 1 });
    const [a, b, c] = vectorize([
      { docs: words, share: 0.6 },
      { docs: grams, share: 0.4 },
    ]);
    expect(dot(a!, a!)).toBeCloseTo(1);
    // Words: "x" is shared, "y" rarer; n-grams identical.
    expect(dot(a!, b!)).toBeGreaterThan(0.4);
    expect(dot(a!, b!)).toBeLessThan(1);
    expect(dot(a!, c!)).toBe(0);
  });

  it('uses raw counts when IDF is switched off', () => {
    const [a, b] = vectorize([{ docs: docs({ x: 3, y: 4 }, { x: 1 }), share: 1, idf: false }]);
    expect(dot(a!, b!)).toBeCloseTo(0.6);
  });

  it('gives a note without features a zero vector, not NaN', () => {
    const [empty, other] = vectorize([{ docs: docs({}, { x: 1 }), share: 1 }]);
    expect(dot(empty!, other!)).toBe(0);
  });
});

describe('similarityMatrix', () => {
  it('equals the pairwise dot products', () => {
    const vectors = vectorize([
      { docs: docs({ a: 1, b: 2 }, { b: 1, c: 1 }, { a: 3 }, { d: 1 }), share: 0.5 },
      { docs: docs({ x: 1 }, { x: 1, y: 1 }, { y: 2 }, {}), share: 0.5 },
    ]);
    const matrix = similarityMatrix(vectors);
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++)
        expect(matrix[i * 4 + j]).toBeCloseTo(dot(vectors[i]!, vectors[j]!));
    }
  });
});
