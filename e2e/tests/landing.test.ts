import { describe, expect, test } from 'vitest';
import { seriousAxeViolations } from '../harness/board.ts';
import { PHONE, screenshot } from '../harness/browser.ts';
import { axeSource } from '../harness/facilitation.ts';
import { useJourney } from '../harness/journey.ts';
import { startPinnwand } from '../harness/pinnwandProcess.ts';

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

  test('the accessibility statement names the operator’s contact, on desktop and phone', async () => {
    const operated = await startPinnwand({
      env: { ACCESSIBILITY_CONTACT: 'barrierefreiheit@example.org' },
    });
    try {
      const visitor = await journey.person('visitor');
      await visitor.page.goto(journey.server().url);
      await visitor.page.getByRole('link', { name: 'Erklärung zur Barrierefreiheit' }).click();
      await expect
        .poll(() => visitor.page.getByRole('heading', { level: 1 }).textContent())
        .toBe('Erklärung zur Barrierefreiheit');
      // Without a configured contact the page says whom to ask instead.
      await expect
        .poll(() => visitor.page.getByTestId('accessibility-contact').textContent())
        .toContain('noch keine Kontaktadresse');
      await visitor.page.goto(`${operated.url}/barrierefreiheit`);
      const contact = visitor.page.getByTestId('accessibility-contact').getByRole('link');
      await expect
        .poll(() => contact.getAttribute('href'))
        .toBe('mailto:barrierefreiheit@example.org');
      const headings = await visitor.page.getByRole('heading', { level: 2 }).allTextContents();
      expect(headings).toEqual([
        'Stand der Vereinbarkeit mit den Anforderungen',
        'Nicht barrierefreie Inhalte',
        'Erstellung dieser Erklärung',
        'Feedback und Kontaktangaben',
        'Schlichtungsverfahren',
      ]);
      await screenshot(visitor.page, 'accessibility-statement');
      expect(await seriousAxeViolations(visitor.page, axeSource)).toEqual([]);
      await visitor.page.setViewportSize({ width: 390, height: 844 });
      await screenshot(visitor.page, 'accessibility-statement-phone');
      expect(await seriousAxeViolations(visitor.page, axeSource)).toEqual([]);
    } finally {
      await operated.stop();
    }
  });

  test('the workshop title’s example is read whole on a phone and on a desktop', async () => {
    for (const [name, options] of [
      ['desktop', {}],
      ['phone', PHONE],
      ['phone-en', { ...PHONE, locale: 'en-GB' }],
    ] as const) {
      const visitor = await journey.person(name, options);
      await visitor.page.goto(journey.server().url);
      const title = visitor.page.getByLabel(/^(Titel des Workshops|Workshop title)$/);
      await title.waitFor();
      await screenshot(visitor.page, `landing-title-${name}`);
      // The placeholder's drawn width against the room inside the field.
      const fit = await title.evaluate((input: HTMLInputElement) => {
        const style = getComputedStyle(input);
        const context = document.createElement('canvas').getContext('2d');
        if (!context) throw new Error('no 2d context');
        context.font = style.font;
        const room =
          input.clientWidth -
          Number.parseFloat(style.paddingLeft) -
          Number.parseFloat(style.paddingRight);
        return { text: context.measureText(input.placeholder).width, room };
      });
      expect(fit.text, name).toBeLessThanOrEqual(fit.room);
    }
  });

  test('the creator sees the workshop’s title, boards and first question behind the name prompt, as a participant does', async () => {
    for (const [name, options] of [
      ['desktop', {}],
      ['phone', PHONE],
    ] as const) {
      const creator = await journey.person(`creator-${name}`, options);
      await creator.page.goto(journey.server().url);
      await creator.page.getByLabel('Titel des Workshops').fill('Austausch Nord');
      await creator.page.getByLabel('Vorlage').selectOption('ozg-erfahrungsaustausch');
      await creator.page.getByRole('button', { name: 'Workshop anlegen' }).click();
      const prompt = creator.page.locator('.name-prompt');
      await prompt.waitFor();
      const question = 'Welche Strukturen, Format & weiteren Elemente haben sich bewährt?';
      // The page behind the prompt (the skeleton) and the prompt itself.
      await expect
        .poll(() => creator.page.locator('.workshop-skeleton .workshop-title').textContent())
        .toBe('Austausch Nord');
      await expect
        .poll(() => creator.page.locator('.workshop-skeleton .board-tab').allTextContents())
        .toEqual(['Bewährtes', 'Aufgaben', 'Neues']);
      await expect
        .poll(() =>
          creator.page.locator('.workshop-skeleton .board-heading .question').textContent(),
        )
        .toBe(question);
      expect(await prompt.locator('.name-prompt-title').textContent()).toBe('Austausch Nord');
      await expect.poll(() => prompt.locator('.question').textContent()).toContain(question);
      await screenshot(creator.page, `landing-created-prompt-${name}`);
    }
  });
});
