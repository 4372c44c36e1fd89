import type { Role } from '@pinnwand/shared/protocol/roles';
import { RejectReason } from '@pinnwand/shared/protocol/wire';
import type { Limits } from '../config.ts';
import type { Room } from '../room/Room.ts';

/**
 * Room slots per role, so that one link cannot keep the others out: viewers
 * take at most `maxViewersPerRoom`, and the last `facilitatorReservedSlots`
 * of `maxConnectionsPerRoom` are the facilitators'. Returns the metric reason
 * when the role's share is taken, else null.
 */
export function roomFullFor(room: Room, role: Role, limits: Limits): string | null {
  const total = room.connections.size;
  if (total >= limits.maxConnectionsPerRoom) return 'room-full';
  if (role === 'facilitator') return null;
  if (total >= limits.maxConnectionsPerRoom - limits.facilitatorReservedSlots) {
    return RejectReason.roomFullForRole;
  }
  if (role === 'viewer' && room.members.countRole('viewer') >= limits.maxViewersPerRoom) {
    return RejectReason.roomFullForRole;
  }
  return null;
}
