/**
 * What a process adds when it shares PostgreSQL with others (DATABASE_URL):
 * it advertises its INTERNAL_URL in the leases it takes, routes websockets and
 * room API requests to the owner of each room (RoomRouter), and drops the rooms
 * it loses (taken over, deleted elsewhere, database unreachable past the lease)
 * with the close code that tells their clients what to do.
 */
import type { Logger } from 'pino';
import type { RoomManager } from '../room/RoomManager.ts';
import type { PostgresStorage } from '../storage/postgres/PostgresStorage.ts';
import { RoomRouter } from './RoomRouter.ts';

export class ClusterNode {
  readonly router: RoomRouter;

  constructor(
    private readonly storage: PostgresStorage,
    private readonly rooms: RoomManager,
    leaseMs: number,
    private readonly logger: Logger,
  ) {
    this.router = new RoomRouter({
      nodeId: storage.nodeId,
      ownUrl: () => storage.leases.holder.ownerUrl,
      lease: (id) => storage.lease(id),
      expireDeadLease: (id, epoch) => storage.expireDeadLease(id, epoch),
      servesHere: (id) => rooms.peek(id)?.state === 'ready',
      leaseMs,
      logger,
    });
    storage.leases.onLost = (lost) => {
      for (const [id, loss] of lost) {
        this.logger.warn({ room: id, loss }, 'this process no longer holds the room');
        void this.rooms.lose(id, loss);
      }
    };
  }

  /** Called once the server listens: the address other processes use for rooms served here. */
  advertise(internalUrl: string): void {
    this.storage.advertise(internalUrl);
    this.logger.info(
      { internalUrl, node: this.storage.nodeId },
      'sharing rooms through PostgreSQL',
    );
  }

  /** Whether another live process serves the room (retention keeps such a workshop). */
  async servedElsewhere(id: string): Promise<boolean> {
    const lease = await this.storage.lease(id);
    return !!lease?.live && lease.ownerId !== this.storage.nodeId;
  }

  close(): void {
    this.router.close();
  }
}
