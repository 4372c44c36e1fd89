/**
 * PDF exports are queued (issue 11): a burst of PDF requests renders a few at
 * a time; those beyond the queue are told to come back (503, Retry-After)
 * instead of all rendering at once, and another workshop's edits keep flowing.
 */
import { ApiRoute, apiPath } from '@pinnwand/shared/protocol/http';
import { describe, expect, it } from 'vitest';
import { serverRound } from '../helpers/serverRound.ts';
import { synced, waitFor } from '../helpers/testServer.ts';

describe('a burst of PDF exports', () => {
  const round = serverRound();

  it('renders them a few at a time, refuses the overflow with Retry-After, and keeps rooms flowing', async () => {
    const t = await round.start({ PDF_CONCURRENCY: '1', PDF_QUEUE_LENGTH: '2' });
    const example = await t.createWorkshop('ozg-example', 'OZG');
    const other = await t.createWorkshop();
    const writer = round.open(other.id, other.participantToken);
    const reader = round.open(other.id, other.viewerToken);
    await Promise.all([synced(writer), synced(reader)]);

    const url = `${t.url}${apiPath(ApiRoute.export, { id: example.id, format: 'pdf' })}?token=${example.viewerToken}`;
    const burst = Array.from({ length: 10 }, async () => {
      const res = await fetch(url);
      const bytes = new Uint8Array(await res.arrayBuffer());
      return { status: res.status, retry: res.headers.get('retry-after'), bytes };
    });
    for (let i = 0; i < 20; i++) writer.doc.getMap('notes').set(`edit${i}`, i);
    const answers = await Promise.all(burst);
    await waitFor(() => reader.doc.getMap('notes').size === 20, 5000, 'other room’s edits');

    const ok = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status === 503);
    expect(ok).toHaveLength(3);
    expect(refused).toHaveLength(7);
    for (const a of refused) expect(a.retry).not.toBeNull();
    for (const a of ok) expect(new TextDecoder().decode(a.bytes.slice(0, 5))).toBe('%PDF-');
    // Once the burst is over, the next export is served again.
    expect((await fetch(url)).status).toBe(200);
  });
});
