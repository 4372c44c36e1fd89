import { describe, expect, it } from 'vitest';
import { AwarenessClaims } from './AwarenessClaims.ts';
import { Connection, type RoomSocket } from './Connection.ts';

const socket: RoomSocket = { send() {}, close() {}, bufferedAmount: 0 };

function setup() {
  let now = 1000;
  const claims = new AwarenessClaims(
    () => null,
    () => now,
  );
  const participant = new Connection('c1', 'participant', socket, 'p1');
  const judge = (clientId: number, state: Record<string, unknown>) => {
    const copy = { ...state };
    claims.judge(participant, clientId, copy);
    return copy;
  };
  return { judge, tick: (ms: number) => (now += ms) };
}

describe('note claims as the server relays them', () => {
  it('stamps claims in the order it sees them, even within one millisecond', () => {
    const { judge } = setup();
    const a = judge(1, { editing: 'n', editingSince: 0 });
    const b = judge(2, { editing: 'n', editingSince: 0 });
    expect(a.editingSince).toBe(1000);
    expect(b.editingSince).toBe(1001);
  });

  it('honours a takeover claim only once its request has stood a while', () => {
    const { judge, tick } = setup();
    // Asked and claimed "taken over" at once: relayed as a plain claim.
    expect(judge(1, { editing: 'n', takeover: 'n' })).toMatchObject({ takeover: null });
    tick(2000);
    expect(judge(1, { editing: 'n', takeover: 'n' })).toMatchObject({ takeover: 'n' });
    // An honest asker: the request first, the claim seconds later.
    expect(judge(2, { editing: null, takeover: 'm' })).toMatchObject({ takeover: 'm' });
    tick(5000);
    expect(judge(2, { editing: 'm', takeover: 'm' })).toMatchObject({
      editing: 'm',
      takeover: 'm',
    });
  });

  it('adds no claim fields to a state without them', () => {
    const { judge } = setup();
    expect(judge(1, { user: { name: 'stock' } })).toEqual({ user: { name: 'stock' } });
  });
});
