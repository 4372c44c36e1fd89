// Process entry: reads the environment once, starts the server, prints the URL
// (the e2e harness parses "Pinnwand is running at <url>") and shuts down
// cleanly on SIGTERM/SIGINT: stop accepting, commit, close sockets with 1012,
// exit 0.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './app.ts';
import { configFromEnv } from './config.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
// Works from src/ (tests, tsx) and from dist/ (the built bundle): both sit in server/.
const defaultClientDir = path.resolve(here, '../../client/dist');

const config = configFromEnv(process.env, defaultClientDir);
const server = await startServer(config);
console.log(`Pinnwand is running at ${server.url} (data in ${config.dataDir})`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} received, shutting down`);
  try {
    await server.close();
    process.exit(0);
  } catch (err) {
    console.error('shutdown failed', err);
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
