// Starts a real server on port 0 with a temporary data folder, and connects
// real y-websocket providers to it (WebSocketPolyfill: ws, disableBc: true —
// without disableBc, providers in one process would sync through
// BroadcastChannel and bypass the server).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ApiRoute,
  apiPath,
  type CreatedWorkshop,
  createdWorkshopSchema,
  type IssuedIdentityAnswer,
  issuedIdentitySchema,
} from '@pinnwand/shared/protocol/http';
import type { WorkshopTemplateId } from '@pinnwand/shared/templates/templates';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type PinnwandServer, type ServerDeps, startServer } from '../../src/app.ts';
import { type Config, configFromEnv } from '../../src/config.ts';

export function makeDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'pinnwand-test-'));
}

export function testConfig(env: Record<string, string> = {}, dataDir = makeDataDir()): Config {
  return configFromEnv(
    { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env },
    path.join(dataDir, 'no-client'),
  );
}

export type { CreatedWorkshop };

export interface TestServer {
  server: PinnwandServer;
  config: Config;
  url: string;
  wsUrl: string;
  createWorkshop(template?: WorkshopTemplateId, title?: string): Promise<CreatedWorkshop>;
  close(): Promise<void>;
}

export async function startTestServer(
  env: Record<string, string> = {},
  deps: ServerDeps = {},
  dataDir?: string,
): Promise<TestServer> {
  const config = testConfig(env, dataDir);
  const server = await startServer(config, deps);
  const url = server.url;
  return {
    server,
    config,
    url,
    wsUrl: `${url.replace(/^http/, 'ws')}/ws`,
    createWorkshop: (template = 'blank', title = 'Test workshop') =>
      createWorkshopAt(url, template, title),
    async close() {
      await server.close();
      if (!dataDir) rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}

export async function createWorkshopAt(
  url: string,
  template: WorkshopTemplateId = 'blank',
  title = 'Test workshop',
): Promise<CreatedWorkshop> {
  const res = await fetch(`${url}${ApiRoute.workshops}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title, template }),
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return createdWorkshopSchema.parse(await res.json());
}

/** A participant identity issued by the server (POST …/identities): its key and participant id. */
export async function issueIdentity(
  url: string,
  workshopId: string,
  token: string,
): Promise<IssuedIdentityAnswer> {
  const res = await fetch(`${url}${apiPath(ApiRoute.identities, { id: workshopId })}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
  });
  if (res.status !== 201) throw new Error(`identity failed: ${res.status} ${await res.text()}`);
  return issuedIdentitySchema.parse(await res.json());
}

export function connect(
  wsUrl: string,
  workshopId: string,
  token: string,
  doc: Y.Doc = new Y.Doc(),
  extraParams: Record<string, string> = {},
): WebsocketProvider {
  return new WebsocketProvider(wsUrl, workshopId, doc, {
    params: { token, ...extraParams },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
  });
}

export function synced(provider: WebsocketProvider, timeoutMs = 5000): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('provider did not sync')), timeoutMs);
    provider.once('sync', (isSynced: boolean) => {
      if (isSynced) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

export async function waitFor(
  check: () => boolean,
  timeoutMs = 5000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The close code a provider's socket received, once it closes. */
export function closeCode(provider: WebsocketProvider, timeoutMs = 5000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket did not close')), timeoutMs);
    provider.on('connection-close', (event: { code: number } | null) => {
      if (event) {
        clearTimeout(timer);
        resolve(event.code);
      }
    });
  });
}

/** Opens a raw websocket and resolves with its close code. */
export function rawCloseCode(url: string, timeoutMs = 5000): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const timer = setTimeout(() => reject(new Error('socket did not close')), timeoutMs);
    ws.on('error', () => {});
    ws.on('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}
