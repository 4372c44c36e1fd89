// The raw benchmark results as docs/benchmarks.json keeps them: one section
// per benchmark, each with the run that measured it (command, commit, machine),
// so a partial run (--only) replaces its sections and keeps the others.
import type { BundleResult } from './bundle.ts';
import type { CanvasCase } from './canvas.ts';
import type { ClusterResult } from './cluster.ts';
import type { ColdLoadResult } from './coldload.ts';
import type { CrashRoundResult } from './crash.ts';
import type { ExportsResult } from './exports.ts';
import type { FailoverResult } from './failover.ts';
import type { HostileResult } from './hostile.ts';
import type { ServerId } from './lib/servers.ts';
import type { MemoryResult } from './memory.ts';
import type { RelayRoundResult, RelayScenario } from './relay.ts';

export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  os: string;
}

export interface SectionMeta {
  command: string;
  commit: string;
  /** Paths with uncommitted changes when the benchmark ran (other work in progress). */
  dirty: string[];
  date: string;
  machine: Machine;
  quick: boolean;
}

export interface RelaySection {
  meta: SectionMeta;
  durationMs: number;
  runs: number;
  scenarios: RelayScenario[];
  servers: ServerId[];
  /** Every attempt, including repeated ones (`superseded`) that do not count. */
  rounds: RelayRoundResult[];
  /** Foreign load (cores) above which a round was repeated. */
  maxForeignCores?: number;
  /** Attempts per round at most. */
  maxAttempts?: number;
  /** Storage committed off the event loop (worker thread) in this run. */
  storageOffThread?: boolean;
  notes?: string[];
}

export interface CrashSection {
  meta: SectionMeta;
  rates: { rate: number; writers: number }[];
  roundsPerRate: number;
  killWindowMs: [number, number];
  servers: ServerId[];
  rounds: CrashRoundResult[];
}

export interface ColdLoadSection {
  meta: SectionMeta;
  workload: { notes: number; updates: number; bytes: number; participants: number };
  writeRate: number;
  runs: number;
  results: ColdLoadResult[];
}

export interface BundleSection {
  meta: SectionMeta;
  result: BundleResult;
}

export interface CanvasSection {
  meta: SectionMeta;
  cases: CanvasCase[];
}

export interface ExportsSection {
  meta: SectionMeta;
  result: ExportsResult;
}

export interface ClusterSection {
  meta: SectionMeta;
  result: ClusterResult;
}

export interface FailoverSection {
  meta: SectionMeta;
  result: FailoverResult;
}

export interface HostileSection {
  meta: SectionMeta;
  result: HostileResult;
}

export interface MemorySection {
  meta: SectionMeta;
  result: MemoryResult;
}

export interface PendingSection {
  meta: SectionMeta;
  reason: string;
}

export interface Results {
  sections: {
    relay?: RelaySection;
    crash?: CrashSection;
    coldload?: ColdLoadSection;
    bundle?: BundleSection;
    canvas?: CanvasSection | PendingSection;
    exports?: ExportsSection | PendingSection;
    cluster?: ClusterSection | PendingSection;
    failover?: FailoverSection | PendingSection;
    hostile?: HostileSection | PendingSection;
    memory?: MemorySection;
  };
  analysis?: string[];
}
