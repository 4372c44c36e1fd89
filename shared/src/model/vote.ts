/**
 * Votes: each note's `votes` Y.Map maps a participant id to how many votes
 * that person gave the note. Keying by person means two people voting at once
 * never conflict; only the same person on two devices can overwrite
 * themselves (last writer wins), which costs nobody else a vote.
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import { type ParticipantId, participantIdSchema } from './ids.ts';

export const voteCountSchema = z.number().int().nonnegative();

/** How many votes each person gave one note. */
export const votesByParticipantSchema = z.record(participantIdSchema, voteCountSchema);

export const voteTallySchema = z.object({
  /** Sum of all valid counts. */
  total: z.number().int().nonnegative(),
  /** Valid counts by person; zero counts are left out. */
  byParticipant: votesByParticipantSchema,
});
export type VoteTally = z.infer<typeof voteTallySchema>;

export interface VotesRead {
  tally: VoteTally;
  /** One message per malformed entry (skipped from the tally). */
  problems: string[];
}

export const EMPTY_TALLY: Readonly<VoteTally> = Object.freeze({ total: 0, byParticipant: {} });

/** Reads a `votes` map; `where` names the note for problem messages. */
export function readVotes(map: Y.Map<unknown> | undefined, where: string): VotesRead {
  const byParticipant: Record<string, number> = {};
  const problems: string[] = [];
  let total = 0;
  if (map) {
    for (const [participant, value] of map.entries()) {
      // The common case without zod (a note's votes are read on every change).
      if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) {
        if (value === 0) continue;
        byParticipant[participant] = value;
        total += value;
        continue;
      }
      const parsed = voteCountSchema.safeParse(value);
      if (!parsed.success) {
        problems.push(
          `${where}.votes.${participant}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
        );
        continue;
      }
      if (parsed.data === 0) continue;
      byParticipant[participant] = parsed.data;
      total += parsed.data;
    }
  }
  return { tally: { total, byParticipant }, problems };
}

/** How many valid votes `participant` gave in this map (0 when none or malformed). */
export function votesOf(map: Y.Map<unknown> | undefined, participant: ParticipantId): number {
  const parsed = voteCountSchema.safeParse(map?.get(participant));
  return parsed.success ? parsed.data : 0;
}
