// The connection badge tells the truth when the server stops answering without
// closing anything (a hung process, a network that drops packets): the server
// is frozen with SIGSTOP, so no socket closes and y-websocket alone would keep
// "Verbunden" for 30 s. The badge must change without a reload, edits made
// meanwhile are kept, and once the server answers again everything arrives.
import { describe, expect, test } from 'vitest';
import { createWorkshopViaApi } from '../harness/api.ts';
import { addNoteAt, join, outlineTexts } from '../harness/board.ts';
import { screenshot } from '../harness/browser.ts';
import { useJourney } from '../harness/journey.ts';

describe('connection badge', () => {
  const journey = useJourney();

  test('a server that stops answering turns the badge within seconds, and back when it answers', async () => {
    const server = journey.server();
    const created = await createWorkshopViaApi(server.url, 'blank', 'Verbindung');
    const [a, b] = await Promise.all([journey.person('A'), journey.person('B')]);
    await join(a, created.urls.facilitator, 'Anna');
    await join(b, created.urls.participant, 'Bernd');
    const status = (page: typeof a.page) => page.locator('.connection').getAttribute('data-status');

    const pid = server.child.pid;
    if (!pid) throw new Error('no server pid');
    process.kill(pid, 'SIGSTOP');
    try {
      // y-websocket by itself notices only after 30 s without a message: a
      // badge still "connected" at this poll's end (well before) is the defect.
      await expect.poll(() => status(a.page), { timeout: 15_000 }).toBe('reconnecting');
      await expect(a.page.locator('.connection').textContent()).resolves.toContain(
        'Ihre Änderungen werden auf diesem Gerät gespeichert',
      );
      await screenshot(a.page, 'badge-server-silent');
      await addNoteAt(a.page, 0.4, 0.4, 'Während der Server schweigt');
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    await expect.poll(() => status(a.page), { timeout: 20_000 }).toBe('connected');
    await expect
      .poll(() => outlineTexts(b.page), { timeout: 20_000 })
      .toEqual(['Während der Server schweigt']);
    expect(await status(b.page)).toBe('connected');
  });
});
