/**
 * Creating workshops and authorising tokens. A workshop exists only once it is
 * registered here (through POST /api/workshops); the websocket and every route
 * ask `authorize` before they touch a document.
 */

import type { Role } from '@pinnwand/shared/protocol/roles';
import * as Y from 'yjs';
import type { Storage, WorkshopRecord } from '../storage/Storage.ts';
import { sealInvites } from './inviteVault.ts';
import { hashToken, newToken, newWorkshopId, roleForToken } from './tokens.ts';

export type Authorization =
  | { ok: true; workshop: WorkshopRecord; role: Role }
  | { ok: false; reason: 'unknown-workshop' | 'bad-token' };

export interface NewWorkshop {
  id: string;
  title: string;
  tokens: Record<Role, string>;
}

/** Fills a new, empty document from the request (template, example content). */
export type SeedWorkshop = (doc: Y.Doc) => void;

export class WorkshopRegistry {
  constructor(
    private readonly storage: Storage,
    private readonly now: () => number = Date.now,
  ) {}

  async create(title: string, seed: SeedWorkshop): Promise<NewWorkshop> {
    const doc = new Y.Doc();
    seed(doc);
    const initialState = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    const tokens: Record<Role, string> = {
      facilitator: newToken(),
      participant: newToken(),
      viewer: newToken(),
    };
    const id = newWorkshopId();
    await this.storage.createWorkshop(
      {
        id,
        title,
        createdAt: this.now(),
        tokenHashes: {
          facilitator: hashToken(tokens.facilitator),
          participant: hashToken(tokens.participant),
          viewer: hashToken(tokens.viewer),
        },
        sealedInvites: sealInvites(id, tokens.facilitator, tokens),
      },
      initialState,
    );
    return { id, title, tokens };
  }

  async authorize(workshopId: string, token: string | null | undefined): Promise<Authorization> {
    const workshop = await this.storage.getWorkshop(workshopId);
    if (!workshop) return { ok: false, reason: 'unknown-workshop' };
    if (!token) return { ok: false, reason: 'bad-token' };
    const role = roleForToken(token, workshop.tokenHashes);
    return role ? { ok: true, workshop, role } : { ok: false, reason: 'bad-token' };
  }
}
