// A new device's first sight of a board: the server's preview of it as plain
// cards (`GET …/board-cards`, asked for as the page opens: sync/boardPreview.ts),
// painted at the view the board will open at, on a canvas of its own — while
// the board's code (its chunk, React's board page, Konva's stage) is still
// loading, which on a 5,000-note board took about as long again as the
// preview's answer.
//
// The canvas lies over the page's skeleton (board/WorkshopSkeleton.tsx, the
// board page's layout without its controls) where the board's canvas will
// be. When the board's canvas is there, it moves into it (`adopt`) and follows
// its view, and it goes once the board's own first picture shows the same
// cards (FirstPicture). Only for a device opening the workshop for the first
// time: a device that has been here before may hold the document itself, and
// draws that instead of the preview.
import { NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import type { BoardCards } from '@pinnwand/shared/protocol/http';
import type { Store } from '../ui/store.ts';
import { openingView } from './boardFit.ts';
import { FRAME, fillCard } from './cardShape.ts';
import { noteFill } from './noteStyle.ts';
import type { Rect, Size, Viewport } from './viewport.ts';

interface Early {
  cards: BoardCards | null;
  canvas: HTMLCanvasElement | null;
  /** Where it was laid over the skeleton (page coordinates, CSS pixels). */
  placed: Rect | null;
  stopFollowing: () => void;
}

/** The cards of this page, from expectEarlyCards until dismissed. */
let early: Early | null = null;

/** This page opens a workshop for the first time on this device: its board's first cards may be drawn early. */
export function expectEarlyCards(): void {
  early = { cards: null, canvas: null, placed: null, stopFollowing: () => {} };
}

/**
 * The skeleton's canvas area (`area`) is laid out with the board of `cards`:
 * the cards are painted over it, at the view the board opens at (again only
 * if the area moved). Nothing unless expected.
 */
export function showEarlyCards(area: HTMLElement, cards: BoardCards): void {
  const state = early;
  if (!state || cards.boardId === null || cards.cards.length === 0) return;
  if (state.cards && state.cards !== cards) return;
  // Sized as the board's stage will be (BoardCanvas.tsx rounds its measure), at the very place.
  const r = area.getBoundingClientRect();
  const placed = {
    x: r.left,
    y: r.top,
    width: Math.max(1, Math.round(r.width)),
    height: Math.max(1, Math.round(r.height)),
  };
  const was = state.placed;
  if (state.canvas && !was) return; // adopted by the board's canvas
  if (
    was &&
    was.x === placed.x &&
    was.y === placed.y &&
    was.width === placed.width &&
    was.height === placed.height
  )
    return;
  state.cards = cards;
  state.placed = placed;
  if (!state.canvas) {
    const canvas = document.createElement('canvas');
    canvas.className = 'early-cards';
    canvas.setAttribute('aria-hidden', 'true');
    document.body.append(canvas);
    state.canvas = canvas;
  }
  // Fixed over the skeleton until the board's canvas takes it (adoptEarlyCards).
  state.canvas.style.position = 'fixed';
  state.canvas.style.left = `${placed.x}px`;
  state.canvas.style.top = `${placed.y}px`;
  const rects: Rect[] = [...cards.clusters];
  for (let i = 0; i + 2 < cards.cards.length; i += 3)
    rects.push({
      x: cards.cards[i] ?? 0,
      y: cards.cards[i + 1] ?? 0,
      width: NOTE_WIDTH,
      height: NOTE_HEIGHT,
    });
  // No banners over the board yet: a device's first visit opens without them.
  paint(state.canvas, cards, placed, openingView(rects, placed, 0));
  if (performance.getEntriesByName('pinnwand:notes-placed').length === 0)
    performance.mark('pinnwand:notes-placed', { detail: { notes: cards.cards.length / 3 } });
}

/**
 * The board's canvas (`wrapper`) is laid out, showing `boardId` at `view`:
 * the cards move into it and follow its size and view until they are
 * dismissed. Cards of another board go at once.
 */
export function adoptEarlyCards(
  wrapper: HTMLElement,
  boardId: string,
  size: Store<Size>,
  view: Store<Viewport>,
): void {
  const state = early;
  const canvas = state?.canvas;
  const cards = state?.cards;
  if (!state || !canvas || !cards || !state.placed) return;
  if (cards.boardId !== boardId) {
    dismissEarlyCards();
    return;
  }
  state.placed = null;
  canvas.style.position = 'absolute';
  canvas.style.left = '0';
  canvas.style.top = '0';
  // Right above the stage: under whatever the board lays over it (the note editor).
  const stage = wrapper.firstElementChild;
  if (stage) stage.after(canvas);
  else wrapper.append(canvas);
  const follow = () => paint(canvas, cards, size.get(), view.get());
  follow();
  const stopView = view.subscribe(follow);
  const stopSize = size.subscribe(follow);
  state.stopFollowing = () => {
    stopView();
    stopSize();
  };
}

/** The board's own picture is on screen, or the board is not coming: the cards go. */
export function dismissEarlyCards(): void {
  const state = early;
  early = null;
  if (!state) return;
  state.stopFollowing();
  state.canvas?.remove();
}

/** The frames and the notes as cards (as noteSnapshot draws a large board's first picture). */
function paint(canvas: HTMLCanvasElement, cards: BoardCards, size: Size, view: Viewport): void {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.round(size.width * ratio);
  const height = Math.round(size.height * ratio);
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
    canvas.style.width = `${size.width}px`;
    canvas.style.height = `${size.height}px`;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const k = ratio * view.scale;
  ctx.setTransform(k, 0, 0, k, ratio * view.x, ratio * view.y);
  // The frames as ClusterLayer.tsx draws them, without their titles.
  ctx.fillStyle = FRAME.fill;
  ctx.strokeStyle = FRAME.stroke;
  ctx.lineWidth = FRAME.strokeWidth;
  ctx.setLineDash(FRAME.dash);
  for (const c of cards.clusters) {
    ctx.beginPath();
    ctx.roundRect(c.x, c.y, c.width, c.height, FRAME.cornerRadius);
    ctx.fill();
    ctx.stroke();
  }
  ctx.setLineDash([]);
  const fills = cards.colors.map(noteFill);
  const at = cards.cards;
  for (let i = 0; i + 2 < at.length; i += 3)
    fillCard(ctx, at[i] ?? 0, at[i + 1] ?? 0, fills[at[i + 2] ?? 0] ?? noteFill(''), view.scale);
}
