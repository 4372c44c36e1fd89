// Reads Pinnwand's own Prometheus metrics around a benchmark round: how many
// updates each group commit carried and how long the commits took.

function samples(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const i = line.lastIndexOf(' ');
    out.set(line.slice(0, i), Number(line.slice(i + 1)));
  }
  return out;
}

export interface PersistStats {
  commits: number;
  updatesPerCommit: number | null;
  meanCommitMs: number | null;
  /** Share of commits slower than 5 ms / 25 ms (histogram buckets). */
  over5ms: number | null;
  over25ms: number | null;
  commitSeconds: number;
  messagesOut: number;
  compactions: number;
}

export function persistStats(before: string, after: string): PersistStats {
  const a = samples(before);
  const b = samples(after);
  const d = (k: string) => (b.get(k) ?? 0) - (a.get(k) ?? 0);
  const commits = d('pinnwand_persist_seconds_count');
  const seconds = d('pinnwand_persist_seconds_sum');
  const updates = d('pinnwand_persist_batch_updates_sum');
  const le = (x: string) => d(`pinnwand_persist_seconds_bucket{le="${x}"}`);
  return {
    commits,
    updatesPerCommit: commits ? updates / commits : null,
    meanCommitMs: commits ? (1000 * seconds) / commits : null,
    over5ms: commits ? 1 - le('0.005') / commits : null,
    over25ms: commits ? 1 - le('0.025') / commits : null,
    commitSeconds: seconds,
    messagesOut: d('pinnwand_messages_out_total'),
    compactions: d('pinnwand_compactions_total'),
  };
}
