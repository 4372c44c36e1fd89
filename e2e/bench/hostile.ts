// Benchmark 9: the hostile neighbour (issue 11). One Pinnwand process, two
// workshops: in one, a hostile client runs one attack after another; in the
// other, a bystander writes a small edit every 20 ms and a second bystander
// client measures how long each takes to arrive. The same bystander runs once
// with no attack first ("unloaded"). Goal: the bystander's p99 under every
// attack within 2× of unloaded.
//
// The attacks send what issue 11 describes, as raw y-websocket bytes: a
// future delete set, a deep chain of nested maps under an unknown root,
// valid 1.6 MB updates once a second, four viewers that stop reading and send
// SyncStep1 every 20 ms on a large document (reconnecting when closed), 2 MiB
// awareness frames of 10,000 entries, and restore bombs (a backup with
// 300,000 vote entries on one note) over HTTP. Attack payloads are built
// before the measurement starts; the attacker runs in this process, the
// server in its own.
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createWorkshopViaApi } from '../harness/api.ts';
import { type PinnwandProcess, startPinnwand } from '../harness/pinnwandProcess.ts';
import { LatencyHistogram } from './lib/stats.ts';

export interface HostileCase {
  attack: string;
  /** What the attack sends. */
  description: string;
  edits: number;
  delivered: number;
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  /** How the server answered the attacker (close codes, HTTP statuses), counted. */
  answers: Record<string, number>;
}

export interface HostileResult {
  durationMs: number;
  cases: HostileCase[];
}

const EDIT_INTERVAL_MS = 20;

type Log = (...a: unknown[]) => void;

interface Ctx {
  server: PinnwandProcess;
  wsUrl: string;
}

function provider(ctx: Ctx, id: string, token: string): WebsocketProvider {
  return new WebsocketProvider(ctx.wsUrl, id, new Y.Doc(), {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  });
}

function whenSynced(p: WebsocketProvider): Promise<void> {
  if (p.synced) return Promise.resolve();
  return new Promise((resolve) => p.once('sync', () => resolve()));
}

function frame(type: number, sub: number | null, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  if (sub !== null) encoding.writeVarUint(e, sub);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

const updateFrame = (update: Uint8Array) => frame(0, 2, update);

/** A raw socket; resolves when open (or null when refused). */
function raw(url: string, answers: Record<string, number>): Promise<WebSocket | null> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.on('error', () => resolve(null));
    ws.on('open', () => resolve(ws));
    ws.on('close', (code) => {
      answers[`close ${code}`] = (answers[`close ${code}`] ?? 0) + 1;
    });
    ws.on('message', () => undefined);
  });
}

