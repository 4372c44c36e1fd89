// Renders docs/benchmarks.md from the raw results (docs/benchmarks.json,
// results.ts), so a partial run (--only) can replace its sections and keep the others.
// Relay's section is in relayReport.ts; number formats in reportFormat.ts.
import type { CrashRoundResult } from './crash.ts';
import { SERVER_KINDS } from './lib/servers.ts';
import { spread } from './lib/stats.ts';
import { renderRelay } from './relayReport.ts';
import { f, fmt, kb, mb, metaLines, ratio } from './reportFormat.ts';
import type {
  BundleSection,
  CanvasSection,
  ClusterSection,
  ColdLoadSection,
  CrashSection,
  ExportsSection,
  FailoverSection,
  HostileSection,
  MemorySection,
  PendingSection,
  Results,
} from './results.ts';

function renderCrash(s: CrashSection): string[] {
  const out: string[] = ['## 2. Crash durability', ''];
  out.push(...metaLines(s.meta));
  out.push(
    `Writers type markers into their notes (${s.rates.map((r) => `${r.rate}/s from ${r.writers} connections`).join(', ')}; Pinnwand's default per-connection limit is 200 updates/s, so no connection exceeds 100/s) while an observer client watches. The server is killed with SIGKILL at a random moment ${s.killWindowMs[0] / 1000}–${s.killWindowMs[1] / 1000} s into the writing, restarted on the same data folder, and a fresh client reads the document back. *Relayed* = updates any client received from the server (an observer or the writer's own echo); *acknowledged* = Hocuspocus's SyncStatus acknowledgements to the writer. *Lost* = relayed or acknowledged, and missing after the restart. ${s.roundsPerRate} rounds per rate and server, servers alternating.`,
    '',
    '| server | rate /s | rounds | sent | relayed | acknowledged | stored after restart | lost (relayed or acked) | rounds with loss | errors |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const id of s.servers) {
    for (const { rate } of s.rates) {
      const rs = s.rounds.filter((r) => r.server === id && r.rate === rate);
      if (!rs.length) continue;
      const sum = (k: keyof CrashRoundResult) => rs.reduce((a, r) => a + (r[k] as number), 0);
      const errors = rs.filter((r) => r.error);
      const lossRounds = rs.filter((r) => r.lost > 0).length;
      out.push(
        `| ${SERVER_KINDS[id].label} | ${rate} | ${rs.length} | ${sum('sent')} | ${sum('relayed')} | ${id.startsWith('hocuspocus') ? sum('acknowledged') : '—'} | ${sum('stored')} | **${sum('lost')}** (${((100 * sum('lost')) / Math.max(1, Math.max(sum('relayed'), sum('acknowledged')))).toFixed(1)} %) | ${lossRounds} / ${rs.length} | ${
          errors.length
            ? errors
                .map((e) => e.error)
                .slice(0, 2)
                .join('; ')
            : '0'
        } |`,
      );
    }
  }
  for (const id of ['pinnwand', 'pinnwand-normal'] as const) {
    const pw = s.rounds.filter((r) => r.server === id);
    if (!pw.length) continue;
    const lost = pw.reduce((a, r) => a + r.lost, 0);
    out.push(
      '',
      `${SERVER_KINDS[id].label} — target zero lost updates in every round: ${lost === 0 && pw.every((r) => !r.error) ? '**met**' : `**not met** (${lost} lost)`}.`,
    );
  }
  out.push('', "Peers' losses are the baseline.");
  out.push('');
  return out;
}

