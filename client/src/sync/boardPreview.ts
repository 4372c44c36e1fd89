// The server's first picture of a workshop (`GET …/board-preview`, see
// docs/protocol.md "Opening a board"), for a device that does not hold the
// document yet: a 5,000-note board's document is 2.3 MB and takes more than a
// second to apply, its preview is drawn as soon as the canvas is there.
//
// The build's workshop-preload.js asks for it the moment a workshop link
// opens (before the main bundle has loaded: vite.config.ts), main.tsx takes
// that request over (or asks itself), and the board takes the answer
// (`takeBoardPreview`) and shows it until the server's document is applied —
// unless the device already showed a document of its own (its local copy),
// which stays what is drawn.
import type { BoardCards, BoardPreview } from '@pinnwand/shared/protocol/http';
import { boardPreviewAnswer, fetchBoardCards, fetchBoardPreview } from '../api/httpApi.ts';
import type { Editor } from '../editor/Editor.ts';
import { afterNextPaint } from '../ui/afterNextPaint.ts';
import { createStore } from '../ui/store.ts';
import type { Connection } from './connection.ts';

const asked = new Map<string, Promise<BoardPreview | null>>();

/**
 * The first board as plain cards, once answered (asked for with the preview
 * as the page opens): the page's skeleton shows its title, boards and
 * heading, and a device here for the first time its cards, while the board's
 * code loads (board/WorkshopSkeleton.tsx, canvas/earlyCards.ts).
 */
export const openingCards = createStore<BoardCards | null>(null);

const keyOf = (workshopId: string, token: string) => `${workshopId}#${token}`;

function ask(workshopId: string, token: string): Promise<BoardPreview | null> {
  return fetchBoardPreview(workshopId, token).then((r) => (r.ok ? r.value : null));
}

/** The request workshop-preload.js made as the page opened, if any. */
interface EarlyRequest {
  workshopId: string;
  token: string;
  response: Promise<Response>;
  /** The cards' body, read as it arrived (null: no cards, 204 or a failure). */
  cards?: Promise<unknown>;
}

function takeEarlyRequest(): EarlyRequest | null {
  const w = window as { __pinnwandBoardPreview?: EarlyRequest };
  const early = w.__pinnwandBoardPreview ?? null;
  delete w.__pinnwandBoardPreview;
  return early;
}

/** Asks for the preview now (a workshop link just opened), or takes over the request already made. */
export function startBoardPreview(workshopId: string, token: string): void {
  const key = keyOf(workshopId, token);
  const early = takeEarlyRequest();
  if (asked.has(key)) return;
  // Cards of a workshop opened before in this tab are not this one's.
  if (!early) openingCards.set(null);
  const taken = early && keyOf(early.workshopId, early.token) === key ? early : null;
  const cardsShown = fetchBoardCards(workshopId, token, taken?.cards ?? null).then(
    (r) => openingCards.set(r.ok ? r.value : null),
    () => undefined,
  );
  asked.set(
    key,
    taken
      ? // The preview's megabyte is read and checked once the cards are on
        // screen: read as it arrived, it held a new device's first cards back
        // by 0.1–0.3 s on a 5,000-note board. The board's chunk still loads
        // meanwhile; it is the later of the two.
        cardsShown
          .then(() => afterNextPaint())
          .then(() => boardPreviewAnswer(taken.response))
          .then((r) => (r.ok ? r.value : null))
      : ask(workshopId, token),
  );
}

/**
 * A workshop just created from the landing page: its cards came with the
 * create answer (a new room answers `GET …/board-cards` with 204 until it is
 * opened), so the page behind the creator's name prompt shows its title,
 * boards and question as a participant's does.
 */
export function startWithCards(workshopId: string, token: string, cards: BoardCards): void {
  const key = keyOf(workshopId, token);
  openingCards.set(cards);
  asked.set(key, ask(workshopId, token));
}

/** The preview asked for at page load (once), else a fresh request. */
export function takeBoardPreview(workshopId: string, token: string): Promise<BoardPreview | null> {
  const key = keyOf(workshopId, token);
  const started = asked.get(key);
  asked.delete(key);
  return started ?? ask(workshopId, token);
}

/**
 * Longest the server's document waits for the preview's picture: it should
 * never be kept from the board for long (a preview that is slow to come, a
 * canvas that is not shown).
 */
const HOLD_MAX_MS = 3000;

/**
 * Shows `preview` on the editor's board until the server's document is
 * applied (`synced`). Not when it comes after the document (or a local copy
 * of it) is already drawn: the picture would step back and forth. From this
 * call until the preview's first picture is drawn, or it turns out there is
 * none to draw, a large document from the server waits (applying 2.3 MB would
 * stop the drawing for more than a second); the hold is named at once, in
 * the turn the board takes its connection, so that a document already
 * received stays waiting (earlyConnection.ts).
 */
export function showBoardPreview(
  editor: Editor,
  preview: Promise<BoardPreview | null>,
  connection: Pick<Connection, 'synced' | 'holdLargeSync'>,
): () => void {
  const { synced } = connection;
  let stopped = false;
  let stopWatchingDrawn = () => {};
  let releaseDocument = () => {};
  connection.holdLargeSync(
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => releaseDocument(), HOLD_MAX_MS);
      releaseDocument = () => {
        clearTimeout(timer);
        stopWatchingDrawn();
        resolve();
      };
    }),
  );
  const stop = () => {
    stopped = true;
    unsubscribe();
    releaseDocument();
    editor.preview.set(null);
  };
  const unsubscribe = synced.subscribe(() => {
    if (synced.get()) stop();
  });
  const show = (p: BoardPreview | null) => {
    const unused =
      stopped || !p || p.boardId === null || synced.get() || editor.index.boards().length > 0;
    if (unused) {
      releaseDocument();
      return;
    }
    stopWatchingDrawn = editor.previewDrawn.subscribe(() => {
      if (editor.previewDrawn.get()) releaseDocument();
    });
    editor.preview.set(p);
  };
  void preview.then(show, () => releaseDocument());
  return stop;
}
