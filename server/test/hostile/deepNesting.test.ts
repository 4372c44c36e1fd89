/**
 * Issue 11, finding 2: a chain of thousands of nested maps costs Yjs time
 * quadratic in its depth and, before, the role policy far more. Such an
 * update is refused before it is applied — from a participant under the
 * notes, from a facilitator under a root of its own — and the server never
 * stalls: another workshop's edits keep flowing, and the honest participant's
 * next note arrives.
 */
import { notesMap } from '@pinnwand/shared/model/schema';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  bystander,
  bystanderRoundTrip,
  expectNotesSurvive,
  forge,
  hostile,
  hostileRound,
  writeNote,
} from '../helpers/hostile.ts';

/** One update: `depth` maps nested inside each other, the outermost set by `place`. */
function chain(base: Y.Doc, depth: number, place: (doc: Y.Doc, outer: Y.Map<unknown>) => void) {
  const forged = forge(base, 7_000_000 + depth);
  forged.doc.transact(() => {
    let current = new Y.Map<unknown>();
    place(forged.doc, current);
    for (let i = 0; i < depth; i++) {
      const inner = new Y.Map<unknown>();
      current.set('k', inner);
      current = inner;
    }
  });
  return forged.updates[0]!;
}

describe('deeply nested types', () => {
  const round = hostileRound();

  it('a chain of nested maps is refused before it is applied, and nobody waits for it', async () => {
    const { t, s } = await round.start();
    const other = await bystander(t, round.extra);
    await bystanderRoundTrip(other, 'before');

    const participant = await hostile(s, s.w.participantToken);
    participant.sendUpdate(
      chain(s.alice.doc, 1000, (doc, outer) => {
        notesMap(doc).set('deep', outer);
        outer.set('boardId', s.board);
      }),
    );
    const facilitator = await hostile(s, s.w.facilitatorToken);
    facilitator.sendUpdate(
      chain(s.alice.doc, 1000, (doc, outer) => doc.getMap('x').set('deep', outer)),
    );
    await bystanderRoundTrip(other, 'during');
    expect(await participant.closed).toBe(4400);
    expect(await facilitator.closed).toBe(4400);

    const text = 'Nach dem Angriff';
    const note = writeNote(s, s.alice, text);
    await expectNotesSurvive(s, new Map([[note, text]]));
    await bystanderRoundTrip(other, 'after');
  });
});
