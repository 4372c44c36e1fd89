import { describe, expect, test } from 'vitest';
import { screenshot } from '../harness/browser.ts';
import { useJourney } from '../harness/journey.ts';

describe('landing page', () => {
  const journey = useJourney();

  test('loads and requests nothing from any other host', async () => {
    const visitor = await journey.person('visitor');
    const origin = new URL(journey.server().url).origin;
    await visitor.page.goto(journey.server().url);
    await expect
      .poll(() => visitor.page.getByRole('heading', { level: 1 }).textContent())
      .toContain('Pinnwand');
    await visitor.page.waitForLoadState('networkidle');
    await screenshot(visitor.page, 'landing');
    const foreign = visitor.requests.filter((url) => {
      const u = new URL(url);
      return !['data:', 'blob:'].includes(u.protocol) && u.origin !== origin;
    });
    expect(foreign).toEqual([]);
    expect(visitor.requests.length).toBeGreaterThan(0);
  });

  test('the server answers /healthz', async () => {
    const res = await fetch(`${journey.server().url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });
});
