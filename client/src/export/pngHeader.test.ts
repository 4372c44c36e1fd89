import { describe, expect, it } from 'vitest';
import { pngHeader } from './pngHeader.ts';

const board = {
  title: 'Bewährtes',
  question: 'Welche Strukturen, Format & weiteren Elemente haben sich bewährt?',
};

describe("the PNG's header", () => {
  it("names the board and its guiding question, labelled in the export's language", () => {
    const de = pngHeader(board, 'de', 560);
    expect(de.title).toBe('Bewährtes');
    expect(de.question.replace(/\n/g, ' ')).toBe(`Leitfrage: ${board.question}`);
    const en = pngHeader(board, 'en', 560);
    expect(en.question.replace(/\n/g, ' ')).toBe(`Guiding question: ${board.question}`);
    expect(en.questionTop).toBeGreaterThan(0);
    expect(en.height).toBeGreaterThan(en.questionTop);
  });

  it('wraps a question wider than the picture and leaves out an absent one', () => {
    const narrow = pngHeader(board, 'de', 200);
    expect(narrow.question.split('\n').length).toBeGreaterThan(1);
    expect(narrow.height).toBeGreaterThan(pngHeader(board, 'de', 560).height);
    const none = pngHeader({ title: '', question: ' ' }, 'de', 560);
    expect(none).toMatchObject({ title: '—', question: '' });
  });
});
