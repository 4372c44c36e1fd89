import { describe, expect, it } from 'vitest';
import { boardCardsSchema, boardPreviewSchema } from '../protocol/http.ts';
import { boardCards } from './boardCards.ts';

const note = (id: string, x: number, y: number, color: string) => ({
  id,
  x,
  y,
  color,
  author: 'Ada',
  text: 'Ein langer Text, den die Karten nicht brauchen',
  votes: 2,
});

describe('boardCards', () => {
  it("keeps the preview's tabs, frames and each note's place and colour in drawing order, nothing else", () => {
    const preview = boardPreviewSchema.parse({
      title: 'Workshop',
      boards: [{ id: 'b1', title: 'Bewährtes', question: 'Was?', order: 0, locked: false }],
      boardId: 'b1',
      clusters: [],
      notes: [
        note('n1', 10, 20, 'yellow'),
        note('n2', -30, 40.5, '#123456'),
        note('n3', 70, 80, 'yellow'),
      ],
    });
    const cards = boardCards(preview);
    expect(boardCardsSchema.parse(cards)).toEqual(cards);
    expect(cards).toEqual({
      title: 'Workshop',
      boards: preview.boards,
      boardId: 'b1',
      clusters: [],
      colors: ['yellow', '#123456'],
      cards: [10, 20, 0, -30, 40.5, 1, 70, 80, 0],
    });
    // A fraction of the preview's bytes.
    expect(JSON.stringify(cards).length).toBeLessThan(JSON.stringify(preview).length / 2);
  });

  it('refuses an answer whose cards are not whole, or not numbers', () => {
    const cards = boardCards({ title: '', boards: [], boardId: null, clusters: [], notes: [] });
    expect(boardCardsSchema.safeParse({ ...cards, cards: [1, 2, 3] }).success).toBe(true);
    expect(boardCardsSchema.safeParse({ ...cards, cards: [1, 2] }).success).toBe(false);
    for (const bad of [[1, 2, '3'], [1, null, 3], 'cards', { 0: 1, 1: 2, 2: 3 }, undefined])
      expect(boardCardsSchema.safeParse({ ...cards, cards: bad }).success).toBe(false);
  });
});
