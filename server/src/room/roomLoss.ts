/**
 * With shared storage (PostgreSQL) a process can lose a room it serves:
 * another process took it over after this one's lease ran out, the workshop
 * was deleted elsewhere, or the database could not be reached to renew the
 * lease. The room is then dropped without writing, and its connections close
 * with the code that tells clients what to do next.
 */
import type { CloseCodeName } from '@pinnwand/shared/protocol/wire';
import { type RoomLoss, RoomsLost } from '../storage/Storage.ts';

export function closeCodeForLoss(loss: RoomLoss): CloseCodeName {
  switch (loss) {
    case 'taken':
      // Reconnect: the load balancer or the receiving process finds the new owner.
      return 'serviceRestart';
    case 'deleted':
      return 'workshopDeleted';
    case 'unreachable':
      return 'storageFailed';
  }
}

/** How a room whose batch was not stored closes its connections. */
export function closeCodeForFailedCommit(err: unknown, roomId: string): CloseCodeName {
  const loss = err instanceof RoomsLost ? err.rooms.get(roomId) : undefined;
  return loss ? closeCodeForLoss(loss) : 'storageFailed';
}
