/**
 * Restore and import are bounded before the work (issue 11, finding 5). A
 * valid backup whose one note carries 300,000 vote entries, and bodies of
 * 27,000 notes that fail validation, are refused without being built; every
 * request counts against the import budget, failed ones too; an honest
 * restore of the real OZG workshop goes through; another workshop's edits
 * keep flowing throughout. A refused upload is answered while it is still
 * being sent, unread: the refusal does not wait for megabytes the server
 * would only drop.
 */
import { ApiRoute, apiPath } from '@pinnwand/shared/protocol/http';
import { describe, expect, it } from 'vitest';
import { partialUpload } from '../helpers/partialUpload.ts';
import { serverRound } from '../helpers/serverRound.ts';
import { synced, type TestServer, waitFor } from '../helpers/testServer.ts';

/** The start of a backup whose first note carries 5,000 vote entries (the limit is far below). */
const STUFFED_START = `{"boards":[{"notes":[{"votes":{${Array.from(
  { length: 5000 },
  (_, i) => `"p${i}":1`,
).join(',')},`;

interface Backup {
  boards: { notes: { votes: Record<string, number> }[] }[];
}

describe('restore bombs', () => {
  const round = serverRound();
  let t: TestServer;

  const restore = async (body: string) => {
    const res = await fetch(`${t.url}${ApiRoute.restore}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    await res.text();
    return res.status;
  };

  it('refuses stuffed and oversized backups unbuilt, counts every attempt, and keeps other rooms flowing', async () => {
    // The heavy strings are built before the server starts: a test that blocks
    // its own event loop for seconds between two requests races the keep-alive
    // timers of the in-process server and of fetch (ECONNRESET on a busy machine).
    const votes: Record<string, number> = {};
    for (let i = 0; i < 300_000; i++) votes[`p${i}`] = 1;
    const votesJson = JSON.stringify(votes);
    const manyNotes = JSON.stringify(Array.from({ length: 27_000 }, (_, i) => ({ id: `n${i}` })));

    t = await round.start({ IMPORTS_PER_MINUTE: '8' });
    const example = await t.createWorkshop('ozg-example', 'OZG');
    const exported = await fetch(
      `${t.url}${apiPath(ApiRoute.export, { id: example.id, format: 'json' })}?token=${example.facilitatorToken}`,
    );
    const honest = await exported.text();

    const placeholder = '"__placeholder__"';
    const stuffed = JSON.parse(honest) as Backup;
    (stuffed.boards[0]!.notes[0] as { votes: unknown }).votes = '__placeholder__';
    const voteBomb = JSON.stringify(stuffed).replace(placeholder, votesJson);
    expect(voteBomb.length).toBeLessThan(4 * 1024 * 1024);
    const noteBomb = JSON.stringify({
      ...JSON.parse(honest),
      boards: [{ notes: '__placeholder__' }],
    }).replace(placeholder, manyNotes);

    const bystanderRoom = await t.createWorkshop();
    const writer = round.open(bystanderRoom.id, bystanderRoom.participantToken);
    const reader = round.open(bystanderRoom.id, bystanderRoom.viewerToken);
    await Promise.all([synced(writer), synced(reader)]);

    expect(await restore(honest)).toBe(201);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      writer.doc.getMap('notes').set(`edit${i}`, i);
      statuses.push(await restore(i % 2 === 0 ? voteBomb : noteBomb));
    }
    // Each bomb is refused as too large (413) while the budget lasts — a burst of
    // a quarter of the 8 per minute with the honest one, perhaps one more
    // refilled meanwhile — then with 429 before its body is read.
    expect(statuses.every((s) => s === 413 || s === 429)).toBe(true);
    const parsed = statuses.filter((s) => s === 413).length;
    expect(parsed).toBeGreaterThanOrEqual(1);
    expect(parsed).toBeLessThanOrEqual(2);
    expect(statuses.slice(-5)).toEqual(Array(5).fill(429));
    expect(statuses.indexOf(429)).toBe(parsed);
    await waitFor(() => reader.doc.getMap('notes').size === 12, 5000, 'other room’s edits');
  });

  it('refuses a stuffed restore, and one over the budget, before their uploads end', async () => {
    t = await round.start({ IMPORTS_PER_MINUTE: '4' });
    const url = `${t.url}${ApiRoute.restore}`;
    // Declared 3.5 MB, only the start sent: the answer must not wait for the rest.
    const stuffed = await partialUpload(url, STUFFED_START);
    expect(stuffed.status).toBe(413);
    expect(stuffed.error).toMatch(/more than \d+ entries/);
    // The budget's burst is a quarter of a minute's: one restore; the second is over it.
    const overBudget = await partialUpload(url, '{"boards":[');
    expect(overBudget.status).toBe(429);
    expect(overBudget.connection).toBe('close');
    // The server still answers everyone else.
    const other = await t.createWorkshop();
    expect(other.id).toBeTruthy();
  });

  it('refuses a stuffed JSON import into a workshop before its upload ends, and imports nothing', async () => {
    t = await round.start();
    const w = await t.createWorkshop('retro', 'Ziel');
    const boards = () => t.server.services.rooms.withDoc(w.id, (doc) => doc.getMap('boards').size);
    const before = await boards();
    const stuffed = await partialUpload(
      `${t.url}${apiPath(ApiRoute.import, { id: w.id })}?format=json`,
      STUFFED_START,
      { 'Content-Type': 'application/json', Authorization: `Bearer ${w.facilitatorToken}` },
    );
    expect(stuffed.status).toBe(413);
    expect(stuffed.error).toMatch(/^Backup: .*more than \d+ entries/);
    expect(stuffed.connection).toBe('close');
    expect(await boards()).toBe(before);
  });
});