function renderColdLoad(s: ColdLoadSection): string[] {
  const out: string[] = ['## 3. Cold load', ''];
  out.push(...metaLines(s.meta));
  out.push(
    `One room with ${s.workload.notes.toLocaleString('en')} notes (design.md schema) built from ${s.workload.updates.toLocaleString('en')} updates (${mb(s.workload.bytes)} of updates; ${s.workload.participants} participants each creating notes, then typing, moving, voting, recolouring), sent through the server at ${s.writeRate}/s over one connection (*history written and taken in*: until a new client receives the complete document). *Before compaction*: the data folder as left by the writes, server killed (no unload). *After compaction*: the room loaded, unloaded and the server stopped gracefully (Pinnwand compacts the log into a snapshot on unload; y-leveldb trims its log when a document with many updates loads; Hocuspocus always stores the whole document). Each load is timed ${s.runs} times on a fresh copy of the data folder and a freshly started server (the room is on disk only): *synced* = from opening the socket until the message that completes the document has arrived; *applied* = until the client has also applied it (a client-side cost of about the same size for every server). *Warm* = the room already in memory. Pinnwand only: *first visit* = a device without a participant identity, timed from its identity request (POST …/identities, which records the identity in the document and so builds it in memory) until synced; *Chromium* = Pinnwand's client (Debian's Chromium, 1280×800, a new browser context with the display name remembered) opening the facilitator's link, from navigation start until the first notes are drawn on the canvas.`,
    '',
    '| server | history written and taken in, s | storage before compaction | storage after | cold load before compaction: synced ms | applied ms | cold load after compaction: synced ms | applied ms | warm: synced ms | complete |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const r of s.results) {
    out.push(
      `| ${SERVER_KINDS[r.server].label} | ${f(r.writeMs / 1000, 1)} | ${mb(r.sizeBeforeBytes)} | ${mb(r.sizeAfterBytes)} | ${fmt(r.loadBeforeMs, 0)} | ${fmt(r.appliedBeforeMs, 0)} | ${fmt(r.loadAfterMs, 0)} | ${fmt(r.appliedAfterMs, 0)} | ${fmt(r.loadWarmMs, 0)} | ${r.error ? `error: ${r.error}` : r.allComplete && r.writeOk ? `yes (${r.notes} notes)` : 'NO'} |`,
    );
  }
  const pw = s.results.find((r) => r.server === 'pinnwand');
  const peers = s.results.filter(
    (r) => !r.server.startsWith('pinnwand') && r.loadAfterMs.median !== null,
  );
  const best = peers.sort((a, b) => a.loadAfterMs.median! - b.loadAfterMs.median!)[0];
  if (pw && best) {
    out.push(
      '',
      `Pinnwand / best peer (${SERVER_KINDS[best.server].label}), cold load after compaction, synced: **${ratio(pw.loadAfterMs.median, best.loadAfterMs.median)}**. Target ≤ 150 ms: ${(pw.loadAfterMs.median ?? 1e9) <= 150 ? '**met**' : '**not met**'} (${f(pw.loadAfterMs.median, 0)} ms synced, ${f(pw.appliedAfterMs.median, 0)} ms applied). Stored after compaction: ${pw.notes ? `${Math.round(pw.sizeAfterBytes / pw.notes)} bytes per note (data folder / notes)` : 'n/a'}.`,
    );
  }
  if (pw?.firstVisitAfterMs || pw?.browserFirstDrawnMs || pw?.browserError) {
    const loads = pw.browserLoads ?? [];
    const median = (values: (number | null)[]): string => {
      const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
      return known.length ? f(known[Math.floor(known.length / 2)]!, 0) : 'n/a';
    };
    // The first drawn notes: the first picture, the notes as cards at their places.
    const placed = pw.browserNotesPlacedMs?.median ?? null;
    const placedText = pw.browserNotesPlacedMs ? `${fmt(pw.browserNotesPlacedMs, 0)} ms` : 'n/a';
    out.push(
      '',
      `Pinnwand, after compaction: first visit (identity request, then the socket) ${pw.firstVisitAfterMs ? fmt(pw.firstVisitAfterMs, 0) : 'n/a'} ms until synced. Chromium, link opened → the board's notes on screen as cards at their places: ${pw.browserError ? `error: ${pw.browserError}` : `${placedText}; → the whole picture with the notes' titles (every note in view): ${fmt(pw.browserFirstDrawnMs!, 0)} ms; medians of its steps, ms after navigation start: identity request ${median(loads.map((l) => l.identityStartMs))}–${median(loads.map((l) => l.identityEndMs))}, board cards answered ${median(loads.map((l) => l.cardsEndMs ?? null))}, board preview answered ${median(loads.map((l) => l.previewEndMs ?? null))}, socket open ${median(loads.map((l) => l.socketOpenMs ?? null))}, document applied ${median(loads.map((l) => l.firstSyncMs ?? null))}, notes as cards ${median(loads.map((l) => l.notesPlacedMs ?? null))}, whole picture ${median(loads.map((l) => l.firstDrawnMs))}`}. Target ≤ 1 s to the first drawn notes (the cards): ${placed !== null && placed <= 1000 ? '**met**' : '**not met**'}.`,
    );
    const warm = pw.browserWarmLoads ?? [];
    if (pw.browserWarmFirstDrawnMs && warm.length > 0)
      out.push(
        '',
        `Chromium, the same with the workshop in progress (a participant moving notes, so the room's document is in the server's memory): whole picture ${fmt(pw.browserWarmFirstDrawnMs, 0)} ms; board cards answered ${median(warm.map((l) => l.cardsEndMs ?? null))}, board preview answered ${median(warm.map((l) => l.previewEndMs ?? null))}, socket open ${median(warm.map((l) => l.socketOpenMs ?? null))}, document applied ${median(warm.map((l) => l.firstSyncMs ?? null))}, notes as cards ${median(warm.map((l) => l.notesPlacedMs ?? null))}, whole picture ${median(warm.map((l) => l.firstDrawnMs))}.`,
      );
  }
  out.push('');
  return out;
}

