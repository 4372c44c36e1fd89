/**
 * What waits in a room's inbox until the end of the event-loop tick, when
 * `Room.takeBatch` applies it all in one synchronous pass.
 */

import type { Connection } from './Connection.ts';
import type { RoomFailed } from './RoomFailed.ts';
import type { ServerChange, ServerWrite } from './ServerChanges.ts';
import type { IncomingUpdate } from './updateGuard.ts';

export type RoomAction =
  | { kind: 'update'; conn: Connection; update: IncomingUpdate }
  | { kind: 'syncStep1'; conn: Connection; stateVector: Uint8Array }
  | { kind: 'greet'; conn: Connection }
  | ServerChange
  | ServerWrite;

/** Rejects the server changes and writes among `actions` (one already settled stays as it was). */
export function rejectWaiting(actions: readonly RoomAction[], failure: RoomFailed): void {
  for (const action of actions) {
    if (action.kind === 'change' || action.kind === 'write') action.reject(failure);
  }
}
