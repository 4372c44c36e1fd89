/**
 * Awareness frames are judged by size and rate before they are parsed (issue
 * 11, finding 9). A participant and a viewer send 2 MiB awareness frames of
 * 10,000 entries each; none of it reaches anyone, the participant is closed
 * before a frame is parsed, the viewer before one is read (its link's frames
 * are smaller), the honest
 * participant's cursor in the same room still shows, and another workshop's
 * edits keep flowing meanwhile.
 */
import { CloseCode } from '@pinnwand/shared/protocol/wire';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { awarenessStates, greeted, type RawClient } from '../helpers/rawClient.ts';
import { serverRound } from '../helpers/serverRound.ts';
import { synced, waitFor } from '../helpers/testServer.ts';

/** One awareness frame just under 2 MiB with 10,000 entries. */
function bombFrame(base: number): Uint8Array {
  const state = JSON.stringify({ user: { name: 'x'.repeat(180) } });
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 10_000);
  for (let i = 0; i < 10_000; i++) {
    encoding.writeVarUint(inner, base + i);
    encoding.writeVarUint(inner, 1);
    encoding.writeVarString(inner, state);
  }
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

describe('an awareness flood', () => {
  const round = serverRound();

  async function open(workshopId: string, token: string): Promise<RawClient> {
    const r = await round.raw(workshopId, token);
    await greeted(r);
    return r;
  }

  it('relays nothing of 2 MiB frames, closes the flooder and leaves both rooms working', async () => {
    const t = await round.start();
    const a = await t.createWorkshop();
    const b = await t.createWorkshop();
    const watcher = await open(a.id, a.viewerToken);
    const flooders = [
      { raw: await open(a.id, a.participantToken), code: CloseCode.rateLimited },
      { raw: await open(a.id, a.viewerToken), code: CloseCode.messageTooBig },
    ];
    const writer = round.open(b.id, b.participantToken);
    const reader = round.open(b.id, b.viewerToken);
    await Promise.all([synced(writer), synced(reader)]);

    const frame = bombFrame(100_000);
    expect(frame.length).toBeGreaterThan(1_900_000);
    expect(frame.length).toBeLessThan(2 * 1024 * 1024);
    // Another workshop writes while the flood runs.
    const writes = (async () => {
      for (let i = 0; i < 40; i++) {
        writer.doc.getMap('notes').set(`n${i}`, i);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    for (const flooder of flooders) {
      for (let i = 0; i < 300 && flooder.raw.ws.readyState === flooder.raw.ws.OPEN; i++) {
        flooder.raw.send(frame);
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(await flooder.raw.closed).toBe(flooder.code);
    }
    await writes;
    await waitFor(() => reader.doc.getMap('notes').size === 40, 10_000, 'other room’s edits');

    // The honest participant's cursor still shows, the flood's never did.
    const honest = await open(a.id, a.participantToken);
    honest.sendAwareness([{ clientId: 7, clock: 1, json: '{"cursor":{"x":1,"y":2}}' }]);
    await waitFor(() => awarenessStates(watcher.received).has(7), 5000, 'honest cursor');
    const ids = [...awarenessStates(watcher.received).keys()];
    expect(ids.filter((id) => id >= 100_000)).toEqual([]);
  });
});
