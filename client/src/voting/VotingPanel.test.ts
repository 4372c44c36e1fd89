// @vitest-environment jsdom
// The ranking tells notes with the same text apart by the cluster they lie in.
import { createCluster } from '@pinnwand/shared/ops/clusterOps';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import { ALICE, BOB, testWorkshop } from '@pinnwand/shared/testing/testWorkshop';
import { vote } from '@pinnwand/shared/testing/votes';
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, onTestFinished } from 'vitest';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { testEditor } from '../testing/testEditor.ts';
import { Ranking } from './VotingPanel.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('the ranking', () => {
  it('names the cluster of each note, so two notes with the same text are told apart', () => {
    localStorage.setItem('pinnwand.lang', 'de');
    const ws = testWorkshop('blank');
    const note = (x: number, text: string) =>
      addNote(
        ws.doc,
        { boardId: ws.board, x, y: 100, text, author: 'Alice', authorId: ALICE.id },
        ALICE.origin,
      );
    const inTime = note(100, 'Mehr Pausen');
    const inRooms = note(600, 'Mehr Pausen');
    const loose = note(1200, 'Kaffee');
    createCluster(
      ws.doc,
      { boardId: ws.board, title: 'Zeit', x: 0, y: 0, noteIds: [inTime] },
      ALICE.origin,
    );
    createCluster(
      ws.doc,
      { boardId: ws.board, title: 'Räume', x: 500, y: 0, noteIds: [inRooms] },
      ALICE.origin,
    );
    vote(ws.doc, inTime, ALICE.id, ALICE.origin);
    vote(ws.doc, inTime, BOB.id, BOB.origin);
    vote(ws.doc, inRooms, BOB.id, BOB.origin);
    vote(ws.doc, loose, ALICE.id, ALICE.origin);

    const editor = testEditor(ws.doc, { role: 'facilitator', board: ws.board });
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    act(() =>
      root.render(
        createElement(
          I18nProvider,
          null,
          createElement(Ranking, { editor, boardId: ws.board, anonymous: true }),
        ),
      ),
    );
    onTestFinished(() => {
      act(() => root.unmount());
      host.remove();
    });
    const items = [...host.querySelectorAll('.ranking-list li .vote-text')].map(
      (li) => li.textContent,
    );
    expect(items).toEqual(['Mehr Pausenin „Zeit“', 'Kaffee', 'Mehr Pausenin „Räume“']);
  });
});
