// Helpers for the facilitation journeys: a workshop with a facilitator and two
// participants, the facilitation panel, and what a page's websocket received.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CreatedWorkshop } from '@pinnwand/shared/protocol/http';
import type { WorkshopTemplateId } from '@pinnwand/shared/templates/templates';
import type { Locator, Page } from 'playwright-core';
import { createWorkshopViaApi } from './api.ts';
import { join } from './board.ts';
import type { Person } from './browser.ts';
import type { Journey } from './journey.ts';

const require = createRequire(import.meta.url);
/** axe-core's source, injected by `seriousAxeViolations` (harness/board.ts). */
export const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface Room {
  workshop: CreatedWorkshop;
  fac: Person;
  a: Person;
  b: Person;
}

export async function roomOfThree(journey: Journey, template: WorkshopTemplateId): Promise<Room> {
  const workshop = await createWorkshopViaApi(journey.server().url, template);
  const [fac, a, b] = await Promise.all([
    journey.person('Moderatorin'),
    journey.person('Anna'),
    journey.person('Ben'),
  ]);
  await Promise.all([
    join(fac, workshop.urls.facilitator),
    join(a, workshop.urls.participant),
    join(b, workshop.urls.participant),
  ]);
  return { workshop, fac, a, b };
}

/** Opens a side panel by its label (Moderation, Zusammenfassung, Abstimmen …). */
export async function openPanel(page: Page, label: RegExp): Promise<void> {
  // The panel list is either in the header or in the side panel behind a toggle.
  const toggle = page.locator('.header-actions .panel-toggle');
  if ((await toggle.count()) > 0 && (await page.locator('.side-panel').count()) === 0)
    await toggle.click();
  const button = page
    .locator('.header-actions, .side-panel')
    .getByRole('button', { name: label })
    .first();
  await button.waitFor({ timeout: 10_000 });
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
}

/** A facilitator adds a cluster frame from the Moderation panel; returns its name field, open for renaming. */
export async function addClusterFromPanel(page: Page): Promise<Locator> {
  await openPanel(page, /^Moderation$/);
  await page.locator('.side-panel').getByRole('button', { name: 'Cluster hinzufügen' }).click();
  return page.getByLabel('Überschrift des Clusters');
}

/** Switches to the board tab with this title. */
export async function showBoard(page: Page, title: string): Promise<void> {
  await page.getByRole('tab', { name: title }).click();
}

/** Records every websocket frame the page receives, as text (binary frames decoded as UTF-8). */
export function recordFrames(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (ws) => {
    ws.on('framereceived', (frame) => {
      const payload = frame.payload;
      frames.push(typeof payload === 'string' ? payload : Buffer.from(payload).toString('utf8'));
    });
  });
  return frames;
}

/**
 * The texts drawn on every Konva stage of the page (board and overlays): the
 * Text nodes, and the text each note shape paints (`drawnText`: none while
 * this person writes in it), with the line breaks and soft hyphens of the
 * layout taken out again.
 */
export async function canvasTexts(page: Page): Promise<string[]> {
  const raw = await page.evaluate(() => {
    type Node = { find(selector: string): Node[]; getAttr(name: string): unknown };
    const konva = (window as unknown as { Konva?: { stages: Node[] } }).Konva;
    return (konva?.stages ?? []).flatMap((s) => [
      ...s.find('Text').map((t) => String(t.getAttr('text') ?? '')),
      ...s.find('.note').map((n) => String(n.getAttr('drawnText') ?? '')),
    ]);
  });
  return raw.map((t) =>
    t
      .replace(/\u00ad/g, '')
      .replace(/-\n/g, '')
      .replace(/\s+/g, ' '),
  );
}

/** Cluster frames drawn on the board: title and page rectangle. */
export async function clusterBoxes(
  page: Page,
): Promise<{ id: string; title: string; x: number; y: number; width: number; height: number }[]> {
  return page.evaluate(() => {
    type Node = {
      id(): string;
      getClientRect(): { x: number; y: number; width: number; height: number };
      find(selector: string): Node[];
      getAttr(name: string): unknown;
      container(): HTMLElement;
    };
    const konva = (window as unknown as { Konva?: { stages: Node[] } }).Konva;
    const stage = konva?.stages[0];
    if (!stage) return [];
    const origin = stage.container().getBoundingClientRect();
    return stage.find('.cluster').map((node) => {
      const r = node.getClientRect();
      return {
        id: node.id(),
        // The whole name (the heading drawn may be wrapped over lines, or cut).
        title: String(node.getAttr('clusterTitle') ?? node.find('Text')[0]?.getAttr('text') ?? ''),
        x: origin.left + r.x,
        y: origin.top + r.y,
        width: r.width,
        height: r.height,
      };
    });
  });
}

/** Contrast ratio of an element's text colour on its background (both opaque). */
export async function textContrast(locator: Locator): Promise<number> {
  return locator.evaluate((el) => {
    const style = getComputedStyle(el);
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const lum = (c: string) => {
      const [r, g, b] = rgb(c).map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [l1, l2] = [lum(style.color), lum(style.backgroundColor)].sort((x, y) => y - x) as [
      number,
      number,
    ];
    return (l1 + 0.05) / (l2 + 0.05);
  });
}
