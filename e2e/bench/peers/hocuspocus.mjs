// Hocuspocus 4.7.0 with its SQLite extension on a file (HOCUS_DB), the way its
// docs set it up. FLUSH_DELAY=false turns off merging of queued updates;
// unset keeps the default (0: merge what arrives in one event-loop turn).
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';
import { reportEventLoopDelayOverIpc } from './eld.mjs';

reportEventLoopDelayOverIpc();
const extensions = [];
if (process.env.HOCUS_DB) extensions.push(new SQLite({ database: process.env.HOCUS_DB }));
const options = {
  port: Number(process.env.PORT ?? 0),
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: false,
  websocketOptions: { maxPayload: 2 * 1024 * 1024 },
  extensions,
};
if (process.env.FLUSH_DELAY === 'false') options.flushDelay = false;
const server = new Server(options);
await server.listen();
console.log(`peer listening on ${server.address.port}`);
process.on('SIGTERM', async () => {
  await server.destroy();
  process.exit(0);
});
