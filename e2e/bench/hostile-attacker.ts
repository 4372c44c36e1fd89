// The hostile neighbour's attacker (bench/hostile.ts), in a process of its own
// (child_process.fork): building a 2 MiB awareness frame, a 240 KB nested
// update or a 3.5 MB restore body, and the sockets sending them, would
// otherwise share the event loop of the process that times the bystander's
// edits and distort what it measures. One process per attack, so that one
// attack's garbage does not slow the next.
//
// Every attack is real: raw y-websocket frames over real sockets, or real
// HTTP requests, against the real server. Protocol with the parent (IPC):
//   parent → { type: 'prepare', attack, httpUrl, wsUrl }   child → { type: 'ready' }
//   parent → { type: 'start' }
//   parent → { type: 'stop' }     child → { type: 'stopped', answers }
import { setTimeout as sleep } from 'node:timers/promises';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createWorkshopViaApi } from '../harness/api.ts';
import { stockProvider, whenSynced } from './lib/stockProvider.ts';

export type ToAttacker =
  | { type: 'prepare'; attack: string; httpUrl: string; wsUrl: string }
  | { type: 'start' }
  | { type: 'stop' };

export type FromAttacker =
  | { type: 'ready' }
  /** `cpuMs`: the attacker's own CPU time while attacking. */
  | { type: 'stopped'; answers: Record<string, number>; cpuMs: number }
  | { type: 'error'; message: string };

interface Ctx {
  httpUrl: string;
  wsUrl: string;
}

type Loop = (running: () => boolean, answers: Record<string, number>) => Promise<void>;

interface Attack {
  id: string;
  /** Prepares payloads (untimed). Returns the loop to run while the bystander is measured. */
  prepare(ctx: Ctx): Promise<Loop>;
}

function frame(type: number, sub: number | null, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  if (sub !== null) encoding.writeVarUint(e, sub);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

const updateFrame = (update: Uint8Array) => frame(0, 2, update);

/** A raw socket; resolves when open (or null when refused: counted by HTTP status). */
function raw(url: string, answers: Record<string, number>): Promise<WebSocket | null> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.on('unexpected-response', (_req, res) => {
      const key = `HTTP ${res.statusCode}`;
      answers[key] = (answers[key] ?? 0) + 1;
      ws.terminate();
      resolve(null);
    });
    ws.on('error', () => resolve(null));
    ws.on('open', () => resolve(ws));
    ws.on('open', () =>
      ws.on('close', (code) => {
        answers[`close ${code}`] = (answers[`close ${code}`] ?? 0) + 1;
      }),
    );
    ws.on('message', () => undefined);
  });
}

async function attackedRoom(ctx: Ctx) {
  return createWorkshopViaApi(ctx.httpUrl, 'blank', 'Angegriffen');
}

/** Opens a socket, sends `messages` over and over, reconnecting when closed. */
function resendLoop(url: string, messages: Uint8Array[], pauseMs: number): Loop {
  return async (running, answers) => {
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

export const ATTACKS: readonly Attack[] = [
  {
    id: 'future delete set',
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
    async prepare(ctx) {
      const w = await attackedRoom(ctx);
      const fac = stockProvider(ctx.wsUrl, w.id, w.facilitatorToken);
      await whenSynced(fac);
      const notes = fac.doc.getMap('notes');
      for (let batch = 0; batch < 8; batch++) {
        fac.doc.transact(() => {
          for (let i = 0; i < 500; i++) notes.set(`n${batch}-${i}`, new Y.Text('x'.repeat(2000)));
        });
        await sleep(300);
      }
      // The server takes these 8 MB at the facilitator's byte rate: the attack
      // starts once all of it is stored (a fresh client receives every note),
      // or applying them would be measured as the attack's cost.
      for (;;) {
        const check = stockProvider(ctx.wsUrl, w.id, w.viewerToken);
        await whenSynced(check);
        const complete = check.doc.getMap('notes').size === 4000;
        check.destroy();
        if (complete) break;
        await sleep(500);
      }
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
        // The facilitator stayed in the workshop throughout, as in a real one.
        fac.destroy();
      };
    },
  },
  {
    id: 'awareness flood',
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
    async prepare(ctx) {
      const w = await createWorkshopViaApi(ctx.httpUrl, 'ozg-example', 'OZG');
      const res = await fetch(
        `${ctx.httpUrl}/api/workshops/${w.id}/export.json?token=${w.facilitatorToken}`,
      );
      const backup = (await res.json()) as { boards: { notes: { votes: unknown }[] }[] };
      const votes: Record<string, number> = {};
      for (let i = 0; i < 300_000; i++) votes[`p${i}`] = 1;
      backup.boards[0]!.notes[0]!.votes = votes;
      // Encoded once: a string body is encoded to UTF-8 anew by every fetch, 3.5 MB
      // per request, which made the attacker's own process use more than a core of
      // the two the server shares with it; the server receives the same bytes.
      const body = new TextEncoder().encode(JSON.stringify(backup));
      return async (running, answers) => {
        while (running()) {
          const r = await fetch(`${ctx.httpUrl}/api/workshops/restore`, {
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

function reply(msg: FromAttacker): void {
  process.send?.(msg);
}

let loop: Loop | null = null;
let running = false;
let attacking: Promise<void> = Promise.resolve();
let cpuAtStart: NodeJS.CpuUsage | undefined;
const answers: Record<string, number> = {};

process.on('message', (msg: ToAttacker) => {
  switch (msg.type) {
    case 'prepare': {
      const attack = ATTACKS.find((a) => a.id === msg.attack);
      if (!attack) {
        reply({ type: 'error', message: `unknown attack "${msg.attack}"` });
        return;
      }
      attack.prepare({ httpUrl: msg.httpUrl, wsUrl: msg.wsUrl }).then(
        (prepared) => {
          loop = prepared;
          reply({ type: 'ready' });
        },
        (err: unknown) => reply({ type: 'error', message: String(err) }),
      );
      return;
    }
    case 'start':
      if (!loop) return;
      running = true;
      cpuAtStart = process.cpuUsage();
      attacking = loop(() => running, answers).catch((err: unknown) => {
        answers[`attacker error: ${String(err).slice(0, 80)}`] = 1;
      });
      return;
    case 'stop':
      running = false;
      void attacking.then(() => {
        const cpu = process.cpuUsage(cpuAtStart);
        reply({ type: 'stopped', answers, cpuMs: Math.round((cpu.user + cpu.system) / 1000) });
      });
      return;
  }
});
