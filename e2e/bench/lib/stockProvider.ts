// A stock y-websocket client in Node, as the hostile-neighbour bench's
// bystander and attacker set-up use it.
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export function stockProvider(wsUrl: string, id: string, token: string): WebsocketProvider {
  return new WebsocketProvider(wsUrl, id, new Y.Doc(), {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  });
}

export function whenSynced(p: WebsocketProvider): Promise<void> {
  if (p.synced) return Promise.resolve();
  return new Promise((resolve) => p.once('sync', () => resolve()));
}