function renderBundle(s: BundleSection): string[] {
  const r = s.result;
  const out: string[] = ['## 5. Bundle', ''];
  out.push(...metaLines(s.meta));
  out.push(
    `Built client (\`client/dist\`), gzip level 9. *Initial* = what index.html loads before the app runs (module scripts, modulepreload and stylesheet links, and their static imports). Initial JavaScript: **${kb(r.initialJsGzipBytes)} gzip** (${kb(r.initialJsBytes)} raw) — target ≤ 250 KB: ${r.initialJsGzipBytes <= 250 * 1024 ? '**met**' : '**not met**'}. Initial CSS: ${kb(r.initialCssGzipBytes)} gzip. All JavaScript: ${kb(r.totalJsGzipBytes)} gzip. No peer applies (the peers are servers).`,
    '',
    '| file | initial | raw | gzip |',
    '| --- | --- | --- | --- |',
  );
  for (const file of r.files) {
    if (file.kind === 'other' && file.file !== 'index.html') continue;
    out.push(
      `| ${file.file} | ${file.initial ? 'yes' : 'lazy'} | ${kb(file.bytes)} | ${kb(file.gzipBytes)} |`,
    );
  }
  out.push('');
  return out;
}

function renderCanvas(s: CanvasSection): string[] {
  const out: string[] = ['## 4. Canvas', ''];
  out.push(...metaLines(s.meta));
  out.push(
    "Debian's Chromium (headless, software rendering: `--disable-gpu`, flags of e2e/harness/browser.ts) through playwright-core, 1280×800. A board of N notes in a 40-column grid is written into a real workshop on a real Pinnwand server; the facilitator opens it with the side panel (the outline) open, as a facilitator has it, and the board zoomed to fit. *First render*: after a reload, ms from navigation start until notes are drawn. *Drag*: up to 50 notes selected with a selection frame, then dragged for 60 pointer moves. *Pan/zoom*: a middle-button pan of 45 moves, then 30 ctrl+wheel zoom steps. Frame times are requestAnimationFrame intervals (16.7 ms = 60 fps). Meanwhile *movers* other people, each on their own connection, move notes 20 times per second each. Heap: JS heap after a forced GC. *Load average*: the machine's 1-minute load when the measured phases began, per run (2 cores; above 2, frames wait for a core, so the frame times measure the machine as much as the canvas). Medians of the runs (min–max).",
    '',
    '| notes | movers | side panel | first render ms | notes drawn | drag p50 / p95 frame ms | pan/zoom p50 / p95 frame ms | JS heap MB | notes moved by the drag | load average | errors |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const c of s.cases) {
    const errors = c.runs.filter((r) => r.error).map((r) => r.error);
    // First render is measured before anything that can fail: report it from every run.
    const firstRender = spread(c.runs.map((r) => r.firstRenderMs));
    const panel = c.runs.every((r) => r.panelOpen)
      ? 'open'
      : c.runs.some((r) => r.panelOpen)
        ? 'mixed'
        : 'closed';
    out.push(
      `| ${c.notes.toLocaleString('en')} | ${c.movers ?? 1} | ${panel} | ${fmt(firstRender, 0)} | ${c.runs.map((r) => r.drawnNotes).join(', ')} | ${fmt(c.dragP50Ms, 1)} / ${fmt(c.dragP95Ms, 1)} | ${fmt(c.panP50Ms, 1)} / ${fmt(c.panP95Ms, 1)} | ${fmt(c.heapMb, 1)} | ${c.runs.map((r) => r.movedNotes).join(', ')} | ${c.runs.map((r) => (r.loadAverage === undefined ? '?' : r.loadAverage.toFixed(1))).join(', ')} | ${errors.length ? errors.slice(0, 2).join('; ') : '0'} |`,
    );
  }
  const target = 16.7;
  // A frame at 60 Hz is 16.67 ms; requestAnimationFrame intervals of one vsync
  // read 16.7 or 16.8 ms (timestamp rounding), a skipped frame 33.3 ms. So "p95
  // within one frame" means below half a frame more than one vsync.
  const oneFrame = 1000 / 60 + 0.5;
  const verdicts = s.cases.map((c) => {
    const ok = (c.dragP95Ms.median ?? 1e9) <= oneFrame && (c.panP95Ms.median ?? 1e9) <= oneFrame;
    return `${c.notes.toLocaleString('en')} notes, ${c.movers ?? 1} movers: ${ok ? '**met**' : '**not met**'}`;
  });
  out.push(
    '',
    `Target, drag and pan/zoom p95 ≤ ${target} ms (one frame at 60 Hz; an interval of one vsync reads 16.7–16.8 ms): ${verdicts.join('; ')}. No peer applies.`,
    '',
  );
  return out;
}

