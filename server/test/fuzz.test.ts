// Hostile input: thousands of random and mutated frames from several
// connections. Only the offending connections close; the process, the room and
// a well-behaved client in another room carry on.
import net from 'node:net';
import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import {
  type CreatedWorkshop,
  connect,
  startTestServer,
  synced,
  type TestServer,
  waitFor,
} from './helpers/testServer.ts';

/** Deterministic pseudo-random numbers in [0, 1), so a failure can be replayed from its seed. */
function rng(seed: number): () => number {
  const gen = prng.create(seed);
  return () => prng.real53(gen);
}

function message(type: number, sub: number | null, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  if (sub !== null) encoding.writeVarUint(e, sub);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

function validMessages(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const note = new Y.Map<unknown>();
  doc.getMap('notes').set('n', note);
  note.set('text', new Y.Text('hello fuzz'));
  doc.getMap('meta').set('phase', 'x');
  (note.get('text') as Y.Text).delete(0, 3);
  const awareness = encoding.createEncoder();
  encoding.writeVarUint(awareness, 1);
  encoding.writeVarUint(awareness, 12345);
  encoding.writeVarUint(awareness, 1);
  encoding.writeVarString(awareness, '{"user":{"name":"f"}}');
  return [
    ...updates.map((u) => message(0, 2, u)),
    message(0, 0, Y.encodeStateVector(doc)),
    message(0, 1, Y.encodeStateAsUpdate(doc)),
    message(1, null, encoding.toUint8Array(awareness)),
  ];
}

function hostileFrame(rand: () => number, valid: Uint8Array[]): Uint8Array | string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const kind = Math.floor(rand() * 9);
  switch (kind) {
    case 0: {
      const bytes = new Uint8Array(Math.floor(rand() * 64));
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rand() * 256);
      return bytes;
    }
    case 1: {
      const bytes = pick(valid).slice();
      for (let n = 0; n < 1 + rand() * 4; n++)
        bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
      return bytes;
    }
    case 2: {
      const bytes = pick(valid);
      return bytes.slice(0, Math.floor(rand() * bytes.length));
    }
    case 3:
      return new Uint8Array([0, 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]);
    case 4: {
      const bad = encoding.createEncoder();
      encoding.writeVarUint(bad, 1);
      encoding.writeVarUint(bad, 99);
      encoding.writeVarUint(bad, 1);
      encoding.writeVarString(bad, '{"user": nope');
      return message(1, null, encoding.toUint8Array(bad));
    }
    case 5:
      return new Uint8Array([Math.floor(7 + rand() * 100), 0, 0]);
    case 6: {
      const bytes = pick(valid);
      const out = new Uint8Array(bytes.length + 3);
      out.set(bytes);
      return out;
    }
    case 7:
      return 'text frames are not y-websocket';
    default:
      return pick(valid);
  }
}

/** Opens a TCP connection, upgrades by hand and sends one frame with RSV bits set. */
function sendInvalidRsv(port: number, path: string, localAddress: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1', localAddress });
    socket.on('error', () => resolve());
    socket.on('close', () => resolve());
    socket.on('connect', () => {
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
      );
      setTimeout(() => {
        // FIN + RSV1 + RSV2 + binary, masked, 4-byte payload.
        socket.write(Buffer.from([0xf2, 0x84, 1, 2, 3, 4, 5, 6, 7, 8]));
        setTimeout(() => socket.destroy(), 50);
      }, 30);
    });
  });
}

