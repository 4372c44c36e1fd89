import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  type PostgresCluster,
  startPostgresCluster,
} from '../../../test/helpers/postgresCluster.ts';
import { RoomHeldElsewhere, type RoomLoss, RoomsLost, type WorkshopRecord } from '../Storage.ts';
import { runStorageContract } from '../storageContract.ts';
import { PostgresStorage } from './PostgresStorage.ts';

// One throwaway cluster for the whole file; every storage opened here is closed by its test.
let cluster: PostgresCluster;
let url: string;
beforeAll(async () => {
  cluster = await startPostgresCluster();
  url = cluster.url();
}, 90_000);
afterAll(async () => {
  await cluster?.remove();
});

const open = (options: { leaseMs?: number; nodeId?: string } = {}) =>
  PostgresStorage.open({
    url,
    ownerUrl: `http://127.0.0.1:1/${options.nodeId ?? 'x'}`,
    ...options,
  });

runStorageContract('PostgresStorage', async () => {
  let storage = await open();
  return {
    storage,
    reopen: async () => {
      await storage.close();
      storage = await open();
      return storage;
    },
    cleanup: () => storage.close(),
  };
});

let n = 0;
function record(): WorkshopRecord {
  n += 1;
  return {
    id: `pg-test-${Date.now().toString(36)}-${n}`,
    title: 'Fencing',
    createdAt: Date.now(),
    tokenHashes: {
      facilitator: Buffer.alloc(32, 1),
      participant: Buffer.alloc(32, 2),
      viewer: Buffer.alloc(32, 3),
    },
  };
}

function update(key: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('notes').set(key, key);
  return Y.encodeStateAsUpdate(doc);
}

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

