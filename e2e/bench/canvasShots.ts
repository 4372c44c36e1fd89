// Screenshots of the canvas for people to look at (not a benchmark): the OZG
// example and a board of 300 notes, each zoomed to fit (low zoom, where notes
// show their titles), at 30 %, 45 % and 100 %, and mid-drag, on a desktop (1280×800) and a phone
// (390×844, touch); and a board of 5,000 notes (7,600 × 18,750 units, too
// large for 10 %) as it opens and fitted whole. Written to
// e2e/artifacts/screenshots/canvas-*.png.
//
//   node --import tsx bench/canvasShots.ts
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { createWorkshopViaApi } from '../harness/api.ts';
import { launchBrowser, newPerson, screenshot } from '../harness/browser.ts';
import { startPinnwand } from '../harness/pinnwandProcess.ts';
import { populate } from './canvasBoard.ts';
import { facilitatorRoom } from './lib/client.ts';
import { newDataDir, removeDir, waitForBuild } from './lib/servers.ts';

async function zoomTo(page: Page, scale: number): Promise<void> {
  const box = await page.locator('.board-canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
  const current = () =>
    page.evaluate(
      () =>
        (
          window as unknown as { Konva: { stages: { scaleX(): number }[] } }
        ).Konva.stages[0]?.scaleX() ?? 1,
    );
  for (let i = 0; i < 60; i++) {
    const s = await current();
    if (Math.abs(Math.log(s / scale)) < 0.08) break;
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, s < scale ? -40 : 40);
    await page.keyboard.up('Control');
    await sleep(30);
  }
  await sleep(400);
}

const dataDir = newDataDir('pinnwand-shots-');
await waitForBuild();
const server = await startPinnwand({ dataDir });
const browser = await launchBrowser();
try {
  const example = await createWorkshopViaApi(server.url, 'ozg-example', 'Beispiel');
  const big = await createWorkshopViaApi(server.url, 'blank', 'Viele Notizen');
  const writer = await populate(facilitatorRoom(server.url, big), 300);
  const huge = await createWorkshopViaApi(server.url, 'blank', 'Sehr viele Notizen');
  const hugeWriter = await populate(facilitatorRoom(server.url, huge), 5000);
  for (const [device, options] of [
    ['desktop', {}],
    ['phone', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
  ] as const) {
    for (const [name, workshop] of [
      ['example', example],
      ['300', big],
      ['5000', huge],
    ] as const) {
      const person = await newPerson(browser, 'Shots', options);
      await person.page.goto(workshop.urls.facilitator);
      await person.page.getByLabel(/^Name$/).fill('Moderation');
      await person.page.getByRole('button', { name: /Weiter|Continue/ }).click();
      await person.page.locator('.board-canvas canvas').first().waitFor();
      await sleep(1500);
      if (name === '5000') {
        // How it opens, then fitted whole; the zoom steps are the 300 board's.
        console.log(await screenshot(person.page, `canvas-${device}-${name}-open`));
        await person.page
          .getByRole('button', { name: /Alles zeigen|Show all/ })
          .first()
          .click();
        await sleep(1500);
        console.log(await screenshot(person.page, `canvas-${device}-${name}-fit`));
        await person.context.close();
        continue;
      }
      if (device === 'phone') {
        await person.page
          .getByRole('button', { name: /Alles zeigen|Show all/ })
          .first()
          .click()
          .catch(() => undefined);
        await sleep(600);
      }
      console.log(await screenshot(person.page, `canvas-${device}-${name}-fit`));
      for (const [scale, tag] of [
        [0.3, '030'],
        [0.45, '045'],
        [1, '100'],
      ] as const) {
        await zoomTo(person.page, scale);
        console.log(await screenshot(person.page, `canvas-${device}-${name}-${tag}`));
      }
      if (device === 'desktop') {
        // Mid-drag: a note lifted and carried (drawn live above the snapshot).
        const box = await person.page.locator('.board-canvas').boundingBox();
        if (box) {
          const [sx, sy] = [box.x + box.width * 0.35, box.y + box.height * 0.4];
          await person.page.mouse.move(sx, sy);
          await person.page.mouse.down();
          await person.page.mouse.move(sx + 90, sy + 60, { steps: 6 });
          console.log(await screenshot(person.page, `canvas-${device}-${name}-drag`));
          await person.page.mouse.up();
        }
      }
      if (person.pageErrors.length)
        console.log(
          'page errors',
          person.pageErrors.map((e) => e.message),
        );
      await person.context.close();
    }
  }
  writer.terminate();
  hugeWriter.terminate();
} finally {
  await browser.close();
  await server.stop('SIGKILL');
  removeDir(dataDir);
}
