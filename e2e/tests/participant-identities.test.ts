// Participant identities from the facilitator's side (issue #11): every device
// that joins through the participant link holds its own identity; the
// facilitator sees them in the "Anwesende" panel — names, connected or not,
// notes and votes, the same name twice pointed out — and revokes a second key
// someone made on a phone. The phone is told its access was revoked and can
// no longer write; the person's first device carries on.
import { describe, expect, test } from 'vitest';
import { createWorkshopViaApi } from '../harness/api.ts';
import { addNoteAt, join, outlineTexts, seriousAxeViolations } from '../harness/board.ts';
import { PHONE, screenshot } from '../harness/browser.ts';
import { axeSource } from '../harness/facilitation.ts';
import { useJourney } from '../harness/journey.ts';

describe('participant identities', () => {
  const journey = useJourney();

  test('the facilitator sees who holds an identity and revokes a duplicate; the revoked device is told', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'blank', 'Zugänge');
    const f = await journey.person('Fiona');
    const p = await journey.person('Paula');
    await join(f, created.urls.facilitator, 'Fiona');
    await join(p, created.urls.participant, 'Paula');
    await addNoteAt(p.page, 0.3, 0.4, 'Paulas Idee');

    // Fiona opens "Anwesende": the list of identities, Paula's among them.
    if (!(await f.page.locator('.panel-tab-people').isVisible()))
      await f.page.locator('.panel-toggle').click();
    await f.page.locator('.panel-tab-people').click();
    const section = f.page.getByRole('region', { name: 'Teilnahme-Zugänge' });
    await section.waitFor();
    const rows = section.locator('li.identity');
    const paula = rows.filter({ hasText: 'Paula' });
    await expect.poll(() => paula.count()).toBe(1);
    await expect.poll(() => paula.textContent()).toContain('verbunden');
    await expect.poll(() => paula.textContent()).toContain('1 Notiz');
    // Her own identity is listed too, without a way to revoke it.
    const own = rows.filter({ hasText: '(Sie)' });
    await expect.poll(() => own.count()).toBe(1);
    expect(await own.getByRole('button').count()).toBe(0);

    // Paula joins a second time from a phone, under the same name.
    const phone = await journey.person('Paula-Handy', PHONE);
    await join(phone, created.urls.participant, 'Paula');
    await expect.poll(() => paula.count()).toBe(2);
    await expect
      .poll(() => section.getByText('Gleicher Name wie ein anderer Zugang').count())
      .toBe(2);
    await screenshot(f.page, 'identities-list');
    expect(await seriousAxeViolations(f.page, axeSource)).toEqual([]);

    // The phone's identity is the one issued last: revoke it, by keyboard.
    const second = paula.nth(1);
    const revoke = second.getByRole('button', { name: 'Zugang von Paula widerrufen …' });
    await revoke.focus();
    await f.page.keyboard.press('Enter');
    const dialog = f.page.getByRole('alertdialog', { name: 'Zugang von Paula widerrufen?' });
    await dialog.waitFor();
    expect(await seriousAxeViolations(f.page, axeSource)).toEqual([]);
    await screenshot(f.page, 'identities-revoke-dialog');
    await dialog.getByRole('button', { name: 'Zugang widerrufen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => section.getByRole('status').textContent())
      .toContain('Der Zugang von Paula ist widerrufen.');
    const revoked = section.locator('li.identity.revoked');
    await expect.poll(() => revoked.count()).toBe(1);
    await expect.poll(() => revoked.textContent()).toMatch(/Paula.*widerrufen \d\d:\d\d/);
    // Focus stays where the facilitator acted: on the row, not the page body.
    await expect
      .poll(() => f.page.evaluate(() => document.activeElement?.closest('li.identity') !== null))
      .toBe(true);

    // The phone is told, instead of failing silently, and has no board to write on.
    await expect
      .poll(() => phone.page.getByRole('alert').textContent(), { timeout: 15_000 })
      .toContain('Zugang dieses Geräts zum Workshop widerrufen');
    expect(await phone.page.locator('.board-canvas').count()).toBe(0);
    await screenshot(phone.page, 'identities-revoked-phone');
    // A reload does not bring the board back.
    await phone.page.reload();
    await expect
      .poll(() => phone.page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 })
      .toBe('Ihr Zugang wurde widerrufen');
    expect(await seriousAxeViolations(phone.page, axeSource)).toEqual([]);

    // Paula's laptop carries on: her next note reaches Fiona.
    await addNoteAt(p.page, 0.6, 0.4, 'Noch eine Idee');
    await f.page.locator('.panel-tab-outline').click();
    await expect
      .poll(() => outlineTexts(f.page).then((t) => t.sort()))
      .toEqual(['Noch eine Idee', 'Paulas Idee']);
  });

  test('a device that only opened the link is listed apart, without a name, and not counted among the accesses', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'blank', 'Nur geöffnet');
    const [f, fPhone, p, q] = await Promise.all([
      journey.person('Fiona'),
      journey.person('Fiona-Handy', PHONE),
      journey.person('Paula'),
      journey.person('Quentin'),
    ]);
    await join(f, created.urls.facilitator, 'Fiona');
    await join(p, created.urls.participant, 'Paula');
    // Quentin opens the link and stops at the name prompt: his device holds an identity.
    const issued = q.page.waitForResponse(
      (r) => r.url().endsWith('/identities') && r.request().method() === 'POST',
    );
    await q.page.goto(created.urls.participant);
    expect((await issued).status()).toBe(201);
    await q.page.getByLabel(/^Name$/).waitFor();

    for (const [person, device] of [
      [f, 'desktop'],
      [fPhone, 'phone'],
    ] as const) {
      if (device === 'phone') await join(fPhone, created.urls.facilitator, 'Fiona');
      const page = person.page;
      if (!(await page.locator('.panel-tab-people').isVisible()))
        await page.locator('.panel-toggle').click();
      await page.locator('.panel-tab-people').click();
      const section = page.getByRole('region', { name: 'Teilnahme-Zugänge' });
      const rows = section.locator('li.identity');
      // Fiona (on both her devices) and Paula count; Quentin's device does not.
      const people = device === 'phone' ? 3 : 2;
      await expect
        .poll(() => section.locator('p.small:not(.muted)').first().textContent())
        .toMatch(
          new RegExp(
            `^${people} Zugänge ausgegeben, dazu 1 Gerät ohne Namen \\(höchstens \\d+ Zugänge\\)$`,
          ),
        );
      await expect.poll(() => rows.count()).toBe(people + 1);
      const last = rows.last();
      expect(await last.getAttribute('class')).toContain('unnamed');
      expect(await last.textContent()).toMatch(/^Ohne Namen \(Kennung .{6}\)/);
      expect(await last.textContent()).toContain('Kein Name bekannt');
      await last.scrollIntoViewIfNeeded();
      await screenshot(page, `identities-unnamed-${device}`);
    }
  });
});
