/**
 * What HTTP routes may use. Routes get these through their context; nothing is
 * imported as a singleton.
 */

import type { Role } from '@pinnwand/shared/protocol/roles';
import type { Logger } from 'pino';
import type * as Y from 'yjs';
import type { Config } from '../config.ts';
import type { Metrics } from '../metrics.ts';
import type { Storage, StoredPicture, WorkshopRecord } from '../storage/Storage.ts';
import type { WorkshopRegistry } from '../workshops/WorkshopRegistry.ts';
import type { RouteContext } from './router.ts';

export interface RoomAccess {
  /** The workshop's live document if it is loaded right now (never loads it). Do not write to it. */
  peekDoc(workshopId: string): Y.Doc | undefined;
  /** Runs `fn` with the workshop's live document (loaded if needed, kept loaded meanwhile). Do not write to it. */
  withDoc<T>(workshopId: string, fn: (doc: Y.Doc) => T | Promise<T>): Promise<T>;
  /** Runs `fn` with the room's document if it is built already; null (nothing built) otherwise. Read only. */
  withBuiltDoc<T>(workshopId: string, fn: (doc: Y.Doc) => T | Promise<T>): Promise<T | null>;
  /**
   * The board preview and its cards stored at the room's last compaction, if
   * nothing that changes the picture was committed since; null otherwise.
   * Never builds the document.
   */
  storedPreview(workshopId: string): Promise<StoredPicture | null>;
  /**
   * Applies a server-origin change (pass `IMPORT_ORIGIN`/`SERVER_ORIGIN` from
   * `@pinnwand/shared/model/origin`); resolves once it is stored and relayed to
   * everyone in the room. Validate before mutating: if `fn` throws, the room is
   * reloaded from storage and the half-done change is discarded.
   */
  change(workshopId: string, fn: (doc: Y.Doc) => void, origin: unknown): Promise<void>;
  /**
   * Like `change`, for a write that only adds entries under fresh keys and
   * reads nothing (`fn` gets a document that may hold none of the workshop):
   * a room loaded from storage answers it without building its document.
   */
  write(workshopId: string, fn: (doc: Y.Doc) => void, origin: unknown): Promise<void>;
  /** Open connections per participant id (this process; empty when the room is not loaded). */
  connectedParticipants(workshopId: string): Map<string, number>;
  /** Closes (4403) the connections whose participant identity is revoked; returns how many. */
  closeRevoked(workshopId: string): number;
}

export interface ServerServices {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  storage: Storage;
  workshops: WorkshopRegistry;
  rooms: RoomAccess;
  /**
   * The caller's capability for a workshop, from `?token=` or `Authorization:
   * Bearer`. Throws HttpError 404 (unknown workshop) or 401 (bad token), and
   * 403 if `allowed` is given and the role is not in it.
   */
  authorize(
    ctx: RouteContext,
    workshopId: string,
    allowed?: readonly Role[],
  ): Promise<{ role: Role; workshop: WorkshopRecord }>;
  /**
   * Deletes a workshop for good (record, snapshot, log in one transaction) and
   * closes its connections with 4410; false when there was none.
   */
  deleteWorkshop(workshopId: string): Promise<boolean>;
  /** Base URL for links handed out (PUBLIC_URL, else the request's host). */
  baseUrl(ctx: RouteContext): string;
  /** Live counts for /healthz. */
  stats(): { connections: number; rooms: number };
}
