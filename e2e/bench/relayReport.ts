// Section 1 of docs/benchmarks.md: relay latency and throughput, Pinnwand
// against its peers; the largest section, so it has a file of its own.

import { SERVER_KINDS, type ServerId } from './lib/servers.ts';
import { type Spread, spread } from './lib/stats.ts';
import { fmt, metaLines, ratio } from './reportFormat.ts';
import type { RelaySection } from './results.ts';

export function renderRelay(s: RelaySection): string[] {
  const out: string[] = ['## 1. Relay latency and throughput', ''];
  out.push(...metaLines(s.meta));
  out.push(
    `Each scenario ran ${s.runs} times per server for ${s.durationMs / 1000} s of sending, after a warm-up round, servers alternating (A B C … then reversed), a fresh room per round, each server in its own process and the load generator in ${s.scenarios[0]?.workers ?? 2} other processes (raw \`ws\` clients, each with its own Y.Doc). Rates are per room, spread over the room's clients: every update is a real Yjs update (text typed into the client's note, design.md schema) carrying its sender, sequence number and send time, so latency is per update even where a server merges frames. Figures are medians of the runs with (min–max). Latency: send → arrival at each other client of the room. CPU: server process user+system seconds over the run (sending + draining). RSS: peak resident memory of the server process during the run. Event loop: p99 / max delay beyond the 10 ms sampling interval (Pinnwand: prom-client via /metrics; peers: the same histogram, reported by the benchmark's launcher). Generator: the busiest load-generator process's CPU share and event-loop p99 — low values mean the generator was not the bottleneck.`,
    '',
  );
  out.push('Persistence per server:', '');
  for (const id of s.servers)
    out.push(`- ${SERVER_KINDS[id].label}: ${SERVER_KINDS[id].persistence}`);
  out.push('');
  const limit = s.maxForeignCores;
  if (limit !== undefined)
    out.push(
      `Foreign load: CPU used by other processes on the machine during a round (/proc/stat minus the server, the generators and the benchmark itself), in cores. A round that saw more than ${limit.toFixed(2)} cores of it was repeated, up to ${s.maxAttempts ?? 1} attempts; the quietest attempt counts, every attempt is kept in benchmarks.json (\`superseded\`). Rounds that stayed above the limit in every attempt are marked below: their tails say more about the machine than about the server.`,
      '',
    );
  for (const sc of s.scenarios) {
    const all = s.rounds.filter((r) => r.scenario === sc.id);
    const rows = all.filter((r) => !r.superseded);
    if (!rows.length) continue;
    out.push(`### ${sc.title}`, '');
    const aw = sc.awarenessHz > 0;
    out.push(
      `| server | p50 ms | p99 ms | max ms | delivered / expected | ${aw ? 'awareness p50 / p99 ms | awareness delivered | ' : ''}server CPU s | peak RSS MB | event loop p99 / max ms | frames / update | generator CPU / loop p99 ms | foreign load (cores) |`,
      `| --- | --- | --- | --- | --- | ${aw ? '--- | --- | ' : ''}--- | --- | --- | --- | --- | --- |`,
    );
    const per = new Map<ServerId, { p99: Spread }>();
    for (const id of s.servers) {
      const rs = rows.filter((r) => r.server === id);
      if (!rs.length) continue;
      const p99 = spread(rs.map((r) => r.p99Ms));
      per.set(id, { p99 });
      const delivered = rs.reduce((a, r) => a + r.delivered, 0);
      const expected = rs.reduce((a, r) => a + r.expected, 0);
      const awD = rs.reduce((a, r) => a + r.awarenessDelivered, 0);
      const awE = rs.reduce((a, r) => a + r.awarenessExpected, 0);
      const eldP99 = spread(
        rs.map((r) => (r.eventLoopP99Ms === null ? null : Math.max(0, r.eventLoopP99Ms - 10))),
      );
      const eldMax = spread(
        rs.map((r) => (r.eventLoopMaxMs === null ? null : Math.max(0, r.eventLoopMaxMs - 10))),
      );
      const genCpu = Math.max(...rs.map((r) => r.generatorCpuMaxShare));
      const genLoop = Math.max(...rs.map((r) => Math.max(0, r.generatorLoopP99Ms - 10)));
      const closes = rs.flatMap((r) => r.closes);
      out.push(
        `| ${SERVER_KINDS[id].label} | ${fmt(spread(rs.map((r) => r.p50Ms)), 2)} | ${fmt(p99, 1)} | ${fmt(spread(rs.map((r) => r.maxMs)), 0)} | ${delivered === expected ? `all ${delivered.toLocaleString('en')}` : `${delivered.toLocaleString('en')} / ${expected.toLocaleString('en')} (${((100 * delivered) / Math.max(1, expected)).toFixed(2)} %)`}${closes.length ? `, closes: ${closes.slice(0, 3).join('; ')}` : ''} | ${aw ? `${fmt(spread(rs.map((r) => r.awarenessP50Ms)), 1)} / ${fmt(spread(rs.map((r) => r.awarenessP99Ms)), 1)} | ${((100 * awD) / Math.max(1, awE)).toFixed(1)} % | ` : ''}${fmt(spread(rs.map((r) => r.serverCpuSeconds)), 2)} | ${fmt(spread(rs.map((r) => r.peakRssMb)), 0)} | ${fmt(eldP99, 0)} / ${fmt(eldMax, 0)} | ${fmt(spread(rs.map((r) => r.framesPerUpdate)), 2)} | ${(genCpu * 100).toFixed(0)} % / ${genLoop.toFixed(0)} | ${fmt(spread(rs.map((r) => r.foreignCores)), 2)} |`,
      );
    }
    const peers = [...per.entries()].filter(([id]) => !id.startsWith('pinnwand'));
    const best = peers
      .filter(([, v]) => v.p99.median !== null)
      .sort((a, b) => a[1].p99.median! - b[1].p99.median!)[0];
    for (const id of ['pinnwand', 'pinnwand-normal'] as const) {
      const ps = rows.filter((r) => r.server === id && r.persist).map((r) => r.persist!);
      if (ps.length)
        out.push(
          '',
          `${SERVER_KINDS[id].label}, group commits (its /metrics): ${fmt(spread(ps.map((p) => p.updatesPerCommit)), 1)} updates per commit, mean commit ${fmt(spread(ps.map((p) => p.meanCommitMs)), 2)} ms, ${fmt(spread(ps.map((p) => (p.over5ms ?? 0) * 100)), 0)} % of commits over 5 ms, ${fmt(spread(ps.map((p) => p.commitSeconds)), 2)} s per run in commits (${s.storageOffThread ? 'in the storage thread: relays wait for them, the event loop does not' : 'the event loop waits for them'}).`,
        );
    }
    for (const id of ['pinnwand', 'pinnwand-normal'] as const) {
      const pw = per.get(id);
      if (!pw || !best || pw.p99.median === null) continue;
      const r = pw.p99.median / best[1].p99.median!;
      const met = r <= 0.8 && (sc.id !== 'r100x400' || pw.p99.median <= 50);
      out.push(
        '',
        `${SERVER_KINDS[id].label}: p99 / best peer's p99 (${SERVER_KINDS[best[0]].label}) = **${ratio(pw.p99.median, best[1].p99.median)}** (target ≤ 0.80×${sc.id === 'r100x400' ? ' and ≤ 50 ms' : ''}: ${met ? 'met' : 'not met'}).`,
      );
    }
    const repeated = all.filter((r) => r.superseded).length;
    const noisy = limit === undefined ? [] : rows.filter((r) => r.foreignCores > limit);
    if (repeated || noisy.length)
      out.push(
        '',
        `Foreign load: ${repeated} attempt(s) repeated${noisy.length ? `; ${noisy.length} counted round(s) above ${limit!.toFixed(2)} cores in every attempt (${noisy.map((r) => `${SERVER_KINDS[r.server as ServerId].label} ${r.foreignCores.toFixed(2)}`).join(', ')})` : ''}.`,
      );
    if (aw)
      out.push(
        '',
        'Awareness is a state, not a log: a server may collapse several states of one client into the newest (Hocuspocus does within a flush window), so "awareness delivered" below 100 % is not a loss by itself.',
      );
    out.push('');
  }
  if (s.notes?.length) out.push(...s.notes, '');
  return out;
}
