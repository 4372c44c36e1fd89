/**
 * A client closed for what it sent cannot come straight back for more (issue
 * 11: expensive paths bounded before the work). Every hostile message is
 * refused, but a client that reconnects whenever it is closed would otherwise
 * cost an upgrade, an authorisation and its next hostile message hundreds of
 * times a second. Its reconnects are refused (HTTP 429) for a growing while,
 * before any work; a participant of the same workshop with the same link who
 * proved its own participant key connects at once, and so do the bystanders
 * of another workshop.
 */
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { serverRound } from '../helpers/serverRound.ts';
import { issueIdentity, synced, waitFor } from '../helpers/testServer.ts';

/**
 * Opens a socket and sends a text frame (malformed: closes with 4400) once it
 * is open; resolves to the HTTP status of the upgrade (101 when it was opened).
 */
function misbehave(url: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', () => resolve(0));
    ws.on('open', () => {
      ws.send('not a binary frame');
      // Like a hostile client: gone as soon as it is told to go.
      ws.on('close', () => resolve(101));
      ws.on('message', () => undefined);
      const check = setInterval(() => {
        if (ws.readyState !== ws.OPEN) {
          clearInterval(check);
          ws.terminate();
        }
      }, 5);
    });
  });
}

describe('a client that reconnects whenever it is closed', () => {
  const round = serverRound();

  it('is refused before any work for a growing while; others with the same link are not', async () => {
    const t = await round.start();
    const a = await t.createWorkshop();
    const b = await t.createWorkshop();
    const anonymous = `${t.wsUrl}/${a.id}?token=${a.participantToken}`;

    // It tries again and again, as fast as it can, until refused three times in a row.
    const statuses: number[] = [];
    while (statuses.length < 60 && statuses.slice(-3).join() !== '429,429,429') {
      statuses.push(await misbehave(anonymous));
    }
    expect(statuses[0]).toBe(101);
    expect(statuses.slice(-3)).toEqual([429, 429, 429]);
    // Of all its attempts, only the first few got as far as an upgrade.
    expect(statuses.filter((s) => s === 101).length).toBeLessThanOrEqual(4);
    // A made-up participant key makes it no one new.
    expect(await misbehave(`${anonymous}&pkey=made-up`)).toBe(429);

    // A participant with the same link who proved its own key, and another workshop: at once.
    const { participantKey } = await issueIdentity(t.url, a.id, a.participantToken);
    const honest = round.open(a.id, a.participantToken, { pkey: participantKey });
    const other = round.open(b.id, b.participantToken);
    await Promise.all([synced(honest), synced(other)]);
    honest.doc.getMap('notes').set('still', 'here');
    const viewer = round.open(a.id, a.viewerToken);
    await waitFor(() => viewer.doc.getMap('notes').get('still') === 'here', 5000, 'honest edit');
  });
});
