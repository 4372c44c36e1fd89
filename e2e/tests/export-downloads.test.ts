// A facilitator downloads the workshop's documentation from the UI in every
// format; each file is byte for byte what the HTTP export serves, because
// both are made by the same serialisers in @pinnwand/shared. Then an import:
// preview first, a broken file refused, one transaction on commit.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { createWorkshopViaApi } from '../harness/api.ts';
import {
  addNoteAt,
  join,
  noteBoxes,
  outlineTexts,
  seriousAxeViolations,
  waitForBoard,
} from '../harness/board.ts';
import { screenshot } from '../harness/browser.ts';
import { axeSource } from '../harness/facilitation.ts';
import { useJourney } from '../harness/journey.ts';
import { artifactsDir } from '../harness/paths.ts';

async function openExportPanel(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Export & Import' }).click();
  await page.locator('.export-panel').waitFor();
}

async function download(page: Page, format: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.locator(`[data-export="${format}"]`).click(),
  ]);
  // Streamed, not read from file.path(): the run's Chromium is connected to
  // over Playwright's websocket, and a remote browser's downloads have no local path.
  return { name: file.suggestedFilename(), bytes: await buffer(await file.createReadStream()) };
}

describe('documentation export from the UI', () => {
  const journey = useJourney();

  test('a facilitator downloads each format and gets exactly what the API serves', async () => {
    const base = journey.server().url;
    const created = await createWorkshopViaApi(base, 'ozg-example', 'OZG-Erfahrungsaustausch 2023');
    const f = await journey.person('Facilitator');
    await join(f, created.urls.facilitator, 'Petra');
    await openExportPanel(f.page);
    await screenshot(f.page, 'export-panel');
    expect(await seriousAxeViolations(f.page, axeSource)).toEqual([]);

    for (const format of ['md', 'csv', 'json', 'pdf']) {
      const ui = await download(f.page, format);
      // The backup is complete (names included) for the facilitator, as in the UI.
      const token = format === 'json' ? created.facilitatorToken : created.viewerToken;
      const res = await fetch(
        `${base}/api/workshops/${created.id}/export.${format}?token=${token}`,
      );
      expect(res.status).toBe(200);
      const api = Buffer.from(await res.arrayBuffer());
      expect(ui.name, format).toMatch(
        // The example's original title, named by its event year.
        new RegExp(
          `^OZG-Erfahrungsaustausch-2023-Die-Zukunft-der-föderalen-OZG-Umsetzung-2023\\.${format}$`,
        ),
      );
      expect(res.headers.get('content-disposition'), format).toContain(
        `filename*=UTF-8''${encodeURIComponent(ui.name)}`,
      );
      expect(ui.bytes.length, format).toBe(api.length);
      expect(ui.bytes.equals(api), `${format} bytes`).toBe(true);
    }

    // Sharing a backup without names is the explicit variant, the same as ?authors=0.
    const anonymous = await download(f.page, 'json-anonymous');
    const anonymousApi = await fetch(
      `${base}/api/workshops/${created.id}/export.json?token=${created.facilitatorToken}&authors=0`,
    );
    expect(anonymous.bytes.equals(Buffer.from(await anonymousApi.arrayBuffer()))).toBe(true);
    expect(anonymous.bytes.toString('utf8')).not.toContain('Teilnehmende 2023');
    // Its file is named so that it is never mistaken for the full backup.
    expect(anonymous.name).toBe(
      'OZG-Erfahrungsaustausch-2023-Die-Zukunft-der-föderalen-OZG-Umsetzung-2023-ohne-Namen.json',
    );
    expect(anonymousApi.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent(anonymous.name)}`,
    );

    // The PDF was built off the main thread, with the font files the server uses.
    expect(f.requests.some((url) => /pdfWorker-[\w-]+\.js$/.test(url))).toBe(true);
    expect(f.requests.some((url) => /DejaVuSans-[\w-]+\.ttf$/.test(url))).toBe(true);

    // Authors are an explicit choice, in the UI as in the API.
    await f.page.getByTestId('export-authors').check();
    const withAuthors = await download(f.page, 'md');
    const api = await fetch(
      `${base}/api/workshops/${created.id}/export.md?token=${created.facilitatorToken}&authors=1`,
    );
    expect(withAuthors.bytes.equals(Buffer.from(await api.arrayBuffer()))).toBe(true);

    // The PNG of the current board, at print resolution.
    const png = await download(f.page, 'png');
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    const width = png.bytes.readUInt32BE(16);
    const height = png.bytes.readUInt32BE(20);
    expect(Math.max(width, height)).toBeGreaterThanOrEqual(3000);
    expect(png.name).toMatch(/\.png$/);
    // Kept beside the screenshots, for a person to look at.
    mkdirSync(path.join(artifactsDir, 'screenshots'), { recursive: true });
    writeFileSync(path.join(artifactsDir, 'screenshots', 'export-board.png'), png.bytes);
  });

  test('someone reading the UI in English downloads documents with English headings', async () => {
    const base = journey.server().url;
    const created = await createWorkshopViaApi(base, 'ozg-example', 'OZG-Erfahrungsaustausch 2023');
    const f = await journey.person('Facilitator', { locale: 'en-GB' });
    await join(f, created.urls.facilitator, 'Petra');
    await openExportPanel(f.page);
    for (const format of ['md', 'csv']) {
      const ui = await download(f.page, format);
      const res = await fetch(
        `${base}/api/workshops/${created.id}/export.${format}?token=${created.viewerToken}&lang=en`,
      );
      expect(ui.bytes.equals(Buffer.from(await res.arrayBuffer())), `${format} bytes`).toBe(true);
    }
    const md = (await download(f.page, 'md')).bytes.toString('utf8');
    expect(md).toContain('Date: 2023\\\n');
    expect(md).toContain('Licence: CC BY 4.0\\\n');
    expect(md).not.toContain('Datum:');
    // The notes themselves stay as written.
    expect(md).toContain('ÖZG-Koordination in den Ländern');
  });

  test('a facilitator previews an import, a broken file is refused, and commit adds the notes', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'blank', 'Import');
    const f = await journey.person('Facilitator');
    await join(f, created.urls.facilitator, 'Petra');
    // A note in the middle of the view, where the import would like to go.
    await addNoteAt(f.page, 0.5, 0.5, 'Schon da');
    await openExportPanel(f.page);
    await f.page.getByTestId('import-open').click();
    const dialog = f.page.getByRole('dialog');
    await dialog.getByTestId('import-format').selectOption('csv');
    await dialog.getByTestId('import-text').fill('text;votes\nEins;1\nZwei;viele\n');
    await expect
      .poll(() => dialog.getByTestId('import-preview').textContent())
      .toContain('Line 3, column votes');
    await expect(dialog.getByTestId('import-commit').isDisabled()).resolves.toBe(true);

    await dialog.getByTestId('import-format').selectOption('text');
    await dialog.getByTestId('import-text').fill('Erste Idee\nZweite Idee\nDritte Idee\n');
    await expect
      .poll(() => dialog.getByTestId('import-preview').textContent())
      .toContain('3 Notizen');
    await screenshot(f.page, 'import-dialog');
    expect(await seriousAxeViolations(f.page, axeSource)).toEqual([]);
    await dialog.getByTestId('import-commit').click();
    // Imported: the dialog closes and says how many notes arrived.
    await expect.poll(() => dialog.count()).toBe(0);
    await expect
      .poll(() => f.page.locator('.fac-toast').textContent())
      .toContain('3 Notizen importiert');
    await f.page.getByRole('button', { name: 'Gliederung' }).click();
    await expect
      .poll(() => outlineTexts(f.page).then((t) => t.sort()))
      .toEqual(['Dritte Idee', 'Erste Idee', 'Schon da', 'Zweite Idee']);
    // On free space: no imported note covers the one that was there, or another.
    await expect.poll(() => noteBoxes(f.page).then((list) => list.length)).toBe(4);
    const boxes = await noteBoxes(f.page);
    const overlaps = boxes.flatMap((n, i) =>
      boxes
        .slice(i + 1)
        .filter(
          (m) =>
            Math.abs(n.x - m.x) < (n.width + m.width) / 2 &&
            Math.abs(n.y - m.y) < (n.height + m.height) / 2,
        )
        .map((m) => `${n.text} / ${m.text}`),
    );
    expect(overlaps).toEqual([]);
  });

  test('a viewer may download the documentation but is offered no import', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'ozg-example', 'Ansicht');
    const v = await journey.person('Viewer');
    await join(v, created.urls.viewer, 'Vera');
    await openExportPanel(v.page);
    expect(await v.page.getByTestId('import-open').count()).toBe(0);
    expect(await v.page.getByTestId('export-authors').count()).toBe(0);
    const md = await download(v.page, 'md');
    expect(md.bytes.toString('utf8')).toContain('## Bewährtes');
    // Only the facilitator's backup is complete with names; a viewer's backup is
    // offered as what it is, not as "vollständig mit Namen".
    expect(await v.page.locator('[data-export="json"]').count()).toBe(0);
    expect(await v.page.locator('.export-panel').textContent()).not.toContain('mit Namen');
    const offered = v.page.locator('[data-export="json-anonymous"]');
    expect(await offered.textContent()).toContain('JSON ohne Namen');
    const backup = await download(v.page, 'json-anonymous');
    expect(backup.name).toMatch(/-ohne-Namen\.json$/);
    expect(backup.bytes.toString('utf8')).not.toContain('Teilnehmende 2023');
    await screenshot(v.page, 'export-panel-viewer');
  });

  test('a facilitator restores a downloaded backup as a new workshop', async () => {
    const base = journey.server().url;
    const created = await createWorkshopViaApi(base, 'ozg-example', 'Sicherung');
    const res = await fetch(
      `${base}/api/workshops/${created.id}/export.json?token=${created.facilitatorToken}`,
    );
    const backup = Buffer.from(await res.arrayBuffer());
    const other = await createWorkshopViaApi(base, 'blank', 'Woanders');
    const f = await journey.person('Facilitator');
    await join(f, other.urls.facilitator, 'Petra');
    await openExportPanel(f.page);
    await f.page.getByTestId('import-open').click();
    const dialog = f.page.getByRole('dialog');
    await dialog
      .getByTestId('import-file')
      .setInputFiles({ name: 'sicherung.json', mimeType: 'application/json', buffer: backup });
    await expect.poll(() => dialog.getByTestId('import-format').inputValue()).toBe('json');
    await expect
      .poll(() => dialog.getByTestId('import-preview').textContent())
      .toContain('94 Notizen');
    // With a backup, restoring it as its own workshop is the primary action.
    expect(await dialog.getByTestId('import-restore').getAttribute('class')).toContain('primary');
    expect(await dialog.getByTestId('import-commit').getAttribute('class')).not.toContain(
      'primary',
    );
    await dialog.getByTestId('import-restore').click();
    // The copy is announced under its own title; this workshop stays open until asked.
    await expect
      .poll(() => dialog.getByRole('status').first().textContent())
      .toContain('(wiederhergestellt)');
    expect(f.page.url()).toContain(other.id);
    const open = dialog.getByTestId('import-restored-open');
    expect(await open.getAttribute('target')).toBe('_blank');
    expect(await open.getAttribute('href')).toMatch(/\/w\/[\w-]+#token=/);
    await screenshot(f.page, 'import-restored');
    await dialog.getByTestId('import-restored-switch').click();
    await f.page.waitForURL(
      (url) => !url.pathname.includes(other.id) && url.pathname.startsWith('/w/'),
    );
    const name = f.page.getByLabel(/^Name$/);
    if (await name.isVisible().catch(() => false)) {
      await name.fill('Petra');
      await f.page.getByRole('button', { name: /Weiter|Continue/ }).click();
    }
    await waitForBoard(f.page);
    await expect
      .poll(() => f.page.getByRole('tab').allTextContents())
      .toEqual(['Bewährtes', 'Aufgaben', 'Neues']);
  });
});
