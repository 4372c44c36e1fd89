import { SERVER_ORIGIN } from '@pinnwand/shared/model/origin';
import { createWorkshop } from '@pinnwand/shared/ops/workshopOps';
import { listBoards } from '@pinnwand/shared/read/lookups';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardMessages, translateIn } from '../i18n/messages.ts';
import { defaultBoardTitle } from './defaultBoardTitle.ts';

describe('the title of a board added without one', () => {
  for (const lang of ['de', 'en'] as const) {
    it(`follows on from a blank workshop's only board, named the same way (${lang})`, () => {
      const doc = new Y.Doc();
      createWorkshop(doc, { title: 'W', template: 'blank', lang, createdAt: 1 }, SERVER_ORIGIN);
      const titles = listBoards(doc).map((b) => b.title);
      const named = (n: number) =>
        translateIn(boardMessages, lang, 'boards.newTitle', { number: n });
      // The blank workshop's board is not called like the app.
      expect(titles).toEqual([named(1)]);
      expect(defaultBoardTitle(titles, named)).toBe(named(2));
    });
  }

  it('skips a number another board already goes by', () => {
    const named = (n: number) => `Tafel ${n}`;
    expect(defaultBoardTitle(['Tafel 1', 'Ideen', 'Tafel 3'], named)).toBe('Tafel 4');
    expect(defaultBoardTitle(['Ideen'], named)).toBe('Tafel 2');
    expect(defaultBoardTitle([], named)).toBe('Tafel 1');
  });
});
