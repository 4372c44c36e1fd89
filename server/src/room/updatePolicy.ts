/**
 * Pluggable rules over incoming document updates: who may change what.
 *
 * Two hooks, because a Yjs client's updates depend on its earlier ones (per-
 * client clocks): silently dropping one update would stall every later edit of
 * that client. So
 *
 * - `admit` runs BEFORE an update is applied and may drop it entirely. Dropped
 *   updates are never stored or relayed. Use it only for connections whose
 *   every write is refused (viewers): for them stalling does not matter.
 * - `check` runs AFTER the update was applied to the room's document, inside
 *   Yjs' `afterTransaction` (before garbage collection, so deleted content can
 *   still be inspected), and before anything is stored or relayed. A refusal
 *   does not drop the update: the room keeps its structs (so the client's later
 *   edits still integrate) and at once reverts their effect with a server-side
 *   undo of exactly that transaction (inserted items deleted, deleted items
 *   restored). What is stored and relayed is the net result, in which the
 *   refused content is already garbage-collected, and the client is told why
 *   with a y-protocols "permission denied" message.
 *
 * A refusal reverts the whole transaction. A client's SyncStep2 after being
 * offline is one transaction, so one forbidden edit in it reverts the others
 * in it too; online edits arrive one transaction per change.
 *
 * Rules must be synchronous and must not change the document.
 */

import type { Role } from '@pinnwand/shared/protocol/roles';
import type * as Y from 'yjs';
import { rolePolicy } from '../policy/rolePolicy.ts';

export type Verdict = { allow: true } | { allow: false; reason: string };

export const ALLOW: Verdict = Object.freeze({ allow: true });
export function refuse(reason: string): Verdict {
  return { allow: false, reason };
}

export interface AdmitContext {
  workshopId: string;
  role: Role;
  connectionId: string;
  /** Participant id proved by the connection's participant key (`?pkey=`), or null. */
  participantId: string | null;
  doc: Y.Doc;
  update: Uint8Array;
}

export interface CheckContext {
  workshopId: string;
  role: Role;
  connectionId: string;
  /** Participant id proved by the connection's participant key (`?pkey=`), or null. */
  participantId: string | null;
  /** The room's document, with the update applied. */
  doc: Y.Doc;
  /**
   * The transaction that applied the update: `changed` (type → changed keys,
   * null for list/text content), `changedParentTypes`, `deleteSet`,
   * `beforeState`/`afterState`. `touchedPaths(transaction)` turns it into
   * root-relative paths.
   */
  transaction: Y.Transaction;
}

export interface UpdatePolicy {
  /** Shown in logs and metrics. */
  readonly name: string;
  /**
   * Whether a connection with this role may put new content under the root
   * type `name`. Asked before the update is applied (room/updateGuard.ts),
   * because Yjs creates a root type for good as soon as anything names it.
   */
  writableRoot?(role: Role, name: string): boolean;
  admit?(ctx: AdmitContext): Verdict;
  check?(ctx: CheckContext): Verdict;
}

/** All policies must allow; the first refusal wins. */
export function composePolicies(...policies: UpdatePolicy[]): UpdatePolicy {
  return {
    name: policies.map((p) => p.name).join('+') || 'none',
    writableRoot: (role, name) => policies.every((p) => p.writableRoot?.(role, name) ?? true),
    admit(ctx) {
      for (const policy of policies) {
        const verdict = policy.admit?.(ctx);
        if (verdict && !verdict.allow) return verdict;
      }
      return ALLOW;
    },
    check(ctx) {
      for (const policy of policies) {
        const verdict = policy.check?.(ctx);
        if (verdict && !verdict.allow) return verdict;
      }
      return ALLOW;
    },
  };
}

/** Viewers are read-only: none of their document updates is applied, stored or relayed. */
export const viewerReadOnly: UpdatePolicy = {
  name: 'viewer-read-only',
  admit: (ctx) => (ctx.role === 'viewer' ? refuse('viewers cannot change the workshop') : ALLOW),
};

/** The policy the server runs when none is given: viewers read-only, then the facilitation roles. */
export function defaultPolicy(): UpdatePolicy {
  return composePolicies(viewerReadOnly, rolePolicy);
}
