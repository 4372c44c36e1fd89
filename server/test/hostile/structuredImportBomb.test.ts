/**
 * A structured-results import (format=structured) is shape-scanned as it
 * arrives, like a backup: a body nested thousands of levels deep or an object
 * stuffed with hundreds of thousands of keys is refused (413) before
 * JSON.parse builds it — a stuffed one while it is still being uploaded — and
 * imports nothing; an honest structured file still imports.
 */
import { ApiRoute, apiPath } from '@pinnwand/shared/protocol/http';
import { readWorkshop } from '@pinnwand/shared/read/workshopView';
import { OZG_FIXTURE } from '@pinnwand/shared/testing/ozgFixture';
import { describe, expect, it } from 'vitest';
import { partialUpload } from '../helpers/partialUpload.ts';
import { serverRound } from '../helpers/serverRound.ts';

const OZG = JSON.stringify(OZG_FIXTURE);

/** Valid structured results whose workshop object carries `count` more keys (ignored by the schema). */
function stuffed(count: number): string {
  const keys = Array.from({ length: count }, (_, i) => `"k${i}":1`).join(',');
  return `{"title":"Klausur","boards":[{"title":"Gestopft","notes":["eins"]}],${keys}}`;
}

describe('structured import bombs', () => {
  const round = serverRound();

  it('refuses deep nesting and a stuffed object with 413 before parsing, imports nothing, and still imports an honest file', async () => {
    const deep = `{"title":"x","boards":[{"title":"Tief","notes":${'['.repeat(100_000)}${']'.repeat(100_000)}}]}`;
    const keys = stuffed(300_000);
    expect(keys.length).toBeLessThan(4 * 1024 * 1024);

    // Several imports in a row: the per-minute budget is not what this tests.
    const t = await round.start({ IMPORTS_PER_MINUTE: '600' });
    const w = await t.createWorkshop('blank', 'Ziel');
    const url = `${t.url}${apiPath(ApiRoute.import, { id: w.id })}?format=structured`;
    const post = async (body: string) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${w.facilitatorToken}`,
        },
        body,
      });
      return { status: res.status, body: (await res.json()) as { error?: string } };
    };
    const boardTitles = () =>
      t.server.services.rooms.withDoc(w.id, (doc) => readWorkshop(doc).boards.map((b) => b.title));
    const before = await boardTitles();

    const nested = await post(deep);
    expect(nested.status).toBe(413);
    expect(nested.body.error).toBe('Structured results: nested deeper than 8 levels.');

    const many = await post(keys);
    expect(many.status).toBe(413);
    expect(many.body.error).toBe('Structured results: an object with more than 64 entries.');

    // Refused at the first key over the limit, not after the whole upload.
    const partial = await partialUpload(url, stuffed(5000).slice(0, -1), {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${w.facilitatorToken}`,
    });
    expect(partial.status).toBe(413);
    expect(partial.error).toMatch(/^Structured results: an object with more than 64 entries/);
    expect(partial.connection).toBe('close');

    expect(await boardTitles()).toEqual(before);

    const honest = await post(OZG);
    expect(honest.status).toBe(201);
    const titles = await boardTitles();
    expect(titles).toEqual(expect.arrayContaining(['Bewährtes', 'Aufgaben', 'Neues']));
  });
});
