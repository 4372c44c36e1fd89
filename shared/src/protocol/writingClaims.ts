/**
 * One writer per note, as the awareness fields carry it (the client's side is
 * client/src/editor/writers.ts, the server's room/AwarenessRegistry.ts with
 * policy/claimPolicy.ts; docs/protocol.md, "Awareness"):
 *
 * - `editing`: the note whose editor is open, a claim;
 * - `editingSince`: when the claim began, on the SERVER's clock. The server
 *   overwrites whatever a client sends: it stamps a claim when the state's
 *   `editing` changes and keeps the stamp while it stays the same. Client
 *   clocks are neither trusted (a claim "since 0" would beat everyone) nor
 *   comparable (skewed devices);
 * - `takeover`: a note whose writer this person asked to hand it over.
 *
 * A claim that names the same note in `takeover` was taken over: its writer
 * asked and got no answer (the writer's client froze, or will not answer). It
 * beats a plain claim on the note; the server keeps `takeover` on such a claim
 * only once the request stood TAKEOVER_MIN_ASKED_MS. Otherwise the earlier claim stands, then the
 * lower client id: the same order on every device, because every device sees
 * the same server stamps.
 */

/** A writer who was asked to hand over hands over after this pause in typing. */
export const QUIET_MS = 2000;
/**
 * How much longer than QUIET_MS an asker waits for an answer, judged by the
 * note's text standing still, before taking the note over anyway: room for the
 * writer's client to notice the request and for its release to arrive.
 */
export const UNANSWERED_GRACE_MS = 3000;
/**
 * The server honours a takeover claim only from a client whose request for the
 * note has stood this long (honest ones wait QUIET_MS + UNANSWERED_GRACE_MS):
 * nobody throws a writer out of a note at once by claiming it "taken over".
 */
export const TAKEOVER_MIN_ASKED_MS = QUIET_MS;

export const CLAIM_FIELD = 'editing';
export const CLAIM_SINCE_FIELD = 'editingSince';
export const TAKEOVER_FIELD = 'takeover';

/**
 * The longest note id a claim may name: ids are 22 characters (ids.ts); a
 * foreign document may hold others, but nothing this long.
 */
export const CLAIM_NOTE_ID_MAX = 128;

/** A claim as compared on every device. */
export interface Claim {
  /** The claim took over a note whose writer did not answer. */
  forced: boolean;
  /** Server stamp (ms); +Infinity while not stamped yet. */
  since: number;
  clientId: number;
}

/** True when claim `a` stands against claim `b`: a takeover, then the earlier one, then the lower client id. */
export function claimBeats(a: Claim, b: Claim): boolean {
  if (a.forced !== b.forced) return a.forced;
  return a.since !== b.since ? a.since < b.since : a.clientId < b.clientId;
}

/** A note id as a claim field may hold it: a non-empty string of bounded length, else null. */
export function claimedNote(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= CLAIM_NOTE_ID_MAX
    ? value
    : null;
}

/**
 * Hands out a room's claim stamps: the server's clock, strictly increasing, so
 * that the order of the stamps is the order in which the server saw the claims
 * (two claims in the same millisecond are not left to the client ids).
 */
export class ClaimClock {
  private last = 0;

  constructor(private readonly now: () => number = Date.now) {}

  stamp(): number {
    this.last = Math.max(this.now(), this.last + 1);
    return this.last;
  }
}
