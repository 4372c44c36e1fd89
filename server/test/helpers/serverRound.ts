import { afterEach } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { ServerDeps } from '../../src/app.ts';
import { type RawClient, rawConnect } from './rawClient.ts';
import { connect, startTestServer, type TestServer } from './testServer.ts';

export interface ServerRound {
  /**
   * Starts the test's server. Called again in the same test, it first closes
   * the clients and the server running so far (a restart on the same data
   * folder when `dataDir` is given).
   */
  start(env?: Record<string, string>, deps?: ServerDeps, dataDir?: string): Promise<TestServer>;
  /** A stock y-websocket client of the running server, destroyed after the test. */
  open(
    workshopId: string,
    token: string,
    params?: Record<string, string>,
    doc?: Y.Doc,
  ): WebsocketProvider;
  /** A raw client speaking frames by hand, opened; terminated after the test. */
  raw(workshopId: string, token: string): Promise<RawClient>;
  /** Providers made elsewhere, to be destroyed with the rest. */
  track(...providers: WebsocketProvider[]): void;
  /** Closes the clients and the server before the test ends (to read its files). */
  stop(): Promise<void>;
}

/**
 * One server per test and the clients the test opened on it, torn down after
 * each test; call once per describe.
 */
export function serverRound(): ServerRound {
  let current: TestServer | null = null;
  const providers: WebsocketProvider[] = [];
  const raws: RawClient[] = [];
  async function stop() {
    for (const p of providers.splice(0)) p.destroy();
    for (const r of raws.splice(0)) r.ws.terminate();
    await current?.close();
    current = null;
  }
  function running(): TestServer {
    if (!current) throw new Error('serverRound: start() the server first');
    return current;
  }
  afterEach(stop);
  return {
    async start(env = {}, deps = {}, dataDir) {
      await stop();
      current = await startTestServer(env, deps, dataDir);
      return current;
    },
    open(workshopId, token, params = {}, doc = new Y.Doc()) {
      const p = connect(running().wsUrl, workshopId, token, doc, params);
      providers.push(p);
      return p;
    },
    async raw(workshopId, token) {
      const r = rawConnect(`${running().wsUrl}/${workshopId}?token=${token}`);
      raws.push(r);
      await r.opened;
      return r;
    },
    track(...more) {
      providers.push(...more);
    },
    stop,
  };
}
