// The Konva stage of one board: clusters, notes, the selection frame and
// others' cursors, plus the HTML note editor laid over it. The stage follows
// the viewport store; the note layer does not re-render on pan or zoom: it
// draws its snapshot moved and scaled (NotesLayer.tsx), and each note decides
// for itself whether it is on screen and how detailed it is. Nothing on the stage
// listens for events: input goes through the pipeline (usePointerInput.ts,
// canvasInput.ts), which hit-tests the document, so Konva draws no hit canvas.
import type { BoardId } from '@pinnwand/shared/model/ids';
import type Konva from 'konva';
import { useEffect, useRef } from 'react';
import { Layer, Rect, Stage } from 'react-konva';
import { zoomToFit } from '../commands/viewCommands.ts';
import type { Editor } from '../editor/Editor.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useStore } from '../ui/store.ts';
import { ClusterLayer } from './ClusterLayer.tsx';
import { CursorsLayer } from './CursorsLayer.tsx';
import { NoteEditor } from './NoteEditor.tsx';
import { NotesLayer } from './NotesLayer.tsx';
import { useDevicePixelRatio } from './useDevicePixelRatio.ts';
import { usePointerInput } from './usePointerInput.ts';

interface Props {
  editor: Editor;
  boardId: BoardId;
  boardTitle: string;
}

/** Below this canvas width a board opens readable rather than whole (phones). */
const SMALL_SCREEN = 600;

function BrushLayer({ editor, scale }: { editor: Editor; scale: number }) {
  const rect = useStore(editor.canvas.brush);
  return (
    <Layer listening={false}>
      {rect && (
        <Rect
          {...rect}
          fill="rgba(31,95,191,0.08)"
          stroke="#1f5fbf"
          strokeWidth={1 / scale}
          dash={[4 / scale, 3 / scale]}
        />
      )}
    </Layer>
  );
}

export function BoardCanvas({ editor, boardId, boardTitle }: Props) {
  const t = useT();
  const wrapper = useRef<HTMLDivElement>(null);
  const stage = useRef<Konva.Stage>(null);
  const size = useStore(editor.stageSize);
  const view = useStore(editor.viewport);
  usePointerInput(editor, wrapper);
  useDevicePixelRatio(stage);

  useEffect(() => {
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
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [editor]);

  // On entering a board: back to where one was, or show everything on it.
  // (The board appears only once the document has arrived, so this sees its notes.)
  useEffect(() => {
    const saved = editor.viewports.get(boardId);
    if (saved) {
      editor.viewport.set(saved);
      return;
    }
    const small = editor.stageSize.get().width < SMALL_SCREEN;
    zoomToFit(editor, small ? { minScale: 0.5 } : {});
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
        width={size.width}
        height={size.height}
        x={view.x}
        y={view.y}
        scaleX={view.scale}
        scaleY={view.scale}
      >
        <ClusterLayer editor={editor} boardId={boardId} />
        <NotesLayer editor={editor} boardId={boardId} />
        <BrushLayer editor={editor} scale={view.scale} />
        <CursorsLayer editor={editor} boardId={boardId} />
      </Stage>
      <NoteEditor editor={editor} />
    </div>
  );
}
