// What a tester noticed on the board: a phone double-tap makes one note; new
// notes never land on others and stay fully on screen; an empty new note does
// not stay behind; a note added in the outline shows on the canvas; an English
// browser gets English (and English templates); a viewer is not asked for a
// name "on your notes"; landing and header fit on desktop and phone.
import { describe, expect, test } from 'vitest';
import { createWorkshopViaApi } from '../harness/api.ts';
import {
  cursorNames,
  hoverCanvas,
  join,
  type NoteBox,
  noteBoxes,
  noteByText,
  outlineTexts,
} from '../harness/board.ts';
import { PHONE, screenshot } from '../harness/browser.ts';
import { clusterBoxes, openPanel } from '../harness/facilitation.ts';
import { useJourney } from '../harness/journey.ts';

const overlapping = (a: NoteBox, b: NoteBox) =>
  Math.abs(a.x - b.x) < (a.width + b.width) / 2 - 2 &&
  Math.abs(a.y - b.y) < (a.height + b.height) / 2 - 2;

describe('placing notes', () => {
  const journey = useJourney();

  test('a phone double-tap on empty board creates exactly one note', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'blank');
    const phone = await journey.person('phone', PHONE);
    await join(phone, created.urls.participant, 'Uwe');
    // An empty board says how to begin.
    await expect
      .poll(() => phone.page.locator('[data-empty-hint]').textContent())
      .toContain('Noch keine Notizen');
    await screenshot(phone.page, 'placement-phone-empty-hint');
    const box = await phone.page.locator('.board-canvas').boundingBox();
    if (!box) throw new Error('no canvas');
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await phone.page.touchscreen.tap(x, y);
    await phone.page.waitForTimeout(80);
    await phone.page.touchscreen.tap(x, y);
    const editor = phone.page.getByLabel(/Text der Notiz/);
    await editor.waitFor();
    await editor.pressSequentially('Vom Telefon', { delay: 5 });
    await phone.page.waitForTimeout(1200);
    await expect.poll(async () => (await noteBoxes(phone.page)).length).toBe(1);
    await screenshot(phone.page, 'placement-phone-double-tap');
    expect(await phone.page.locator('[data-empty-hint]').count()).toBe(0);
  });

  test('toolbar and N put notes side by side, fully on screen; an empty one goes away', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'blank');
    const a = await journey.person('A');
    await join(a, created.urls.participant, 'Anna');
    const editor = a.page.getByLabel(/Text der Notiz/);
    for (const [i, how] of ['toolbar', 'key', 'toolbar', 'key'].entries()) {
      if (how === 'toolbar') await a.page.getByRole('button', { name: 'Notiz hinzufügen' }).click();
      else {
        await a.page.locator('.board-canvas').focus();
        await a.page.keyboard.press('n');
      }
      await editor.waitFor();
      await editor.pressSequentially(`Notiz ${i + 1}`, { delay: 5 });
      if (i === 0) {
        // The editor hyphenates in the page language and leaves the author line visible.
        expect(await editor.getAttribute('lang')).toBe('de');
        const note = await noteByText(a.page, 'Notiz 1');
        const box = await editor.boundingBox();
        expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(
          note.y + note.height / 2 - 14,
        );
      }
      await a.page.keyboard.press('Escape');
      await editor.waitFor({ state: 'detached' });
    }
    await noteByText(a.page, 'Notiz 4');
    const notes = await noteBoxes(a.page);
    expect(notes).toHaveLength(4);
    for (const [i, n] of notes.entries())
      for (const m of notes.slice(i + 1))
        expect(overlapping(n, m), `${n.text} / ${m.text}`).toBe(false);

    // Double-click right at the canvas edge: the note is pulled fully into view.
    const canvas = await a.page.locator('.board-canvas').boundingBox();
    if (!canvas) throw new Error('no canvas');
    await a.page.mouse.dblclick(canvas.x + canvas.width - 6, canvas.y + canvas.height - 6);
    await editor.waitFor();
    await editor.pressSequentially('Am Rand', { delay: 5 });
    await a.page.keyboard.press('Escape');
    const edge = await noteByText(a.page, 'Am Rand');
    expect(edge.x + edge.width / 2).toBeLessThanOrEqual(canvas.x + canvas.width);
    // Not under the floating toolbar either.
    const toolbar = await a.page.locator('.toolbar').boundingBox();
    expect(edge.y + edge.height / 2).toBeLessThanOrEqual(
      toolbar ? toolbar.y : canvas.y + canvas.height,
    );
    await screenshot(a.page, 'placement-side-by-side');

    // A new note left empty does not stay, and undo does not bring it back.
    await a.page.getByRole('button', { name: 'Notiz hinzufügen' }).click();
    await editor.waitFor();
    await a.page.keyboard.press('Escape');
    await expect.poll(async () => (await noteBoxes(a.page)).length).toBe(5);
    await expect.poll(() => outlineTexts(a.page).then((t) => t.length)).toBe(5);
    expect(await outlineTexts(a.page)).not.toContain('');
  });

  test('phone "+", the phone outline and G put notes and clusters on free space; tidying keeps frames apart', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'blank');
    const phone = await journey.person('phone', PHONE);
    const fac = await journey.person('Moderation');
    await join(phone, created.urls.participant, 'Uwe');
    await join(fac, created.urls.facilitator, 'Maren');
    const editor = phone.page.getByLabel(/Text der Notiz/);
    for (let i = 1; i <= 4; i++) {
      await phone.page.getByRole('button', { name: 'Notiz hinzufügen' }).click();
      await editor.waitFor();
      await editor.pressSequentially(`Telefon ${i}`, { delay: 5 });
      await phone.page.keyboard.press('Escape');
      await editor.waitFor({ state: 'detached' });
    }
    await phone.page.getByRole('button', { name: 'Gliederung', exact: true }).click();
    const add = phone.page.locator('.mobile-outline').getByLabel(/Neue Notiz auf/);
    for (let i = 5; i <= 7; i++) {
      await add.fill(`Telefon ${i}`);
      await phone.page
        .locator('.mobile-outline')
        .getByRole('button', { name: 'Hinzufügen', exact: true })
        .click();
    }
    await phone.page.getByRole('button', { name: 'Tafel', exact: true }).click();
    // The phone's toolbar has "Alles zeigen".
    await phone.page.getByRole('button', { name: 'Alles zeigen' }).click();
    await expect.poll(async () => (await noteBoxes(phone.page)).length).toBe(7);
    const notes = await noteBoxes(phone.page);
    expect(notes).toHaveLength(7);
    for (const [i, n] of notes.entries())
      for (const m of notes.slice(i + 1))
        expect(overlapping(n, m), `${n.text} / ${m.text}`).toBe(false);
    await screenshot(phone.page, 'placement-phone-seven');

    // Three clusters by G: each on free space, none over a note or another frame.
    await fac.page.getByRole('button', { name: 'Alles zeigen' }).click();
    await expect.poll(async () => (await noteBoxes(fac.page)).length).toBe(7);
    for (let i = 0; i < 3; i++) {
      await fac.page.locator('.board-canvas').focus();
      // The first one takes all notes in; the others are empty.
      if (i === 0) await fac.page.keyboard.press('Control+a');
      await fac.page.keyboard.press('g');
      await fac.page.keyboard.type(`Cluster ${i + 1}`);
      await fac.page.keyboard.press('Enter');
    }
    await expect.poll(async () => (await clusterBoxes(fac.page)).length).toBe(3);
    const apart = async () => {
      const frames = await clusterBoxes(fac.page);
      const cards = await noteBoxes(fac.page);
      const hits: string[] = [];
      for (const [i, f] of frames.entries()) {
        for (const g of frames.slice(i + 1))
          if (
            f.x < g.x + g.width &&
            g.x < f.x + f.width &&
            f.y < g.y + g.height &&
            g.y < f.y + f.height
          )
            hits.push(`${f.title} / ${g.title}`);
        for (const n of cards) {
          const l = n.x - n.width / 2;
          const t = n.y - n.height / 2;
          const touches =
            f.x < l + n.width && l < f.x + f.width && f.y < t + n.height && t < f.y + f.height;
          // A member lies wholly inside its frame; anything else touching a frame is covered.
          const member =
            l >= f.x && t >= f.y && l + n.width <= f.x + f.width && t + n.height <= f.y + f.height;
          if (touches && !member) hits.push(`${f.title} / ${n.text}`);
        }
      }
      return hits;
    };
    expect(await apart()).toEqual([]);
    // "Alle Cluster aufräumen": frames fit their notes and still cover nothing.
    await openPanel(fac.page, /^Moderation$/);
    await fac.page
      .locator('.side-panel')
      .getByRole('button', { name: 'Alle Cluster aufräumen' })
      .click();
    await expect.poll(apart).toEqual([]);
    await screenshot(fac.page, 'placement-clusters-apart');
  });

  test('a note added in the outline shows up on the canvas, on a free spot', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'blank');
    const a = await journey.person('A');
    await join(a, created.urls.participant, 'Anna');
    const add = a.page.locator('.side-panel').getByLabel(/Neue Notiz auf/);
    for (const text of ['Aus der Gliederung', 'Noch eine aus der Gliederung']) {
      await add.fill(text);
      await a.page.getByRole('button', { name: 'Hinzufügen', exact: true }).click();
    }
    const first = await noteByText(a.page, 'Aus der Gliederung');
    const second = await noteByText(a.page, 'Noch eine aus der Gliederung');
    expect(overlapping(first, second)).toBe(false);
    const canvas = await a.page.locator('.board-canvas').boundingBox();
    if (!canvas) throw new Error('no canvas');
    for (const n of [first, second]) {
      expect(n.x).toBeGreaterThan(canvas.x);
      expect(n.x).toBeLessThan(canvas.x + canvas.width);
      expect(n.y).toBeGreaterThan(canvas.y);
      expect(n.y).toBeLessThan(canvas.y + canvas.height);
    }
  });
});

