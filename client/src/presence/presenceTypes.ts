// What each person publishes through y-protocols awareness. Anything read from
// others is checked: a foreign client may publish any shape.
import { isRecord } from '../session/storage.ts';

export interface PresenceUser {
  id: string;
  name: string;
  color: string;
}

export interface PresenceState {
  user: PresenceUser;
  cursor: { boardId: string; x: number; y: number } | null;
  selection: string[];
  /**
   * The note this person is writing in (canvas editor or outline): a claim,
   * nobody else opens an editor on it (editor/writers.ts).
   */
  editing: string | null;
  /**
   * When the claim was made (ms, the SERVER's clock: it overwrites what a
   * client sends, see @pinnwand/shared/protocol/writingClaims): two claims
   * that crossed on the wire are settled by the earlier one (then the lower
   * client id), the same way on every device. This client publishes null and
   * learns its own stamp from the server's echo (Presence.ownClaimEcho).
   */
  editingSince: number | null;
  /**
   * A note whose writer this person asked to hand it over ("Übernehmen"). Kept
   * while `editing` names the same note: taken over without an answer
   * (editor/writers.ts), which beats a plain claim.
   */
  takeover: string | null;
  view: { boardId: string; x: number; y: number; scale: number } | null;
  /**
   * Notes being dragged right now and by how much (not yet written to the
   * document), with each note's position when the drag began (x, y pairs): once
   * the document has the note elsewhere, the drag has landed and is ignored.
   */
  dragging: { ids: string[]; dx: number; dy: number; from: number[] } | null;
  /** Stamped by the server on relayed states. */
  role?: string;
}

export interface Peer extends PresenceState {
  clientId: number;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function readPresence(clientId: number, raw: unknown): Peer | null {
  if (!isRecord(raw) || !isRecord(raw.user)) return null;
  const { user } = raw;
  if (typeof user.id !== 'string' || typeof user.name !== 'string') return null;
  const color =
    typeof user.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(user.color) ? user.color : '#555555';
  const c = raw.cursor;
  const cursor =
    isRecord(c) && typeof c.boardId === 'string' && isNum(c.x) && isNum(c.y)
      ? { boardId: c.boardId, x: c.x, y: c.y }
      : null;
  const v = raw.view;
  const view =
    isRecord(v) && typeof v.boardId === 'string' && isNum(v.x) && isNum(v.y) && isNum(v.scale)
      ? { boardId: v.boardId, x: v.x, y: v.y, scale: v.scale }
      : null;
  const selection = Array.isArray(raw.selection)
    ? raw.selection.filter((s): s is string => typeof s === 'string').slice(0, 2000)
    : [];
  const d = raw.dragging;
  const dragging =
    isRecord(d) && Array.isArray(d.ids) && Array.isArray(d.from) && isNum(d.dx) && isNum(d.dy)
      ? {
          ids: d.ids.filter((s): s is string => typeof s === 'string').slice(0, 200),
          dx: d.dx,
          dy: d.dy,
          from: d.from.filter(isNum).slice(0, 400),
        }
      : null;
  return {
    clientId,
    user: { id: user.id, name: user.name.slice(0, 60), color },
    cursor,
    selection,
    editing: typeof raw.editing === 'string' ? raw.editing : null,
    editingSince: isNum(raw.editingSince) ? raw.editingSince : null,
    takeover: typeof raw.takeover === 'string' ? raw.takeover : null,
    view,
    dragging,
    ...(typeof raw.role === 'string' ? { role: raw.role } : {}),
  };
}
