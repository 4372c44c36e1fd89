import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from './importPlan.ts';
import { parseStructuredFile } from './structured.ts';

const FIXTURE_TEXT = readFileSync(
  new URL('../../fixtures/ozg-erfahrungsaustausch-2023.json', import.meta.url),
  'utf8',
);

/** Valid structured results, but for `extra` members of the workshop object. */
function withExtraKeys(count: number): string {
  const keys = Array.from({ length: count }, (_, i) => `"k${i}":1`).join(',');
  return `{"title":"Klausur","boards":[{"title":"Ideen","notes":["eins"]}],${keys}}`;
}

describe('structured results are shape-scanned before they are parsed', () => {
  it('refuses thousands of levels of nesting, naming the limit', () => {
    const deep = `{"title":"x","boards":[{"title":"b","notes":${'['.repeat(50_000)}${']'.repeat(50_000)}}]}`;
    const parsed = parseStructuredFile(deep);
    expect(parsed).toEqual({
      ok: false,
      error: 'Structured results: nested deeper than 8 levels.',
    });
  });

  it('refuses a workshop object stuffed with 400,000 keys, which JSON.parse would build and the schema ignore', () => {
    const parsed = parseStructuredFile(withExtraKeys(400_000));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toBe('Structured results: an object with more than 64 entries.');
  });

  it('refuses a list longer than an import may hold in notes', () => {
    const notes = Array.from({ length: IMPORT_LIMITS.notes + 1 }, () => '"n"').join(',');
    const parsed = parseStructuredFile(`{"title":"x","boards":[{"title":"b","notes":[${notes}]}]}`);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/^Structured results: a list with more than/);
  });

  it('still reads the real OZG file, and one with a few fields other tools add', () => {
    const ozg = parseStructuredFile(FIXTURE_TEXT);
    expect(ozg.ok).toBe(true);
    const extra = parseStructuredFile(withExtraKeys(20));
    expect(extra.ok && extra.plan.boards[0]?.notes.map((n) => n.text)).toEqual(['eins']);
  });
});
