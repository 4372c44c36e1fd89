/**
 * A board preview (boardPreview.ts) as plain cards: the tabs and heading, the
 * frames, and each note's place and colour in drawing order — what a device
 * draws before anything else of the board, in a few bytes a note instead of
 * the preview's hundreds (its texts and authors). Made from the preview, so
 * the two never disagree about a note's place.
 */
import type { BoardCards, BoardPreview } from '../protocol/http.ts';

export function boardCards(preview: BoardPreview): BoardCards {
  const colors: string[] = [];
  const colorIndex = new Map<string, number>();
  const cards: number[] = new Array(preview.notes.length * 3);
  preview.notes.forEach((note, i) => {
    let c = colorIndex.get(note.color);
    if (c === undefined) {
      c = colors.push(note.color) - 1;
      colorIndex.set(note.color, c);
    }
    cards[3 * i] = note.x;
    cards[3 * i + 1] = note.y;
    cards[3 * i + 2] = c;
  });
  const { title, boards, boardId, clusters } = preview;
  return { title, boards, boardId, clusters, colors, cards };
}
