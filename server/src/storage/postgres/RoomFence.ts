/**
 * The fence of every write to a room's rows (appends, compactions): inside
 * the write's transaction, the rooms are locked and their leases checked, so a
 * process that lost a room — taken over by another after its lease ran out,
 * or deleted — never writes into it; each row written records the epoch it
 * was written under.
 */
import type { Logger } from 'pino';
import { RoomsLost } from '../Storage.ts';
import type { LeaseKeeper } from './LeaseKeeper.ts';
import { claimRoom, fence, type Queryable } from './roomLeases.ts';

export class RoomFence {
  constructor(
    private readonly leases: LeaseKeeper,
    private readonly logger: Logger | undefined,
  ) {}

  /**
   * Locks the rooms and checks their leases; resolves to the epoch of each
   * room, or rejects with RoomsLost. A room this process never loaded is
   * claimed here if nobody else holds it (a write, like a load, makes a
   * process the room's owner); one taken from it is not.
   */
  async epochs(db: Queryable, ids: readonly string[]): Promise<Map<string, number>> {
    const started = performance.now();
    const { holder } = this.leases;
    for (const id of ids) {
      if (this.leases.epochOf(id) !== undefined || this.leases.wasTaken(id)) continue;
      if (!holder.ownerUrl) throw new Error('PostgresStorage: advertise() the INTERNAL_URL first');
      const claim = await claimRoom(db, id, holder);
      if (claim.kind === 'claimed') this.leases.claimed(id, claim.epoch, started);
    }
    const epochs = this.leases.epochs(ids);
    const lost = await fence(db, ids, epochs, holder.nodeId);
    if (lost.size > 0) {
      this.leases.lost(lost);
      // Told here as well as at a renewal (ClusterNode): whichever finds out first, the
      // write fails and the room closes through the commit pipeline.
      for (const [id, loss] of lost) {
        this.logger?.warn({ room: id, loss }, 'this process no longer holds the room');
      }
      throw new RoomsLost(lost);
    }
    return epochs;
  }
}
