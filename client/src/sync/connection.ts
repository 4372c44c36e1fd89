// One workshop's live document: a Y.Doc kept in IndexedDB (y-indexeddb, so a
// reload while offline shows the board and offline edits survive) and synced
// with the server over y-websocket. The browser's offline/online events drive
// the socket explicitly, because an emulated or flaky network does not always
// close an open websocket; a heartbeat (heartbeat.ts) notices a server that
// stopped answering within about a second.
import { MessageType } from '@pinnwand/shared/protocol/wire';
import * as decoding from 'lib0/decoding';
import { IndexeddbPersistence } from 'y-indexeddb';
import { readAuthMessage } from 'y-protocols/auth';
import { type Awareness, applyAwarenessUpdate } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { participantKey } from '../facilitation/participantKey.ts';
import { reportOwnEcho } from '../presence/ownEcho.ts';
import { createStore, type Store } from '../ui/store.ts';
import { type ConnectionStatus, deriveStatus, type StatusInputs } from './connectionStatus.ts';
import { watchHeartbeat } from './heartbeat.ts';
import { type OfflineWrites, trackOfflineWrites } from './offlineWrites.ts';
import { applyLargeSyncQuietly } from './quietApply.ts';

export interface Connection {
  workshopId: string;
  doc: Y.Doc;
  awareness: Awareness;
  status: Store<ConnectionStatus>;
  /** The server's close code when it refused us for good (4401, 4403, 4404). */
  deniedCode: Store<number | null>;
  /** True once the local copy (IndexedDB) or the server has delivered the document. */
  loaded: Store<boolean>;
  /** True once the server's document has been applied (the first sync; stays true). */
  synced: Store<boolean>;
  /** The server's last "permission denied" (a refused change, reverted): why, and a sequence number. */
  refused: Store<{ reason: string; seq: number } | null>;
  /** Texts written while offline, until the server has answered them. */
  offlineWrites: OfflineWrites;
  /** A large document from the server is applied only once `until` settles (quietApply.ts). */
  holdLargeSync(until: Promise<void>): void;
  destroy(): void;
}

export function wsOrigin(loc: Location = location): string {
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}`;
}

function pkeyParam(workshopId: string): { pkey?: string } {
  const key = participantKey(workshopId);
  return key ? { pkey: key } : {};
}

export function openConnection(workshopId: string, token: string): Connection {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(`pinnwand-${workshopId}`, doc);
  const provider = new WebsocketProvider(`${wsOrigin()}/ws`, workshopId, doc, {
    params: { token, ...pkeyParam(workshopId) },
    maxBackoffTime: 4000,
  });
  const inputs: StatusInputs = {
    connected: false,
    silent: false,
    everConnected: false,
    online: navigator.onLine,
    failedAttempts: 0,
    deniedCode: null,
  };
  const status = createStore<ConnectionStatus>(deriveStatus(inputs));
  const deniedCode = createStore<number | null>(null);
  const loaded = createStore(false);
  const serverSynced = createStore(false);
  const refresh = () => status.set(deriveStatus(inputs));
  const offlineWrites = trackOfflineWrites(doc, status);

  persistence.whenSynced.then(
    () => loaded.set(true),
    () => undefined,
  );
  const onSync = (synced: boolean) => {
    inputs.connected = synced && provider.wsconnected;
    if (inputs.connected) {
      // For the cold-load benchmark (e2e/bench/coldload.ts): the first document from the server, applied.
      if (!inputs.everConnected) performance.mark('pinnwand:first-sync');
      inputs.everConnected = true;
      inputs.failedAttempts = 0;
      loaded.set(true);
      serverSynced.set(true);
    }
    refresh();
  };
  const onStatus = ({ status: s }: { status: string }) => {
    if (s === 'connected' && !inputs.everConnected) performance.mark('pinnwand:socket-open');
    if (s !== 'connected') inputs.connected = false;
    else inputs.connected = provider.synced;
    refresh();
  };
  const onClose = () => {
    inputs.failedAttempts += 1;
    inputs.connected = false;
    refresh();
  };
  const onClosed = (event: { code: number }) => {
    inputs.deniedCode = event.code;
    deniedCode.set(event.code);
    refresh();
  };
  // A refused change comes back as an auth message with the reason (docs/protocol.md,
  // "Update policy and refused changes"); y-websocket would only log it.
  const refused = createStore<{ reason: string; seq: number } | null>(null);
  let refusals = 0;
  provider.messageHandlers[MessageType.auth] = (_encoder, decoder, p) => {
    readAuthMessage(decoder, p.doc, (_doc, reason) => refused.set({ reason, seq: ++refusals }));
  };
  // As y-websocket's own handler, but this client's own state is read first:
  // the server's stamp on its note claim comes back only there (ownEcho.ts).
  provider.messageHandlers[MessageType.awareness] = (_encoder, decoder, p) => {
    const update = decoding.readVarUint8Array(decoder);
    reportOwnEcho(p.awareness, update);
    applyAwarenessUpdate(p.awareness, update, p);
  };
  let holdUntil: Promise<void> | null = null;
  applyLargeSyncQuietly(provider, persistence, MessageType.sync, () => holdUntil);
  provider.on('sync', onSync);
  provider.on('status', onStatus);
  provider.on('connection-close', onClose);
  provider.on('closed', onClosed);

  const onOffline = () => {
    inputs.online = false;
    provider.disconnect();
    refresh();
  };
  const onOnline = () => {
    inputs.online = true;
    if (inputs.deniedCode === null) provider.connect();
    refresh();
  };
  const stopHeartbeat = watchHeartbeat(provider, (silent) => {
    inputs.silent = silent;
    refresh();
  });
  window.addEventListener('offline', onOffline);
  window.addEventListener('online', onOnline);
  if (!navigator.onLine) provider.disconnect();

  return {
    workshopId,
    doc,
    awareness: provider.awareness,
    status,
    deniedCode,
    loaded,
    synced: serverSynced,
    refused,
    offlineWrites,
    holdLargeSync(until) {
      const settled: Promise<void> = until.then(
        () => undefined,
        () => undefined,
      );
      holdUntil = settled;
      void settled.then(() => {
        if (holdUntil === settled) holdUntil = null;
      });
    },
    destroy() {
      stopHeartbeat();
      offlineWrites.destroy();
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      provider.off('sync', onSync);
      provider.off('status', onStatus);
      provider.off('connection-close', onClose);
      provider.off('closed', onClosed);
      provider.destroy();
      void persistence.destroy();
      doc.destroy();
    },
  };
}
