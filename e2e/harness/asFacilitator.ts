// A change to a workshop's document made before anyone opens it, as its
// facilitator over a real websocket (the bench's client): boards, frames and
// notes a journey starts from.

import { asParticipantId } from '@pinnwand/shared/model/ids';
import { localOrigin } from '@pinnwand/shared/model/origin';
import type { CreatedWorkshop } from '@pinnwand/shared/protocol/http';
import type * as Y from 'yjs';
import { BenchClient, facilitatorRoom } from '../bench/lib/client.ts';

/** The origin of changes made as the facilitator. */
export const FACILITATOR_ORIGIN = localOrigin(asParticipantId('facilitator'));

export async function asFacilitator(
  serverUrl: string,
  created: CreatedWorkshop,
  change: (doc: Y.Doc) => void,
): Promise<void> {
  const client = new BenchClient(facilitatorRoom(serverUrl, created), 0, {}, true);
  await client.connect();
  try {
    change(client.doc);
  } finally {
    client.close();
  }
}