describe('language and viewers', () => {
  const journey = useJourney();

  test('an English browser gets English, and its new workshop English boards', async () => {
    const en = await journey.person('en', { locale: 'en-GB' });
    await en.page.goto(journey.server().url);
    await en.page.getByRole('heading', { name: 'Create a workshop' }).waitFor();
    await en.page.getByLabel('Workshop title').fill('Spring retro');
    await en.page.getByLabel('Template').selectOption('retro');
    await en.page.getByRole('button', { name: /Create/ }).click();
    const name = en.page.getByLabel(/^Name$/);
    await name.waitFor();
    await name.fill('Eve');
    await en.page.getByRole('button', { name: 'Continue' }).click();
    await en.page.locator('.board-canvas canvas').first().waitFor();
    const tabs = await en.page.locator('.board-tab').allTextContents();
    expect(tabs.join(' ')).toMatch(/went well/i);
  });

  test('a viewer is not told their name goes on notes they cannot write', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'blank');
    const v = await journey.person('viewer');
    await v.page.goto(created.urls.viewer);
    await v.page.getByLabel(/^Name$/).waitFor();
    const text = await v.page.locator('.name-prompt-text').textContent();
    expect(text).not.toContain('Notizen');
    expect(text).toContain('nur an');

    // A viewer's pointer is not shown to everyone; a participant's is.
    const a = await journey.person('A');
    const b = await journey.person('B');
    await join(a, created.urls.facilitator, 'Anna');
    await join(b, created.urls.participant, 'Bernd');
    await v.page.getByLabel(/^Name$/).fill('Vera');
    await v.page.getByRole('button', { name: 'Weiter' }).click();
    await v.page.locator('.board-canvas canvas').first().waitFor();
    for (const [p, fx] of [
      [v, 0.3],
      [b, 0.6],
      [v, 0.35],
      [b, 0.65],
    ] as const)
      await hoverCanvas(p.page, fx, 0.4);
    await expect.poll(() => cursorNames(a.page)).toContain('Bernd');
    expect(await cursorNames(a.page)).not.toContain('Vera');
  });
});

