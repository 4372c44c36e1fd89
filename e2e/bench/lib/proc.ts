// CPU time and memory of a server process, read from /proc (Linux).
import { readFileSync } from 'node:fs';

const CLK_TCK = 100; // sysconf(_SC_CLK_TCK) on Linux x86-64

/** utime + stime of the process in seconds. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces) start after ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state); utime is field 14, stime field 15.
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

function statusKb(pid: number, key: string): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
  return m ? Number(m[1]) : 0;
}

export const rssMb = (pid: number): number => statusKb(pid, 'VmRSS') / 1024;
export const peakRssMb = (pid: number): number => statusKb(pid, 'VmHWM') / 1024;

/** Samples RSS every `everyMs` and keeps the peak seen since start(). */
export class RssSampler {
  peakMb = 0;
  private timer: NodeJS.Timeout | undefined;
  constructor(private readonly pid: number) {}
  start(everyMs = 50): void {
    this.peakMb = 0;
    const sample = () => {
      try {
        this.peakMb = Math.max(this.peakMb, rssMb(this.pid));
      } catch {
        // process gone
      }
    };
    sample();
    this.timer = setInterval(sample, everyMs);
  }
  stop(): number {
    if (this.timer) clearInterval(this.timer);
    try {
      this.peakMb = Math.max(this.peakMb, rssMb(this.pid));
    } catch {
      // process gone
    }
    return this.peakMb;
  }
}

/** Busy CPU seconds of the whole machine (all cores) since boot, from /proc/stat. */
export function machineBusySeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
  return (user! + nice! + system! + irq! + softirq! + (steal ?? 0)) / CLK_TCK;
}

/**
 * Measures how much CPU processes other than the benchmark's own (the server
 * under test, the load generators, this process) used during a window: other
 * work on a shared machine skews latency, so rounds that saw much of it are
 * repeated.
 */
export class ForeignLoad {
  private busy0 = 0;
  private own0 = 0;
  private self0 = 0;
  private t0 = 0;
  constructor(private readonly pids: () => number[]) {}
  private own(): number {
    let s = 0;
    for (const pid of this.pids()) {
      try {
        s += cpuSeconds(pid);
      } catch {
        // gone
      }
    }
    return s;
  }
  start(): void {
    this.busy0 = machineBusySeconds();
    this.own0 = this.own();
    const u = process.cpuUsage();
    this.self0 = (u.user + u.system) / 1e6;
    this.t0 = performance.now();
  }
  /** Average number of cores used by other processes since start(). */
  stop(): number {
    const u = process.cpuUsage();
    const self = (u.user + u.system) / 1e6 - this.self0;
    const foreign = machineBusySeconds() - this.busy0 - (this.own() - this.own0) - self;
    return Math.max(0, foreign / ((performance.now() - this.t0) / 1000));
  }
}