describe('PostgresStorage: one owner per room', () => {
  it('refuses a room held by another live process and names its owner', async () => {
    const a = await open({ nodeId: 'a' });
    const b = await open({ nodeId: 'b' });
    try {
      const r = record();
      await a.createWorkshop(r, update('init'));
      await a.load(r.id);
      const err = await b.load(r.id).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RoomHeldElsewhere);
      expect((err as RoomHeldElsewhere).ownerUrl).toBe('http://127.0.0.1:1/a');
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('fences the writes of an owner whose lease ran out and was taken over', async () => {
    const a = await open({ nodeId: 'a', leaseMs: 400 });
    const b = await open({ nodeId: 'b', leaseMs: 400 });
    try {
      const r = record();
      await a.createWorkshop(r, update('init'));
      await a.load(r.id);
      await a.append([{ workshopId: r.id, update: update('by-a') }]);
      await a.leases.stop(); // a is paused: it no longer renews
      await sleep(600);
      const taken = await b.load(r.id);
      expect(taken.updates).toHaveLength(1);
      const err = await a
        .append([{ workshopId: r.id, update: update('late-a') }])
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RoomsLost);
      expect((err as RoomsLost).rooms.get(r.id)).toBe('taken');
      await expect(a.compact(r.id)).rejects.toBeInstanceOf(RoomsLost);
      await b.append([{ workshopId: r.id, update: update('by-b') }]);
      const rows = await query<{ seq: string; epoch: string }>(
        'SELECT seq, epoch FROM updates WHERE workshop_id = $1 ORDER BY seq',
        [r.id],
      );
      expect(rows.map((row) => [Number(row.seq), Number(row.epoch)])).toEqual([
        [1, 1],
        [2, 2],
      ]);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('refuses a whole batch when one of its rooms was taken over, storing none of it', async () => {
    const a = await open({ nodeId: 'a', leaseMs: 400 });
    const b = await open({ nodeId: 'b', leaseMs: 400 });
    try {
      const kept = record();
      const taken = record();
      await a.createWorkshop(kept, update('k'));
      await a.createWorkshop(taken, update('t'));
      await a.load(kept.id);
      await a.load(taken.id);
      await a.leases.stop();
      await sleep(600);
      await b.load(taken.id);
      const err = await a
        .append([
          { workshopId: kept.id, update: update('x') },
          { workshopId: taken.id, update: update('y') },
        ])
        .catch((e: unknown) => e);
      expect([...(err as RoomsLost).rooms]).toEqual([[taken.id, 'taken']]);
      const stored = await query<{ n: string }>(
        'SELECT count(*) AS n FROM updates WHERE workshop_id = ANY($1)',
        [[kept.id, taken.id]],
      );
      expect(Number(stored[0]!.n)).toBe(0);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('reports rooms taken over or deleted at the next renewal', async () => {
    const a = await open({ nodeId: 'a', leaseMs: 400 });
    const b = await open({ nodeId: 'b', leaseMs: 400 });
    const lost: [string, RoomLoss][] = [];
    a.leases.onLost = (rooms) => lost.push(...rooms);
    try {
      const moved = record();
      const deleted = record();
      const kept = record();
      for (const r of [moved, deleted, kept]) {
        await a.createWorkshop(r, update('i'));
        await a.load(r.id);
      }
      await a.leases.stop();
      await sleep(600);
      await b.load(moved.id);
      await b.deleteWorkshop(deleted.id);
      await a.leases.renew();
      expect(new Map(lost)).toEqual(
        new Map<string, RoomLoss>([
          [moved.id, 'taken'],
          [deleted.id, 'deleted'],
        ]),
      );
      expect(a.leases.epochOf(kept.id)).toBe(1);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('hands a room over at once when its owner unloads it, with a higher epoch', async () => {
    const a = await open({ nodeId: 'a', leaseMs: 60_000 });
    const b = await open({ nodeId: 'b', leaseMs: 60_000 });
    try {
      const r = record();
      await a.createWorkshop(r, update('i'));
      await a.load(r.id);
      await expect(b.load(r.id)).rejects.toBeInstanceOf(RoomHeldElsewhere);
      await a.unload(r.id);
      await b.load(r.id);
      expect(b.leases.epochOf(r.id)).toBe(2);
      expect((await a.lease(r.id))?.ownerUrl).toBe('http://127.0.0.1:1/b');
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('ends a dead owner’s lease early only once its heartbeat is stale, and fences it', async () => {
    // A long lease (stale after half of it, 2 s): the room must change hands long before it runs out.
    const a = await open({ nodeId: 'a', leaseMs: 4000 });
    const b = await open({ nodeId: 'b', leaseMs: 4000 });
    try {
      const r = record();
      await a.createWorkshop(r, update('init'));
      await a.load(r.id);
      await a.append([{ workshopId: r.id, update: update('by-a') }]);
      await a.leases.stop(); // a dies: no more renewals
      await a.leases.renew(); // its last heartbeat, just now
      const fresh = (await b.lease(r.id))!;
      expect(fresh.staleInMs).toBeGreaterThan(0);
      expect(await b.expireDeadLease(r.id, fresh.epoch)).toBe(false);
      await expect(b.load(r.id)).rejects.toBeInstanceOf(RoomHeldElsewhere);

      let lease = fresh;
      while (lease.staleInMs > 0) {
        await sleep(lease.staleInMs + 10);
        lease = (await b.lease(r.id))!;
      }
      expect(lease.live).toBe(true); // ended early, not run out
      // Only the epoch seen is ended: a stale look at an older tenure changes nothing.
      expect(await b.expireDeadLease(r.id, lease.epoch - 1)).toBe(false);
      expect(await b.expireDeadLease(r.id, lease.epoch)).toBe(true);
      const taken = await b.load(r.id);
      expect(taken.updates).toHaveLength(1);
      expect(b.leases.epochOf(r.id)).toBe(lease.epoch + 1);
      const err = await a
        .append([{ workshopId: r.id, update: update('late-a') }])
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RoomsLost);
      // b's fresh lease is never ended early.
      expect(await a.expireDeadLease(r.id, lease.epoch + 1)).toBe(false);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('numbers each room on its own, without gaps, even after a failed batch', async () => {
    const s = await open({ nodeId: 's' });
    try {
      const one = record();
      const two = record();
      await s.createWorkshop(one, update('1'));
      await s.createWorkshop(two, update('2'));
      await s.load(one.id);
      await s.load(two.id);
      expect(
        await s.append([
          { workshopId: one.id, update: update('a') },
          { workshopId: two.id, update: update('b') },
          { workshopId: one.id, update: update('c') },
        ]),
      ).toEqual([1, 1, 2]);
      await expect(
        s.append([
          { workshopId: one.id, update: update('d') },
          { workshopId: 'never-created-room', update: update('e') },
        ]),
      ).rejects.toBeInstanceOf(RoomsLost);
      expect(await s.append([{ workshopId: one.id, update: update('f') }])).toEqual([3]);
    } finally {
      await s.close();
    }
  });
});

describe('PostgresStorage schema', () => {
  it('is created by versioned SQL once, by an ordinary role that owns its database', async () => {
    const dbUrl = await cluster.createDatabase('schema_once');
    const first = await PostgresStorage.open({ url: dbUrl, ownerUrl: 'http://x' });
    const second = await PostgresStorage.open({ url: dbUrl, ownerUrl: 'http://x' });
    await first.close();
    await second.close();
    const versions = await cluster.superuserSql(
      "SELECT string_agg(version::text, ',' ORDER BY version) FROM schema_migrations",
      'schema_once',
    );
    expect(versions).toBe('1,2,3,4,5');
    const role = await cluster.superuserSql(
      "SELECT rolsuper::text || ' ' || (SELECT count(*) FROM pg_extension WHERE extname <> 'plpgsql')::text FROM pg_roles WHERE rolname = 'pinnwand'",
      'schema_once',
    );
    expect(role).toBe('false 0');
  });

  it('refuses to start on a database migrated by a newer release', async () => {
    const dbUrl = await cluster.createDatabase('schema_newer');
    await (await PostgresStorage.open({ url: dbUrl, ownerUrl: 'http://x' })).close();
    await cluster.superuserSql(
      "INSERT INTO schema_migrations (version, name) VALUES (99, 'from the future')",
      'schema_newer',
    );
    await expect(PostgresStorage.open({ url: dbUrl, ownerUrl: 'http://x' })).rejects.toThrow(
      /newer/,
    );
  });
});