describe('fuzzing the websocket', () => {
  let t: TestServer;
  let target: CreatedWorkshop;
  let calm: CreatedWorkshop;
  beforeAll(async () => {
    t = await startTestServer({ MAX_PAYLOAD_BYTES: String(256 * 1024) });
    target = await t.createWorkshop();
    calm = await t.createWorkshop();
  });
  afterAll(() => t.close());

  it('survives thousands of hostile frames while a client in another room keeps working', async () => {
    // The facilitator may write the probe root (participants only the schema's roots).
    const writer = connect(t.wsUrl, calm.id, calm.facilitatorToken);
    const reader = connect(t.wsUrl, calm.id, calm.participantToken);
    const errors: unknown[] = [];
    for (const p of [writer, reader]) {
      p.on('connection-close', (e: unknown) => errors.push(e));
      p.on('connection-error', (e: unknown) => errors.push(e));
    }
    await Promise.all([synced(writer), synced(reader)]);
    const latencies: number[] = [];
    reader.doc.getMap<number>('pings').observe((event) => {
      for (const key of event.keysChanged) {
        const sent = reader.doc.getMap<number>('pings').get(key);
        if (sent) latencies.push(performance.now() - sent);
      }
    });
    let pinging = true;
    let n = 0;
    const pinger = (async () => {
      while (pinging) {
        writer.doc.getMap<number>('pings').set(`p${n++}`, performance.now());
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await waitFor(() => latencies.length >= 10, 5000, 'baseline pings');
    const baseline = [...latencies].sort((a, b) => a - b)[Math.floor(latencies.length / 2)]!;

    const valid = validMessages();
    let framesSent = 0;
    const wsBase = t.url.replace(/^http/, 'ws');
    const hostile = async (seed: number) => {
      const rand = rng(seed);
      for (let round = 0; round < 60; round++) {
        const token = rand() < 0.8 ? target.participantToken : 'bad-token';
        // Each round from its own loopback address: many attackers, none of them
        // held back by the reconnect back-off of the one before.
        const ws = new WebSocket(`${wsBase}/ws/${target.id}?token=${token}`, {
          localAddress: `127.0.${seed}.${round + 1}`,
        });
        ws.on('error', () => {});
        const closed = new Promise<void>((resolve) => ws.on('close', () => resolve()));
        await new Promise<void>((resolve) => {
          ws.on('open', () => resolve());
          ws.on('close', () => resolve());
        });
        if (ws.readyState === ws.OPEN) {
          if (rand() < 0.05) {
            ws.send(new Uint8Array(300 * 1024));
            framesSent += 1;
          }
          for (let i = 0; i < 20 && ws.readyState === ws.OPEN; i++) {
            ws.send(hostileFrame(rand, valid));
            framesSent += 1;
          }
        }
        ws.close();
        await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 500))]);
        ws.terminate();
      }
    };
    const rsv = (async () => {
      for (let i = 0; i < 20; i++) {
        await sendInvalidRsv(
          t.server.port,
          `/ws/${target.id}?token=${target.participantToken}`,
          `127.0.9.${i + 1}`,
        );
        framesSent += 1;
      }
    })();
    await Promise.all([hostile(1), hostile(2), hostile(3), hostile(4), hostile(5), rsv]);
    const during = latencies.slice(10);
    pinging = false;
    await pinger;

    expect(framesSent).toBeGreaterThan(3000);
    expect(errors).toEqual([]);
    expect(writer.wsconnected && reader.wsconnected).toBe(true);
    await waitFor(() => reader.doc.getMap('pings').size === n, 5000, 'last pings');
    const p95 = [...during].sort((a, b) => a - b)[Math.floor(during.length * 0.95)] ?? 0;
    expect(p95).toBeLessThan(Math.max(250, baseline * 20));

    // The attacked room still works for a well-behaved client.
    const fresh = connect(t.wsUrl, target.id, target.facilitatorToken);
    await synced(fresh);
    fresh.doc.getMap('notes').set('after-fuzz', 'still here');
    const check = connect(t.wsUrl, target.id, target.viewerToken);
    await synced(check);
    await waitFor(
      () => check.doc.getMap('notes').get('after-fuzz') === 'still here',
      5000,
      'attacked room',
    );
    for (const p of [writer, reader, fresh, check]) p.destroy();
    const rejected = await t.server.services.metrics.rejected.get();
    const count = (reason: string) =>
      rejected.values.find((v) => v.labels.reason === reason)?.value ?? 0;
    expect(count('malformed')).toBeGreaterThan(150);
    expect(count('protocol-error')).toBeGreaterThan(10);
    expect(count('badToken')).toBeGreaterThan(10);
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
  }, 60_000);
});