interface Attack {
  id: string;
  description: string;
  /** Prepares payloads (untimed). Returns the loop to run while measuring. */
  prepare(
    ctx: Ctx,
  ): Promise<(running: () => boolean, answers: Record<string, number>) => Promise<void>>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function attackedRoom(ctx: Ctx) {
  return createWorkshopViaApi(ctx.server.url, 'blank', 'Angegriffen');
}

/** Opens a socket with `token`, sends `messages` over and over, reconnecting when closed. */
function resendLoop(url: string, messages: Uint8Array[], pauseMs: number) {
  return async (running: () => boolean, answers: Record<string, number>) => {
    while (running()) {
      const ws = await raw(url, answers);
      if (!ws) {
        await sleep(50);
        continue;
      }
      while (running() && ws.readyState === ws.OPEN) {
        for (const m of messages) ws.send(m);
        await sleep(pauseMs);
      }
      ws.terminate();
    }
  };
}

const ATTACKS: Attack[] = [
  {
    id: 'future delete set',
    description:
      'a participant sends, every 20 ms, an update with no structs and a delete range over 10⁸ clocks of another client that do not exist yet',
    async prepare(ctx) {
      const w = await attackedRoom(ctx);
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 123_456);
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 100_000_000);
      const url = `${ctx.wsUrl}/${w.id}?token=${w.participantToken}`;
      return resendLoop(url, [updateFrame(encoding.toUint8Array(e))], 20);
    },
  },
  {
    id: 'deep nesting',
    description:
      'a participant sends a chain of 20,000 nested Y.Maps under an unknown root (about 240 KB), reconnecting whenever it is closed',
    async prepare(ctx) {
      const w = await attackedRoom(ctx);
      const doc = new Y.Doc();
      let map = doc.getMap('x');
      doc.transact(() => {
        for (let i = 0; i < 20_000; i++) {
          const next = new Y.Map<unknown>();
          map.set('k', next);
          map = next as Y.Map<unknown>;
        }
      });
      const url = `${ctx.wsUrl}/${w.id}?token=${w.participantToken}`;
      return resendLoop(url, [updateFrame(Y.encodeStateAsUpdate(doc))], 200);
    },
  },
  {
    id: 'huge updates',
    description:
      'a participant sends a valid 1.6 MB update (90,000 map sets on the same keys) once a second',
    async prepare(ctx) {
      const w = await attackedRoom(ctx);
      const updates: Uint8Array[] = [];
      const doc = new Y.Doc();
      doc.on('update', (u: Uint8Array) => updates.push(updateFrame(u)));
      for (let round = 0; round < 30; round++) {
        doc.transact(() => {
          const notes = doc.getMap('notes');
          for (let i = 0; i < 90_000; i++) notes.set(`k${i % 100}`, round * 100_000 + i);
        });
      }
      const url = `${ctx.wsUrl}/${w.id}?token=${w.participantToken}`;
      return async (running, answers) => {
        const ws = await raw(url, answers);
        let i = 0;
        while (running() && ws && ws.readyState === ws.OPEN && i < updates.length) {
          ws.send(updates[i++]!);
          await sleep(1000);
        }
        ws?.terminate();
        while (running()) await sleep(50);
      };
    },
  },
  {
    id: 'SyncStep1 spam',
    description:
      'four viewers of a workshop holding about 8 MB stop reading and send SyncStep1 every 20 ms, reconnecting when closed',
    async prepare(ctx) {
      const w = await attackedRoom(ctx);
      const fac = provider(ctx, w.id, w.facilitatorToken);
      await whenSynced(fac);
      const notes = fac.doc.getMap('notes');
      for (let batch = 0; batch < 8; batch++) {
        fac.doc.transact(() => {
          for (let i = 0; i < 500; i++) notes.set(`n${batch}-${i}`, new Y.Text('x'.repeat(2000)));
        });
        await sleep(300);
      }
      await sleep(1000);
      fac.destroy();
      const step1 = frame(0, 0, Y.encodeStateVector(new Y.Doc()));
      const url = `${ctx.wsUrl}/${w.id}?token=${w.viewerToken}`;
      return async (running, answers) => {
        const one = async () => {
          while (running()) {
            const ws = await raw(url, answers);
            if (!ws) continue;
            (ws as unknown as { _socket: { pause(): void } })._socket.pause();
            while (running() && ws.readyState === ws.OPEN) {
              ws.send(step1);
              await sleep(20);
            }
            ws.terminate();
          }
        };
        await Promise.all([one(), one(), one(), one()]);
      };
    },
  },
  {
    id: 'awareness flood',
    description:
      'a participant sends 2 MiB awareness frames of 10,000 entries as fast as the socket takes them, reconnecting when closed',
    async prepare(ctx) {
      const w = await attackedRoom(ctx);
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, 10_000);
      const state = JSON.stringify({ user: { name: 'x'.repeat(180) } });
      for (let i = 0; i < 10_000; i++) {
        encoding.writeVarUint(inner, 100_000 + i);
        encoding.writeVarUint(inner, 1);
        encoding.writeVarString(inner, state);
      }
      const bomb = frame(1, null, encoding.toUint8Array(inner));
      const url = `${ctx.wsUrl}/${w.id}?token=${w.participantToken}`;
      return resendLoop(url, [bomb], 1);
    },
  },
  {
    id: 'restore bombs',
    description:
      'POST /api/workshops/restore, back to back, with a valid backup whose one note holds 300,000 vote entries (3.5 MB)',
    async prepare(ctx) {
      const w = await createWorkshopViaApi(ctx.server.url, 'ozg-example', 'OZG');
      const res = await fetch(
        `${ctx.server.url}/api/workshops/${w.id}/export.json?token=${w.facilitatorToken}`,
      );
      const backup = (await res.json()) as { boards: { notes: { votes: unknown }[] }[] };
      const votes: Record<string, number> = {};
      for (let i = 0; i < 300_000; i++) votes[`p${i}`] = 1;
      backup.boards[0]!.notes[0]!.votes = votes;
      const body = JSON.stringify(backup);
      return async (running, answers) => {
        while (running()) {
          const r = await fetch(`${ctx.server.url}/api/workshops/restore`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body,
          }).catch(() => null);
          const key = r ? `HTTP ${r.status}` : 'network error';
          answers[key] = (answers[key] ?? 0) + 1;
          await r?.text().catch(() => '');
        }
      };
    },
  },
];

