import { describe, expect, it } from 'vitest';
import { nextHolders } from './hiddenHolders.ts';

describe('nextHolders', () => {
  it('keeps the count of someone who left during the phase, marked not connected', () => {
    const during = nextHolders(
      [],
      [
        { key: 'p-anna', name: 'Anna', count: 2 },
        { key: 'p-ben', name: 'Ben', count: 1 },
      ],
    );
    const afterAnnaLeft = nextHolders(during, [{ key: 'p-ben', name: 'Ben', count: 1 }]);
    expect(afterAnnaLeft).toEqual([
      { key: 'p-anna', name: 'Anna', count: 2, connected: false },
      { key: 'p-ben', name: 'Ben', count: 1, connected: true },
    ]);
  });

  it('forgets a person once their count is 0 again (published on return)', () => {
    const away = [{ key: 'p-anna', name: 'Anna', count: 2, connected: false }];
    expect(nextHolders(away, [{ key: 'p-anna', name: 'Anna', count: 0 }])).toEqual([]);
  });
});
