// Helpers for board journeys: join as a named person, and read what the canvas shows (Konva registers itself as
// `window.Konva`, so the test reads the drawn note nodes and their positions).

import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Person } from './browser.ts';

/** Opens a link, answers the name prompt and waits until the canvas is there. */
export async function join(person: Person, url: string, name = person.name): Promise<void> {
  await person.page.goto(url);
  const input = person.page.getByLabel(/^Name$/);
  await input.waitFor();
  await input.fill(name);
  await person.page.getByRole('button', { name: /Weiter|Continue/ }).click();
  await waitForBoard(person.page);
}

export async function waitForBoard(page: Page): Promise<void> {
  await page.locator('.board-canvas canvas').first().waitFor();
  await expect
    .poll(() => page.locator('.connection').getAttribute('data-status'))
    .toBe('connected');
}

export interface NoteBox {
  id: string;
  text: string;
  /** Centre in page coordinates. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The notes drawn on the canvas (only those on screen: culling). */
export async function noteBoxes(page: Page): Promise<NoteBox[]> {
  return page.evaluate(() => {
    type Node = {
      id(): string;
      getClientRect(): { x: number; y: number; width: number; height: number };
      find(selector: string): Node[];
      findOne(selector: string): Node | undefined;
      getAttr(name: string): unknown;
      className: string;
      container(): HTMLElement;
    };
    const konva = (window as unknown as { Konva?: { stages: Node[] } }).Konva;
    const stage = konva?.stages[0];
    if (!stage) return [];
    const origin = stage.container().getBoundingClientRect();
    return stage.find('.note').map((node) => {
      const rect = node.getClientRect();
      // The note's own text (the drawn one may carry display hyphens).
      const text = String(node.getAttr('noteText') ?? '');
      return {
        id: node.id(),
        text,
        x: origin.left + rect.x + rect.width / 2,
        y: origin.top + rect.y + rect.height / 2,
        width: rect.width,
        height: rect.height,
      };
    });
  });
}

export async function outlineTexts(page: Page): Promise<string[]> {
  return page.locator('.side-panel .outline-text').allTextContents();
}

/** Double-clicks empty board at a point (fractions of the canvas) and types a note. */
export async function addNoteAt(page: Page, fx: number, fy: number, text: string): Promise<void> {
  const box = await page.locator('.board-canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  await page.mouse.dblclick(box.x + box.width * fx, box.y + box.height * fy);
  const editor = page.getByLabel(/Text der Notiz|Note text/);
  await editor.waitFor();
  await editor.pressSequentially(text, { delay: 5 });
  await page.keyboard.press('Escape');
}

/** Names shown at other people's pointers on the canvas. */
export async function cursorNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Node = { find(selector: string): Node[]; getAttr(name: string): unknown };
    const konva = (window as unknown as { Konva?: { stages: Node[] } }).Konva;
    const stage = konva?.stages[0];
    if (!stage) return [];
    return stage.find('.cursor').map((c) => String(c.find('Text')[0]?.getAttr('text') ?? ''));
  });
}

/** Finds the drawn note whose text contains `text`. */
export async function noteByText(page: Page, text: string): Promise<NoteBox> {
  let found: NoteBox | undefined;
  await expect
    .poll(
      async () => {
        found = (await noteBoxes(page)).find((n) => n.text.includes(text));
        return found !== undefined;
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return found as NoteBox;
}

/** Moves the mouse over the canvas so others see the pointer. */
export async function hoverCanvas(page: Page, fx: number, fy: number): Promise<void> {
  const box = await page.locator('.board-canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy, { steps: 3 });
}

/** Sends a paste event with plain text to the page (what Ctrl+V delivers). */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, text);
}

/** Injects axe-core (as a function call, so the CSP's script-src 'self' allows it) and runs it. */
export async function seriousAxeViolations(page: Page, axeSource: string): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            opts: unknown,
          ): Promise<{
            violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
          }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3),
    }));
  });
  return result
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact}: ${v.id} at ${v.targets.join(', ')}`);
}

/**
 * Whether the board's picture (the snapshot canvas on screen) has something
 * drawn at a world point, read from its pixels; null while there is none.
 */
export function drawnAt(world: { x: number; y: number }): boolean | null {
  type Stage = { x(): number; y(): number; scaleX(): number; container(): HTMLElement };
  const stage = (window as unknown as { Konva?: { stages: Stage[] } }).Konva?.stages[0];
  const canvas = document.querySelector<HTMLCanvasElement>('.notes-plane canvas');
  if (!stage || !canvas) return null;
  const origin = stage.container().getBoundingClientRect();
  const screenX = origin.left + stage.x() + world.x * stage.scaleX();
  const screenY = origin.top + stage.y() + world.y * stage.scaleX();
  // The canvas is placed by a CSS transform: its box on screen maps to its pixels.
  const box = canvas.getBoundingClientRect();
  const px = Math.floor(((screenX - box.left) * canvas.width) / box.width);
  const py = Math.floor(((screenY - box.top) * canvas.height) / box.height);
  const alpha = canvas.getContext('2d')?.getImageData(px, py, 1, 1).data[3] ?? 0;
  return alpha > 0;
}

/** Where a world point of the board is on the page (CSS pixels), by the stage's transform. */
export const pageAt = (page: Page, world: { x: number; y: number }) =>
  page.evaluate((p) => {
    type Stage = { x(): number; y(): number; scaleX(): number; container(): HTMLElement };
    const stage = (window as unknown as { Konva?: { stages: Stage[] } }).Konva?.stages[0];
    if (!stage) throw new Error('no stage');
    const origin = stage.container().getBoundingClientRect();
    return {
      x: origin.left + stage.x() + p.x * stage.scaleX(),
      y: origin.top + stage.y() + p.y * stage.scaleX(),
    };
  }, world);

/** A mouse drag as a person makes one: press, a first small move past the drag threshold, then on to `to`. */
export async function dragMouse(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 10, from.y + 10, { steps: 2 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}
