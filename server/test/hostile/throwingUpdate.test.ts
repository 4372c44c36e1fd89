/**
 * Issue 11, finding 5 (8 in the issue): an update that Yjs decodes but throws
 * on while applying (an empty delete range) closes only its sender with 4400.
 * The room is not reloaded: the honest people's connections stay open, and
 * what they write keeps arriving.
 */
import { describe, expect, it } from 'vitest';
import { expectNotesSurvive, hostile, hostileRound, writeNote } from '../helpers/hostile.ts';

const THROWS = Buffer.from('AAGPp8e1AgFgAA==', 'base64');

describe('an update that makes Yjs throw', () => {
  const round = hostileRound();

  it('closes only its sender; everyone else stays connected and keeps writing', async () => {
    const { s } = await round.start();
    const closes: unknown[] = [];
    for (const p of [s.alice.provider, s.facilitator.provider]) {
      p.on('connection-close', (event: unknown) => closes.push(event));
    }
    const notes = new Map<ReturnType<typeof writeNote>, string>();
    for (let i = 0; i < 14; i++) {
      const attacker = await hostile(s, s.w.participantToken);
      attacker.sendUpdate(THROWS);
      expect(await attacker.closed).toBe(4400);
      const text = `Notiz ${i}`;
      notes.set(writeNote(s, s.alice, text, i * 100), text);
    }
    await expectNotesSurvive(s, notes);
    expect(closes).toEqual([]);
    expect(s.alice.provider.wsconnected && s.facilitator.provider.wsconnected).toBe(true);
  });
});
