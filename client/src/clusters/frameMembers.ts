// Whatever way a frame comes to lie over notes — drawn, moved, resized, or
// grown to hold notes dropped into it — the notes it then covers belong to
// it, and the members it no longer covers leave it: the outline and the
// exports list what the board shows. Settled inside the frame change's
// transaction, so one undo takes back both.
import { membershipAfterFrameChange } from '@pinnwand/shared/facilitation/membership';
import type { ClusterId, NoteId } from '@pinnwand/shared/model/ids';
import { assignNotesToCluster, unassignNotes } from '@pinnwand/shared/ops/clusterOps';
import { getCluster, getNote, listClusters, listNoteIds } from '@pinnwand/shared/read/lookups';
import type { Editor } from '../editor/Editor.ts';
import { mayMoveNotes } from '../gate/noteGate.ts';

/**
 * Inside a frame change's transaction: the notes now lying in the changed
 * frames join them, their members now outside leave (for another frame they
 * lie in, or for none) — by the same rule as a dropped note (`clusterAt`).
 * Only notes this person may move are re-assigned (a facilitator may move
 * anyone's; the server's role policy accepts that), the others keep their
 * cluster.
 */
export function settleFrameMembers(e: Editor, ids: readonly ClusterId[]): void {
  const frame = ids.map((id) => getCluster(e.doc, id)).find((c) => c !== undefined);
  if (!frame) return;
  const notes = listNoteIds(e.doc, frame.boardId)
    .map((nid) => getNote(e.doc, nid))
    .filter((n) => n !== undefined);
  const { joins, leaves } = membershipAfterFrameChange(
    notes,
    listClusters(e.doc, frame.boardId),
    new Set(ids),
  );
  const mayMove = (noteIds: NoteId[]) => mayMoveNotes(e, noteIds, frame.boardId).allowed;
  for (const [clusterId, noteIds] of joins)
    assignNotesToCluster(e.doc, clusterId, mayMove(noteIds), e.origin, { keepPositions: true });
  const leaving = mayMove(leaves);
  if (leaving.length > 0) unassignNotes(e.doc, leaving, e.origin);
}