function renderExports(s: ExportsSection): string[] {
  const out: string[] = ['## 6. Exports', ''];
  out.push(...metaLines(s.meta));
  out.push(
    `Markdown and PDF through the shared/ serialisers the server's export routes use (\`workshopToMarkdown\`, \`workshopToPdf\` with the DejaVu fonts the server embeds), in one Node process; the time includes reading the Y.Doc into a view. ${s.result.runs} timed runs after one untimed. The 1,000-note workshop is the example plus notes made from its texts, spread over its boards and clusters. No peer applies.`,
    '',
    '| workshop | notes | Markdown ms | Markdown size | PDF ms | PDF size |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const c of s.result.cases)
    out.push(
      `| ${c.name} | ${c.notes} | ${fmt(c.markdownMs, 1)} | ${kb(c.markdownBytes)} | ${fmt(c.pdfMs, 0)} | ${kb(c.pdfBytes)} |`,
    );
  const big = s.result.cases.find((c) => c.notes >= 1000);
  if (big)
    out.push(
      '',
      `Target: PDF of 1,000 notes ≤ 1.5 s — ${(big.pdfMs.median ?? 1e9) <= 1500 ? '**met**' : '**not met**'} (${f(big.pdfMs.median, 0)} ms).`,
    );
  out.push('');
  return out;
}

function renderCluster(s: ClusterSection): string[] {
  const r = s.result;
  const out: string[] = ['## 7. Cluster suggestions', ''];
  out.push(...metaLines(s.meta));
  out.push(
    `\`suggestClusters\` (shared/src/cluster) on the boards of the real OZG workshop that the facilitators clustered, scored with the adjusted Rand index against their clusters (notes the suggestions leave over count as clusters of one; *leftovers together* counts them as one more cluster). ARI is 0 for chance and 1 for the facilitators' exact grouping; *pair precision* is the share of note pairs the suggestions put together that the facilitators put together too, against the base rate of all pairs. Time: 500 notes made from the workshop's texts, ${r.runs} runs after a warm-up.`,
    '',
    '| board | notes | facilitator clusters | suggested clusters | leftovers | ARI | ARI, leftovers together | pair precision / base rate |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const b of r.boards)
    out.push(
      `| ${b.title} | ${b.noteCount} | ${b.facilitatorClusters} | ${b.suggestedClusters} | ${b.leftovers} | ${b.ari.toFixed(3)} | ${b.ariLeftoversTogether.toFixed(3)} | ${b.pairPrecision.toFixed(2)} / ${b.pairBaseRate.toFixed(2)} |`,
    );
  out.push(
    '',
    `500 notes: **${fmt(r.time500Ms, 0)} ms** (${r.clustersFor500} clusters suggested). No peer applies.`,
    '',
  );
  return out;
}

function renderFailover(s: FailoverSection): string[] {
  const { delivery: d, chaos: c } = s.result;
  const ms = (v: number | null) => (v === null ? 'n/a' : `${v.toFixed(1)} ms`);
  const met = (v: number | null, goal: number) =>
    v !== null && v <= goal ? '**met**' : '**not met**';
  const out: string[] = ['## 8. Several processes: cross-process delivery and failover', ''];
  out.push(...metaLines(s.meta));
  out.push(
    `Built servers with \`DATABASE_URL\` on a throwaway PostgreSQL 15 cluster (Debian, fsync on). **Delivery**: one room served by process A; one writer and one reader connected to A, one writer and one reader connected to B, which forwards their websockets to A; the writers together ${d.ratePerSecond} updates/s for ${d.durationMs / 1000} s; send → arrival measured in the bench process (one clock). **Failover**: the chaos scenario of \`server/test/clusterChaos.test.ts\` for ${c.durationMs / 1000} s — 3 processes behind HAProxy (\`docs/haproxy.cfg\`), 40 stock y-websocket clients in 10 rooms writing 5 edits/s each, a process killed with SIGKILL and restarted every 5–10 s, once an owner paused with SIGSTOP past its lease; failover = kill → the first edit written after the kill that another client of the room received, per room the killed process owned.`,
    '',
    '| delivery | updates | p50 | p99 | max |',
    '| --- | --- | --- | --- | --- |',
  );
  const row = (label: string, x: typeof d.sameProcess) =>
    out.push(`| ${label} | ${x.count} | ${ms(x.p50Ms)} | ${ms(x.p99Ms)} | ${ms(x.maxMs)} |`);
  row('same process (A → A)', d.sameProcess);
  row('cross-process (A → B, B → A)', d.crossProcess);
  row('both forwarded (B → B)', d.bothForwarded);
  const r = c.report;
  out.push(
    '',
    `Goal cross-process p99 ≤ 50 ms at 200 updates/s: ${met(d.crossProcess.p99Ms, 50)}. Updates a reader never received: ${d.missing}.`,
    '',
    `Chaos: ${c.kills} kills, ${r.failovers.length} room failovers; failover p50 ${ms(c.failoverP50Ms)}, p99 ${ms(c.failoverP99Ms)}, max ${ms(c.failoverMaxMs)} — goal p99 ≤ 5 s: ${met(c.failoverP99Ms, 5000)}. Paused owner: ${r.pause ? `${r.pause.roomsTakenOver} of ${r.pause.rooms} rooms taken over, owner dropped them on waking: ${r.pause.ownerDropped ? 'yes' : 'no'}` : 'not run'}. Edits written ${r.editsWritten}, received by other clients ${r.editsReceived}; **lost ${r.lost}**; rooms not converged ${r.notConverged.length}; sequence gaps ${r.gaps}; epoch drops in the log ${r.epochDrops}, lease epochs seen going down ${r.epochsDecreased}.`,
    '',
  );
  if (c.phases) {
    out.push(
      'Where a failover’s time goes, in ms after the kill, over the failed-over rooms (a dead owner is found by its refused address and stale heartbeat, and its room claimed before the lease runs out; see docs/design.md):',
      '',
      '| phase | p50 | p99 |',
      '| --- | --- | --- |',
    );
    for (const [label, p] of Object.entries(c.phases)) {
      out.push(`| ${label} | ${ms(p.p50Ms)} | ${ms(p.p99Ms)} |`);
    }
    out.push('');
  }
  return out;
}

function renderHostile(s: HostileSection): string[] {
  const out: string[] = ['## 9. Hostile neighbour', ''];
  out.push(...metaLines(s.meta));
  const r = s.result;
  out.push(
    `One Pinnwand process, two workshops. In one, a hostile client runs each attack of issue 11 for ${r.durationMs / 1000} s; in the other, a bystander writes a small edit every 20 ms and a second client of that workshop measures how long each takes to arrive (same process, same clock). The first row is the same bystander with no attack. Goal: the bystander's p99 within 2× of unloaded under every attack. The attacker runs in a process of its own (one per attack, niced, so that on a small machine its own CPU is not counted as the server's), the server in its own; the benchmark's process only sends and times the bystander's edits.`,
    '',
    '| attack | bystander p50 | p99 | max | p99 vs unloaded | edits arrived | what the server answered the attacker | attacker CPU |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  const base = r.cases[0]?.p99Ms ?? null;
  for (const c of r.cases) {
    const within = base !== null && c.p99Ms !== null ? (c.p99Ms <= 2 * base ? ' ✓' : ' ✗') : '';
    const answers = Object.entries(c.answers)
      .map(([k, n]) => `${k} ×${n}`)
      .join(', ');
    out.push(
      `| ${c.attack} | ${f(c.p50Ms)} ms | ${f(c.p99Ms)} ms | ${f(c.maxMs, 0)} ms | ${ratio(c.p99Ms, base)}${c === r.cases[0] ? '' : within} | ${c.delivered}/${c.edits} | ${answers || '—'} | ${c.attackerCpuMs === null || c.attackerCpuMs === undefined ? '—' : `${c.attackerCpuMs} ms`} |`,
    );
  }
  out.push('', 'Attacks:', '');
  for (const c of r.cases.slice(1)) out.push(`- **${c.attack}**: ${c.description}.`);
  out.push('');
  return out;
}

function renderMemory(s: MemorySection): string[] {
  const r = s.result;
  const out: string[] = ['## 10. Memory', ''];
  out.push(...metaLines(s.meta));
  out.push(
    `Pinnwand alone. ${r.rooms} rooms, then ${r.clientsPerRoom} clients in each (raw \`ws\` clients, every one adds its note), resident memory of the server process after each step settled (median of 5 samples). Per room = (one client in every room − started) / ${r.rooms}; per connection = (all clients − one per room) / ${(r.rooms * (r.clientsPerRoom - 1)).toLocaleString('en')}.`,
    '',
    '| step | RSS MB |',
    '| --- | --- |',
    `| started, ${r.rooms} workshops created, none loaded | ${r.rss0Mb.toFixed(0)} |`,
    `| ${r.rooms} rooms × 1 client | ${r.rss1Mb.toFixed(0)} |`,
    `| ${r.rooms} rooms × ${r.clientsPerRoom} clients | **${r.rss2Mb.toFixed(0)}** |`,
    `| every client gone, idle rooms unloaded | ${r.rss3Mb.toFixed(0)} |`,
    '',
    `Per room: **${r.perRoomKb.toFixed(0)} KB**; per connection: **${r.perConnectionKb.toFixed(0)} KB**. Idle rooms unloaded: ${r.unloaded ? `**yes**, all ${r.rooms} within ${((r.unloadMs ?? 0) / 1000).toFixed(1)} s of the last client leaving (ROOM_IDLE_MS=${r.roomIdleMs})` : '**no** (pinnwand_rooms_loaded did not reach 0)'}; V8 keeps freed heap pages for a while, so RSS falls more slowly than the rooms go.${r.error ? ` Error: ${r.error}` : ''}`,
    '',
  );
  return out;
}

export function renderMarkdown(results: Results): string {
  const s = results.sections;
  const out: string[] = [
    '# Benchmarks',
    '',
    'Generated by `pnpm bench` (e2e/bench/run.ts); raw results in `docs/benchmarks.json`. Benchmarks report, they do not gate CI. Peers run from npm as devDependencies of e2e only: `@y/websocket-server@0.1.1` (yjs 13.6), `@hocuspocus/server@4.7.0` with `@hocuspocus/extension-sqlite@4.7.0`. Smoke run: `pnpm --filter @pinnwand/e2e bench --quick` (writes e2e/bench/results/); one benchmark: `--only relay,crash,coldload,bundle`; canvas scenarios by board size: `--only canvas --canvas-notes 100,1000` (`CANVAS_PROFILE=<dir>` writes Chromium CPU profiles of each phase; `node --import tsx bench/canvasShots.ts` takes screenshots at low and normal zoom).',
    '',
  ];
  if (s.relay) out.push(...renderRelay(s.relay));
  if (s.crash) out.push(...renderCrash(s.crash));
  if (s.coldload) out.push(...renderColdLoad(s.coldload));
  const pending = (title: string, p: PendingSection) =>
    out.push(`## ${title}`, '', ...metaLines(p.meta), `Not yet measured: ${p.reason}`, '');
  if (s.canvas) {
    if ('reason' in s.canvas) pending('4. Canvas', s.canvas);
    else out.push(...renderCanvas(s.canvas));
  }
  if (s.bundle) out.push(...renderBundle(s.bundle));
  if (s.exports) {
    if ('reason' in s.exports) pending('6. Exports', s.exports);
    else out.push(...renderExports(s.exports));
  }
  if (s.cluster) {
    if ('reason' in s.cluster) pending('7. Cluster suggestions', s.cluster);
    else out.push(...renderCluster(s.cluster));
  }
  if (s.failover) {
    if ('reason' in s.failover) pending('8. Several processes', s.failover);
    else out.push(...renderFailover(s.failover));
  }
  if (s.hostile) {
    if ('reason' in s.hostile) pending('9. Hostile neighbour', s.hostile);
    else out.push(...renderHostile(s.hostile));
  }
  if (s.memory) out.push(...renderMemory(s.memory));
  if (results.analysis?.length)
    out.push('## Where Pinnwand misses a target, and why', '', ...results.analysis, '');
  return `${out.join('\n').trim()}\n`;
}