/** The bystander: one writer, one reader in their own workshop; latency per edit. */
async function measureBystander(
  ctx: Ctx,
  durationMs: number,
  attack: ((running: () => boolean, answers: Record<string, number>) => Promise<void>) | null,
): Promise<Omit<HostileCase, 'attack' | 'description'>> {
  const w = await createWorkshopViaApi(ctx.server.url, 'blank', 'Nachbar');
  const writer = provider(ctx, w.id, w.facilitatorToken);
  const reader = provider(ctx, w.id, w.viewerToken);
  await Promise.all([whenSynced(writer), whenSynced(reader)]);
  const hist = new LatencyHistogram();
  const seen = new Set<string>();
  const probe = reader.doc.getMap('probe');
  probe.observe((event) => {
    const now = performance.now();
    for (const key of event.keysChanged) {
      if (seen.has(key)) continue;
      seen.add(key);
      const sent = probe.get(key);
      if (typeof sent === 'number') hist.add((now - sent) * 1000);
    }
  });
  const answers: Record<string, number> = {};
  let on = true;
  const attacking = attack ? attack(() => on, answers) : Promise.resolve();
  // Let the attack get going before the first edit.
  await sleep(attack ? 300 : 0);
  const started = performance.now();
  let edits = 0;
  while (performance.now() - started < durationMs) {
    writer.doc.getMap('probe').set(`e${edits++}`, performance.now());
    await sleep(EDIT_INTERVAL_MS);
  }
  // Edits still in flight count with their late arrival (bounded wait).
  const deadline = performance.now() + 10_000;
  while (seen.size < edits && performance.now() < deadline) await sleep(20);
  on = false;
  await attacking;
  writer.destroy();
  reader.destroy();
  const ms = (v: number | null) => (v === null ? null : v / 1000);
  return {
    edits,
    delivered: seen.size,
    p50Ms: ms(hist.percentile(50)),
    p99Ms: ms(hist.percentile(99)),
    maxMs: hist.count ? hist.max / 1000 : null,
    answers,
  };
}

export async function runHostile(durationMs: number, log: Log): Promise<HostileResult> {
  const server = await startPinnwand({ env: { LOG_LEVEL: 'error' } });
  const ctx: Ctx = { server, wsUrl: `${server.url.replace(/^http/, 'ws')}/ws` };
  const cases: HostileCase[] = [];
  try {
    const unloaded = await measureBystander(ctx, durationMs, null);
    cases.push({ attack: 'none (unloaded)', description: 'no attack', ...unloaded });
    log(`hostile unloaded: p50 ${unloaded.p50Ms?.toFixed(1)} p99 ${unloaded.p99Ms?.toFixed(1)} ms`);
    for (const attack of ATTACKS) {
      const loop = await attack.prepare(ctx);
      const r = await measureBystander(ctx, durationMs, loop);
      cases.push({ attack: attack.id, description: attack.description, ...r });
      log(
        `hostile ${attack.id}: p50 ${r.p50Ms?.toFixed(1)} p99 ${r.p99Ms?.toFixed(1)} ms, ${r.delivered}/${r.edits}, ${JSON.stringify(r.answers)}`,
      );
    }
  } finally {
    await server.stop('SIGKILL').catch(() => undefined);
  }
  return { durationMs, cases };
}
