/**
 * Facilitation settings beyond `model/meta.ts`: which board a voting round
 * runs on, whether its votes are shown by name, and whether the workshop is
 * in a hidden-writing phase. Extension keys of the `meta` map (design.md
 * allows new keys); absent means the default, a malformed value is ignored.
 * Like every meta key they are facilitator-only on the server.
 */
import type * as Y from 'yjs';
import type { BoardId } from '../model/ids.ts';
import type { TransactionOrigin } from '../model/origin.ts';
import { metaMap } from '../model/schema.ts';
import { transact } from '../ops/transact.ts';

export const FACILITATION_META = {
  /** extension: the board the current (or last) voting round is on. */
  votingBoardId: 'votingBoardId',
  /** extension: whether the facilitator's ranking hides who voted. */
  votesAnonymous: 'votesAnonymous',
  /** extension: a hidden-writing phase is running (new notes stay on their author's device). */
  hiddenWriting: 'hiddenWriting',
  /** extension: vote totals stay hidden on notes until the round ends (no bandwagon). */
  votesHiddenUntilEnd: 'votesHiddenUntilEnd',
} as const;

export interface FacilitationSettings {
  votingBoardId: BoardId | null;
  votesAnonymous: boolean;
  hiddenWriting: boolean;
  votesHiddenUntilEnd: boolean;
}

export const DEFAULT_FACILITATION: Readonly<FacilitationSettings> = Object.freeze({
  votingBoardId: null,
  votesAnonymous: true,
  hiddenWriting: false,
  votesHiddenUntilEnd: false,
});

export function readFacilitation(doc: Y.Doc): FacilitationSettings {
  const meta = metaMap(doc);
  const board = meta.get(FACILITATION_META.votingBoardId);
  const anonymous = meta.get(FACILITATION_META.votesAnonymous);
  const hidden = meta.get(FACILITATION_META.hiddenWriting);
  const totalsHidden = meta.get(FACILITATION_META.votesHiddenUntilEnd);
  return {
    votingBoardId: typeof board === 'string' && board !== '' ? (board as BoardId) : null,
    votesAnonymous:
      typeof anonymous === 'boolean' ? anonymous : DEFAULT_FACILITATION.votesAnonymous,
    hiddenWriting: typeof hidden === 'boolean' ? hidden : DEFAULT_FACILITATION.hiddenWriting,
    votesHiddenUntilEnd:
      typeof totalsHidden === 'boolean' ? totalsHidden : DEFAULT_FACILITATION.votesHiddenUntilEnd,
  };
}

export function writeFacilitation(
  doc: Y.Doc,
  patch: Partial<FacilitationSettings>,
  origin: TransactionOrigin,
): void {
  transact(doc, origin, () => {
    const meta = metaMap(doc);
    for (const key of Object.keys(patch) as (keyof FacilitationSettings)[]) {
      const value = patch[key];
      if (value === undefined) continue;
      if (value === null) meta.delete(FACILITATION_META[key]);
      else if (meta.get(FACILITATION_META[key]) !== value) meta.set(FACILITATION_META[key], value);
    }
  });
}

/** Starts or ends the hidden-writing phase; ending it is the "reveal". */
export function setHiddenWriting(doc: Y.Doc, hidden: boolean, origin: TransactionOrigin): void {
  writeFacilitation(doc, { hiddenWriting: hidden }, origin);
}
