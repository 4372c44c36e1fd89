// How the benchmark report writes numbers and a section's provenance, shared by
// every section's renderer so all of docs/benchmarks.md reads alike.
import type { Spread } from './lib/stats.ts';
import type { SectionMeta } from './results.ts';

export const f = (v: number | null | undefined, digits = 1): string =>
  v === null || v === undefined || Number.isNaN(v) ? 'n/a' : v.toFixed(digits);

export function fmt(s: Spread, digits = 1): string {
  if (s.median === null) return 'n/a';
  if (s.runs.length <= 1 || s.min === s.max) return f(s.median, digits);
  return `${f(s.median, digits)} (${f(s.min, digits)}–${f(s.max, digits)})`;
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

export function metaLines(m: SectionMeta): string[] {
  const dirty = m.dirty.length
    ? ` (plus uncommitted work in: ${m.dirty.slice(0, 6).join(', ')}${m.dirty.length > 6 ? ', …' : ''})`
    : '';
  return [
    `- Command: \`${m.command}\`${m.quick ? ' (quick smoke: tiny durations, not representative)' : ''}`,
    `- Commit: \`${m.commit}\`${dirty}, ${m.date}`,
    `- Machine: ${m.machine.cpu}, ${m.machine.cores} cores, ${m.machine.ramGb} GB RAM, Node ${m.machine.node}, ${m.machine.os}`,
    '',
  ];
}

export function ratio(p: number | null, best: number | null): string {
  if (p === null || best === null || best === 0) return 'n/a';
  return `${(p / best).toFixed(2)}×`;
}
