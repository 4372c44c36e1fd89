/**
 * Prometheus metrics, on a Registry owned by one server instance (never the
 * prom-client global), so several servers in one test process do not collide.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export interface Metrics {
  registry: Registry;
  connections: Gauge<'role'>;
  roomsLoaded: Gauge;
  roomUnloads: Counter;
  messagesIn: Counter<'type'>;
  messagesOut: Counter;
  bytesIn: Counter;
  bytesOut: Counter;
  rejected: Counter<'reason'>;
  persistSeconds: Histogram;
  persistBatchUpdates: Histogram;
  roomLoadSeconds: Histogram;
  compactions: Counter;
  storageErrors: Counter;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    connections: new Gauge({
      name: 'pinnwand_connections',
      help: 'Open websocket connections by role',
      labelNames: ['role'],
      registers,
    }),
    roomsLoaded: new Gauge({
      name: 'pinnwand_rooms_loaded',
      help: 'Workshop documents held in memory',
      registers,
    }),
    roomUnloads: new Counter({
      name: 'pinnwand_room_unloads_total',
      help: 'Rooms unloaded from memory after being idle',
      registers,
    }),
    messagesIn: new Counter({
      name: 'pinnwand_messages_in_total',
      help: 'Websocket messages received, by type',
      labelNames: ['type'],
      registers,
    }),
    messagesOut: new Counter({
      name: 'pinnwand_messages_out_total',
      help: 'Websocket messages sent',
      registers,
    }),
    bytesIn: new Counter({
      name: 'pinnwand_bytes_in_total',
      help: 'Websocket payload bytes received',
      registers,
    }),
    bytesOut: new Counter({
      name: 'pinnwand_bytes_out_total',
      help: 'Websocket payload bytes sent',
      registers,
    }),
    rejected: new Counter({
      name: 'pinnwand_rejected_messages_total',
      help: 'Messages refused, dropped or that closed their connection, by reason',
      labelNames: ['reason'],
      registers,
    }),
    persistSeconds: new Histogram({
      name: 'pinnwand_persist_seconds',
      help: 'Time from handing one round of updates to storage until its commit returned, waiting behind a running commit included (off the event loop: relays wait, the server does not)',
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    }),
    persistBatchUpdates: new Histogram({
      name: 'pinnwand_persist_batch_updates',
      help: 'Updates handed to storage together in one round (group commit; SQLite merges the rounds waiting behind a running commit into one transaction)',
      buckets: [1, 2, 5, 10, 25, 50, 100, 250, 1000],
      registers,
    }),
    roomLoadSeconds: new Histogram({
      name: 'pinnwand_room_load_seconds',
      help: 'Time to load a room from storage',
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
      registers,
    }),
    compactions: new Counter({
      name: 'pinnwand_compactions_total',
      help: 'Update logs compacted into snapshots',
      registers,
    }),
    storageErrors: new Counter({
      name: 'pinnwand_storage_errors_total',
      help: 'Failed storage operations',
      registers,
    }),
  };
}
