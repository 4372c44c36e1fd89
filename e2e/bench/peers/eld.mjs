// Event-loop delay of a peer server process, reported to the benchmark over
// IPC (Pinnwand reports the same through its /metrics endpoint).
import { monitorEventLoopDelay } from 'node:perf_hooks';

export function reportEventLoopDelayOverIpc() {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  process.on('message', (msg) => {
    if (msg?.type === 'eld-reset') {
      h.reset();
      process.send?.({ type: 'eld-reset' });
    } else if (msg?.type === 'eld') {
      process.send?.({
        type: 'eld',
        p50Ms: h.percentile(50) / 1e6,
        p99Ms: h.percentile(99) / 1e6,
        maxMs: h.max / 1e6,
      });
    }
  });
  process.on('disconnect', () => process.exit(0));
}
