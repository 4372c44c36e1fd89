// The Konva stage of one board: clusters, notes, the selection frame and
// others' cursors, plus the HTML note editor laid over it. The stage follows
// the viewport store; the notes do not re-render on pan or zoom: their
// snapshot is moved and scaled by the compositor (NotesLayer.tsx), and each note decides
// for itself whether it is on screen and how detailed it is. Nothing on the stage
// listens for events: input goes through the pipeline (usePointerInput.ts,
// canvasInput.ts), which hit-tests the document, so Konva draws no hit canvas.
import type { BoardId } from '@pinnwand/shared/model/ids';
import { NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import type Konva from 'konva';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Layer, Rect, Stage } from 'react-konva';
import { zoomToFit } from '../commands/viewCommands.ts';
import type { Editor } from '../editor/Editor.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useStore } from '../ui/store.ts';
import { previewOf } from './boardPreviewContent.ts';
import { ClusterLayer } from './ClusterLayer.tsx';
import { CursorsLayer } from './CursorsLayer.tsx';
import { adoptEarlyCards } from './earlyCards.ts';
import { LandingGhosts } from './LandingGhosts.tsx';
import { LiveNotes } from './LiveNotes.tsx';
import { NoteEditor } from './NoteEditor.tsx';
import { NotesLayer } from './NotesLayer.tsx';
import { useDevicePixelRatio } from './useDevicePixelRatio.ts';
import { usePointerInput } from './usePointerInput.ts';
import { intersects, type Viewport, visibleRect } from './viewport.ts';

interface Props {
  editor: Editor;
  boardId: BoardId;
  boardTitle: string;
}

/** How long after opening a board its notes count as "still arriving" from the server. */
const ARRIVAL_MS = 4000;

/** Whether the view shows at least part of one of `notes`. */
function showsAnyNote(
  view: Viewport,
  size: { width: number; height: number },
  notes: readonly { x: number; y: number }[],
): boolean {
  const shown = visibleRect(view, size);
  return notes.some((n) =>
    intersects(shown, { x: n.x, y: n.y, width: NOTE_WIDTH, height: NOTE_HEIGHT }),
  );
}

function BrushLayer({ editor, scale }: { editor: Editor; scale: number }) {
  const rect = useStore(editor.canvas.brush);
  return rect ? (
    <Rect
      {...rect}
      fill="rgba(31,95,191,0.08)"
      stroke="#1f5fbf"
      strokeWidth={1 / scale}
      dash={[4 / scale, 3 / scale]}
    />
  ) : null;
}

export function BoardCanvas({ editor, boardId, boardTitle }: Props) {
  const t = useT();
  const wrapper = useRef<HTMLDivElement>(null);
  const stage = useRef<Konva.Stage>(null);
  const size = useStore(editor.stageSize);
  const view = useStore(editor.viewport);
  usePointerInput(editor, wrapper);
  useDevicePixelRatio(stage);

  // The layers are made once the wrapper is measured (before the first paint):
  // made at a guessed size, each of their canvases was allocated twice, which
  // cost 100–200 ms on the way to a new device's first picture. The stage
  // itself is made at once (the first stage on the page, Konva.stages[0]),
  // 1×1 until then: its own buffer canvases are sized for the measure only.
  const [measured, setMeasured] = useState(false);
  useLayoutEffect(() => {
    const el = wrapper.current;
    if (!el) return;
    const measure = () => {
      const r = el.getBoundingClientRect();
      editor.stageSize.set({
        width: Math.max(1, Math.round(r.width)),
        height: Math.max(1, Math.round(r.height)),
      });
    };
    measure();
    setMeasured(true);
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [editor]);

  // On entering a board: back to where one was, or show everything on it.
  // (The board appears only once the document has arrived, so this sees its notes.)
  // A board opens showing its notes: a remembered view that shows none of them is
  // not kept, and a board whose notes arrive after it opened (from the server,
  // after the local copy) is fitted again — unless the person moved meanwhile.
  useEffect(() => {
    const fitBoard = () => zoomToFit(editor, { opening: true });
    // The server's preview's notes while it stands in for the document.
    const notes = previewOf(editor, boardId)?.notes ?? editor.index.notes(boardId);
    const saved = editor.viewports.get(boardId);
    if (saved && (notes.length === 0 || showsAnyNote(saved, editor.stageSize.get(), notes))) {
      editor.viewport.set(saved);
      return;
    }
    fitBoard();
    // The board's first cards, drawn before this canvas existed, stay until
    // its own picture shows them (FirstPicture), here and at its view.
    if (wrapper.current)
      adoptEarlyCards(wrapper.current, boardId, editor.stageSize, editor.viewport);
    if (notes.length > 0) return;
    // Only the board's notes arriving from the server right after opening (not a first
    // note written here, not one added by someone much later) fit the view again.
    const fitted = editor.viewport.get();
    const opened = Date.now();
    let done = false;
    const check = () => {
      const arrived = editor.index.notes(boardId);
      if (done || arrived.length === 0) return;
      done = true;
      stop();
      if (
        Date.now() - opened < ARRIVAL_MS &&
        // Written before the board opened (by their author's clock): what the
        // server had, not a note someone adds live while this person looks.
        arrived.every((n) => editor.landings.justLanded(n.id) && n.createdAt < opened) &&
        editor.viewport.get() === fitted &&
        editor.boardId.get() === boardId
      )
        fitBoard();
    };
    // Decided after the transaction's other observers ran: the index hears of
    // new notes before `landings` does (a server that sends the board and its
    // notes in separate messages opened large boards at 100 % otherwise).
    const stop = editor.index.subscribeNoteIds(() => queueMicrotask(check));
    return () => {
      done = true;
      stop();
    };
  }, [editor, boardId]);

  return (
    <div
      ref={wrapper}
      className="board-canvas"
      data-board-surface
      role="application"
      aria-label={t('canvas.label', { title: boardTitle })}
      aria-roledescription={t('canvas.role')}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the canvas takes keyboard shortcuts
      tabIndex={0}
    >
      <Stage
        ref={stage}
        listening={false}
        width={measured ? size.width : 1}
        height={measured ? size.height : 1}
        x={view.x}
        y={view.y}
        scaleX={view.scale}
        scaleY={view.scale}
      >
        {measured && (
          <>
            {/* Below the notes: cluster frames. The notes' snapshot is a canvas
            of its own between the two layers, moved by the compositor; a pan
            or zoom redraws only the few shapes of these layers. */}
            <Layer listening={false}>
              <ClusterLayer editor={editor} boardId={boardId} />
              <NotesLayer editor={editor} boardId={boardId} />
            </Layer>
            {/* Above the notes: where dragged notes will land, the ones this person
            drags, the selection frame, cursors. */}
            <Layer listening={false}>
              <LandingGhosts editor={editor} scale={view.scale} />
              <LiveNotes editor={editor} boardId={boardId} />
              <BrushLayer editor={editor} scale={view.scale} />
              <CursorsLayer editor={editor} boardId={boardId} />
            </Layer>
          </>
        )}
      </Stage>
      <NoteEditor editor={editor} />
    </div>
  );
}
