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
import http from 'node:http';
import { ApiRoute, apiPath } from '@pinnwand/shared/protocol/http';
import { describe, expect, it } from 'vitest';
import { serverRound } from '../helpers/serverRound.ts';
import { synced, type TestServer, waitFor } from '../helpers/testServer.ts';

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
    const url = new URL(`${t.url}${ApiRoute.restore}`);
    /** Declares 3.5 MB, sends `start` and then nothing: the answer must not wait for the rest. */
    const partialUpload = (start: string) =>
      new Promise<{ status: number; connection: string | undefined; error: string }>(
        (resolve, reject) => {
          const req = http.request(url, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Content-Length': 3_500_000 },
          });
          req.on('response', (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (piece: string) => {
              text += piece;
            });
            res.on('end', () => {
              resolve({
                status: res.statusCode ?? 0,
                connection: res.headers.connection,
                error: (JSON.parse(text) as { error: string }).error,
              });
              req.destroy();
            });
          });
          req.on('error', reject);
          req.write(start);
        },
      );
    const votes = Array.from({ length: 5000 }, (_, i) => `"p${i}":1`).join(',');
    const stuffed = await partialUpload(`{"boards":[{"notes":[{"votes":{${votes},`);
    expect(stuffed.status).toBe(413);
    expect(stuffed.error).toMatch(/more than \d+ entries/);
    // The budget's burst is a quarter of a minute's: one restore; the second is over it.
    const overBudget = await partialUpload('{"boards":[');
    expect(overBudget.status).toBe(429);
    expect(overBudget.connection).toBe('close');
    // The server still answers everyone else.
    const other = await t.createWorkshop();
    expect(other.id).toBeTruthy();
  });
});
