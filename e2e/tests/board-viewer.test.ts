// A viewer sees the board live but cannot change anything: the UI offers no
// editing, and the server refuses a viewer's writes even from a raw client.

import type { BoardId, ParticipantId } from '@pinnwand/shared/model/ids';
import { localOrigin } from '@pinnwand/shared/model/origin';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import { listBoardIds } from '@pinnwand/shared/read/lookups';
import { describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createWorkshopViaApi } from '../harness/api.ts';
import {
  addNoteAt,
  join,
  noteBoxes,
  noteByText,
  outlineTexts,
  waitForBoard,
} from '../harness/board.ts';
import { screenshot } from '../harness/browser.ts';
import { useJourney } from '../harness/journey.ts';

function connect(url: string, workshopId: string, token: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${url.replace(/^http/, 'ws')}/ws`, workshopId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', () => resolve());
  });
  return { doc, provider, synced };
}

describe('viewing only', () => {
  const journey = useJourney();

  test('a viewer cannot change anything, in the UI or on the server', async () => {
    const created = await createWorkshopViaApi(journey.server().url, 'ozg-erfahrungsaustausch');
    const a = await journey.person('A');
    const v = await journey.person('Viewer');
    await join(a, created.urls.facilitator, 'Anna');
    await addNoteAt(a.page, 0.4, 0.4, 'Nur zum Ansehen');
    await join(v, created.urls.viewer, 'Vera');
    await expect.poll(() => outlineTexts(v.page)).toEqual(['Nur zum Ansehen']);
    await expect(v.page.getByRole('note').textContent()).resolves.toContain('nur an');
    // The link's token is remembered on the device: the bare address opens the same view.
    await v.page.goto(`${journey.server().url}/w/${created.id}`);
    await waitForBoard(v.page);
    await expect.poll(() => outlineTexts(v.page)).toEqual(['Nur zum Ansehen']);
    await expect(v.page.getByRole('note').textContent()).resolves.toContain('nur an');

    // No editing is offered.
    for (const name of [
      'Notiz hinzufügen',
      'Rückgängig',
      'Bearbeiten',
      'Löschen',
      'Tafel hinzufügen',
    ]) {
      await expect.poll(() => v.page.getByRole('button', { name, exact: false }).count()).toBe(0);
    }
    await expect.poll(() => v.page.getByLabel(/Neue Notiz/).count()).toBe(0);

    // Gestures and shortcuts that would change the board do nothing.
    const box = await v.page.locator('.board-canvas').boundingBox();
    if (!box) throw new Error('no canvas');
    await v.page.mouse.dblclick(box.x + box.width * 0.8, box.y + box.height * 0.2);
    await v.page.keyboard.press('n');
    const note = await noteByText(v.page, 'Nur zum Ansehen');
    await v.page.mouse.dblclick(note.x, note.y);
    expect(await v.page.getByLabel('Text der Notiz').count()).toBe(0);
    await v.page.mouse.move(note.x, note.y);
    await v.page.mouse.down();
    await v.page.mouse.move(note.x + 150, note.y + 90, { steps: 6 });
    await v.page.mouse.up();
    await v.page.keyboard.press('Delete');
    await screenshot(v.page, 'board-viewer');
    expect((await noteBoxes(v.page)).length).toBe(1);
    const after = await noteByText(v.page, 'Nur zum Ansehen');
    expect([Math.round(after.x), Math.round(after.y)]).toEqual([
      Math.round(note.x),
      Math.round(note.y),
    ]);

    // A raw Yjs client with the viewer token writes a note: the server drops it.
    const raw = connect(journey.server().url, created.id, created.viewerToken);
    await raw.synced;
    const [boardId] = listBoardIds(raw.doc);
    addNote(
      raw.doc,
      {
        boardId: boardId as BoardId,
        x: 0,
        y: 0,
        text: 'Eingeschmuggelt',
        author: 'Vera',
        authorId: 'vera' as ParticipantId,
      },
      localOrigin('vera' as ParticipantId),
    );
    // The facilitator writes after it; once that arrives everywhere, the viewer's would have too.
    await addNoteAt(a.page, 0.7, 0.6, 'Später geschrieben');
    await expect
      .poll(() => outlineTexts(v.page).then((t) => t.sort()))
      .toEqual(['Nur zum Ansehen', 'Später geschrieben']);
    const fresh = connect(journey.server().url, created.id, created.participantToken);
    await fresh.synced;
    const texts = [...fresh.doc.getMap('notes').values()].map((n) =>
      String((n as Y.Map<unknown>).get('text')),
    );
    expect(texts.sort()).toEqual(['Nur zum Ansehen', 'Später geschrieben']);
    expect(await outlineTexts(a.page)).not.toContain('Eingeschmuggelt');
    raw.provider.destroy();
    fresh.provider.destroy();
  });
});
