// Short chaos run (the long one is `pnpm bench -- --only failover`): three real
// Pinnwand processes on one real PostgreSQL behind HAProxy with the documented
// configuration, 40 stock y-websocket clients in 10 rooms writing through it,
// processes killed with SIGKILL and restarted, one owner paused past its lease.
// Nothing any client received may be missing from PostgreSQL afterwards.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ChaosReport, runChaos } from './helpers/chaos.ts';
import { removeChildServerBundle, startChildServer } from './helpers/childServer.ts';
import { type PostgresCluster, startPostgresCluster } from './helpers/postgresCluster.ts';
import { makeDataDir } from './helpers/testServer.ts';

let pg: PostgresCluster;
beforeAll(async () => {
  pg = await startPostgresCluster();
}, 90_000);
afterAll(async () => {
  await pg?.remove();
  removeChildServerBundle();
});

it('loses nothing any client received while processes are killed and an owner is paused', async () => {
  const report: ChaosReport = await runChaos({
    databaseUrl: await pg.createDatabase('chaos'),
    start: async (port, env) => {
      const child = await startChildServer(makeDataDir(), { ...env, PORT: String(port) });
      return { pid: child.child.pid!, output: child.output, stop: (signal) => child.stop(signal) };
    },
    processes: 3,
    rooms: 10,
    clientsPerRoom: 4,
    editsPerSecond: 5,
    durationMs: 20_000,
    disruptEveryMs: [5000, 10_000],
    leaseMs: 3000,
    log: (message) => console.log(`[chaos] ${message}`),
  });
  console.log('[chaos] report', JSON.stringify(report));
  expect(report.kills).toBeGreaterThanOrEqual(2);
  expect(report.editsReceived).toBeGreaterThan(1000);
  expect(report.lost).toBe(0);
  expect(report.notConverged).toEqual([]);
  expect(report.gaps).toBe(0);
  expect(report.epochDrops).toBe(0);
  expect(report.epochsDecreased).toBe(0);
  // The paused owner's rooms were taken over, and it dropped them on waking.
  expect(report.pause?.roomsTakenOver).toBeGreaterThan(0);
  expect(report.pause?.ownerDropped).toBe(true);
  // Every failed-over room accepted edits again (how fast is the benchmark's business).
  expect(report.failovers.every((f) => f.ms !== null)).toBe(true);
  // Typically 1–2 minutes; the margin is for a machine busy with other work.
}, 480_000);