describe('layout', () => {
  const journey = useJourney();

  for (const [label, options] of [
    ['desktop', {}],
    ['phone', PHONE],
  ] as const) {
    test(`landing and board header fit on the ${label}`, async () => {
      const p = await journey.person(label, options);
      await p.page.goto(journey.server().url);
      const select = p.page.getByLabel('Vorlage');
      await select.waitFor();
      // The chosen template's name is shown whole in the select.
      const fits = await select.evaluate((el) => {
        const s = el as HTMLSelectElement;
        const c = document.createElement('canvas').getContext('2d');
        if (!c) return false;
        c.font = getComputedStyle(s).font;
        const text = s.options[s.selectedIndex]?.text ?? '';
        return c.measureText(text).width + 28 <= s.clientWidth;
      });
      expect(fits).toBe(true);
      await screenshot(p.page, `layout-landing-${label}`);

      const created = await createWorkshopViaApi(
        journey.server().url,
        'ozg-erfahrungsaustausch',
        'Erfahrungsaustausch der Kommunen zur Umsetzung des Onlinezugangsgesetzes 2026',
      );
      const others = await Promise.all(
        ['Bea Bauer', 'Cem Çelik', 'Dora Dietrich'].map((n) => journey.person(n)),
      );
      for (const o of others) await join(o, created.urls.participant);
      await join(p, created.urls.participant, 'Maximiliane Mustermann-Schulze');
      // Avatars in the header do not cover each other.
      await expect.poll(() => p.page.locator('.avatars .avatar').count()).toBeGreaterThan(1);
      const boxes = await p.page.locator('.avatars .avatar').evaluateAll((els) =>
        els
          .filter((e) => (e as HTMLElement).offsetParent !== null)
          .map((e) => e.getBoundingClientRect())
          .map((r) => ({ left: r.left, right: r.right })),
      );
      for (let i = 1; i < boxes.length; i++)
        expect(boxes[i]?.left ?? 0).toBeGreaterThanOrEqual((boxes[i - 1]?.right ?? 0) - 0.5);
      // The title is readable in full (wrapped, not cut off).
      await screenshot(p.page, `layout-board-${label}`);
      const title = p.page.locator('.workshop-title');
      const size = await title.evaluate((el) => [
        el.scrollWidth,
        el.clientWidth,
        el.scrollHeight,
        el.clientHeight,
      ]);
      const [sw = 0, cw = 0, sh = 0, ch = 0] = size;
      expect(sw <= cw + 1 && sh <= ch + 1, `title cut: ${size.join(' ')}`).toBe(true);
    });
  }
});
