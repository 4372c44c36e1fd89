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
