import { CloseCode } from '@pinnwand/shared/protocol/wire';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { syncAnswers } from './helpers/rawClient.ts';
import { serverRound } from './helpers/serverRound.ts';
import { closeCode, synced, waitFor } from './helpers/testServer.ts';

describe('limits', () => {
  const { start, open, raw } = serverRound();

  it('closes a connection that sends a frame over maxPayload with 1009', async () => {
    const t = await start({ MAX_PAYLOAD_BYTES: '65536' });
    const w = await t.createWorkshop();
    const r = await raw(w.id, w.participantToken);
    r.send(new Uint8Array(70_000));
    expect(await r.closed).toBe(1009);
  });

  it('refuses a viewer’s frame over its smaller limit unread, and reads a writer’s', async () => {
    const t = await start({ MAX_VIEWER_PAYLOAD_BYTES: '65536' });
    const w = await t.createWorkshop();
    // An awareness frame of 70 kB: over the viewers' frame limit, within the writers'.
    const frame = new Uint8Array(70_000);
    frame[0] = 1;
    const participant = await raw(w.id, w.participantToken);
    const viewer = await raw(w.id, w.viewerToken);
    const facilitator = await raw(w.id, w.facilitatorToken);
    participant.send(frame);
    viewer.send(frame);
    facilitator.send(frame);
    expect(await viewer.closed).toBe(CloseCode.messageTooBig);
    // Read, then refused as an awareness frame too large to parse.
    expect(await participant.closed).toBe(CloseCode.rateLimited);
    expect(await facilitator.closed).toBe(CloseCode.rateLimited);
  });

  it('closes a connection with 4400 for an unknown message type, a truncated update or trailing bytes', async () => {
    const t = await start();
    const w = await t.createWorkshop();
    const doc = new Y.Doc();
    doc.getMap('notes').set('a', 'b');
    const update = Y.encodeStateAsUpdate(doc);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, update.slice(0, update.length - 3));
    const frames = [
      new Uint8Array([42]),
      encoding.toUint8Array(e),
      new Uint8Array([3, 0]),
      new Uint8Array([0, 7, 0]),
    ];
    for (const frame of frames) {
      const r = await raw(w.id, w.participantToken);
      r.send(frame);
      expect(await r.closed).toBe(CloseCode.malformed);
    }
  });

  it('refuses an update that would make the document too large with 4413, and keeps the room', async () => {
    const t = await start({ MAX_DOCUMENT_BYTES: '60000' });
    const w = await t.createWorkshop();
    const big = open(w.id, w.participantToken);
    const other = open(w.id, w.participantToken);
    await Promise.all([synced(big), synced(other)]);
    const closed = closeCode(big);
    big.doc.getMap('notes').set('huge', 'x'.repeat(80_000));
    expect(await closed).toBe(CloseCode.documentTooLarge);
    other.doc.getMap('notes').set('small', 'fine');
    const check = open(w.id, w.viewerToken);
    await synced(check);
    await waitFor(() => check.doc.getMap('notes').get('small') === 'fine', 5000, 'small note');
    expect(check.doc.getMap('notes').has('huge')).toBe(false);
  });

  it('turns away connections beyond the room and process limits with 4503', async () => {
    const t = await start({
      MAX_CONNECTIONS_PER_ROOM: '2',
      MAX_CONNECTIONS: '3',
      FACILITATOR_RESERVED_SLOTS: '0',
    });
    const w = await t.createWorkshop();
    const w2 = await t.createWorkshop();
    await Promise.all([synced(open(w.id, w.viewerToken)), synced(open(w.id, w.viewerToken))]);
    const third = open(w.id, w.viewerToken);
    expect(await closeCode(third)).toBe(CloseCode.full);
    third.destroy();
    await waitFor(() => t.server.services.stats().connections === 2, 5000, 'third gone');
    await synced(open(w2.id, w2.viewerToken));
    const fourth = open(w2.id, w2.viewerToken);
    expect(await closeCode(fourth)).toBe(CloseCode.full);
  });

  it('throttles a fast writer instead of dropping its updates', async () => {
    const t = await start({ UPDATES_PER_SECOND: '200', UPDATE_BURST: '20' });
    const w = await t.createWorkshop();
    const writer = open(w.id, w.participantToken);
    const reader = open(w.id, w.participantToken);
    await Promise.all([synced(writer), synced(reader)]);
    const started = performance.now();
    for (let i = 0; i < 150; i++) writer.doc.getMap('notes').set(`k${i}`, i);
    await waitFor(() => reader.doc.getMap('notes').size === 150, 10_000, 'all updates');
    expect(performance.now() - started).toBeGreaterThan(400);
    expect(writer.wsconnected).toBe(true);
  });

  it('drops an awareness flood and closes the flooder with 4429', async () => {
    const t = await start({ AWARENESS_PER_SECOND: '5', AWARENESS_BURST: '5' });
    const w = await t.createWorkshop();
    const r = await raw(w.id, w.participantToken);
    for (let i = 1; i <= 50; i++) {
      r.sendAwareness([{ clientId: 9, clock: i, json: JSON.stringify({ i }) }]);
    }
    expect(await r.closed).toBe(CloseCode.rateLimited);
  });

  it('disconnects a client that stops reading (slow consumer)', async () => {
    const t = await start({ MAX_BUFFERED_BYTES: '65536', MAX_PAYLOAD_BYTES: '1048576' });
    const w = await t.createWorkshop();
    const slow = await raw(w.id, w.viewerToken);
    const writer = open(w.id, w.participantToken);
    await synced(writer);
    // Stop reading: the server's send buffer to this client fills up.
    slow.pauseReading();
    for (let i = 0; i < 200; i++) {
      writer.doc.getMap('notes').set(`big${i}`, 'y'.repeat(50_000));
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const rejected = async () =>
      (await t.server.services.metrics.rejected.get()).values.find(
        (v) => v.labels.reason === 'slow-consumer',
      )?.value ?? 0;
    const deadline = Date.now() + 10_000;
    while ((await rejected()) === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await rejected()).toBeGreaterThan(0);
    expect(writer.wsconnected).toBe(true);
  });

  it('paces requests for the whole state, which are expensive to answer', async () => {
    const t = await start({ UPDATES_PER_SECOND: '100', UPDATE_BURST: '100' });
    const w = await t.createWorkshop();
    const r = await raw(w.id, w.viewerToken);
    for (let i = 0; i < 50; i++) r.sendSyncStep1();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const answered = syncAnswers(r).length;
    expect(answered).toBeGreaterThan(0);
    expect(answered).toBeLessThan(15);
    expect(r.ws.readyState).toBe(r.ws.OPEN);
  });
});
