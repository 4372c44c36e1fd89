// One sticky note on the canvas: a single Konva shape carrying what the note
// looks like (`look`, painted by notePainter.ts). It subscribes to its own note
// only (text, position, colour), to whether it is selected, and to others'
// presence on it; a change elsewhere on the board does not re-render it, nor
// does a change of zoom (the painter picks the level of detail when drawing).
// A note mounts when it first comes near the view (culling) and stays. Each
// render tells the board's snapshot (noteSnapshot.ts) where the note was and
// is drawn, so only that spot is redrawn. While this person drags a note, it
// is drawn above the snapshot instead, in the dragged group (`live`, LiveNotes.tsx).
import type { NoteId } from '@pinnwand/shared/model/ids';
import { NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import type Konva from 'konva';
import {
  createContext,
  memo,
  useCallback,
  useContext,
  useLayoutEffect,
  useMemo,
  useRef,
  useSyncExternalStore,
} from 'react';
import { Shape } from 'react-konva';
import type { Editor } from '../editor/Editor.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useNote } from '../model/useDoc.ts';
import { useStoreSelect } from '../ui/store.ts';
import { useVoteTotalsShown } from '../voting/useVoteTotals.ts';
import { type NoteLook, paintNote } from './notePainter.ts';
import { NoteSketchContext, sameLook } from './noteSketches.ts';
import { NoteLayouts } from './noteText.ts';
import type { Place } from './snapshotGeometry.ts';
import { detailAt, useOnceVisible } from './useViewRect.ts';

/** What draws the notes (the board's snapshot, or the cached group of dragged notes): told where a note was and is. */
export interface NoteSink {
  noteChanged(before: Place | null, after: Place | null): void;
}
export const NoteSinkContext = createContext<NoteSink | null>(null);

interface Props {
  id: NoteId;
  editor: Editor;
  /** Drawn directly above the snapshot: the notes this person is dragging. */
  live?: boolean;
}

export const NoteNode = memo(function NoteNode({ id, editor, live = false }: Props) {
  const t = useT();
  const note = useNote(editor.index, id);
  const totalsShown = useVoteTotalsShown(editor);
  const selected = useStoreSelect(editor.selection, (s) => s.has(id));
  const editingHere = useStoreSelect(editor.editing, (e) => e === id);
  // This person drags it: drawn in the dragged group (LiveNotes.tsx), which
  // carries the offset; here only whether a drag is under way matters, so a
  // pointer move re-renders no note.
  const dragging = useSyncExternalStore(
    editor.dragOffset.subscribe,
    () => selected && editor.dragOffset.get() !== null,
  );
  const decor = useSyncExternalStore(
    editor.presence.subscribe,
    useCallback(() => editor.presence.noteDecor(id), [editor, id]),
  );
  // Someone else's drag as it happens (until it has landed).
  const remote = decor.dragOffset;
  const offset =
    !live && remote && note && note.x === remote.fromX && note.y === remote.fromY ? remote : null;
  const x = (note?.x ?? 0) + (offset?.dx ?? 0);
  const y = (note?.y ?? 0) + (offset?.dy ?? 0);
  // Once near the view, a note stays mounted: panning back and forth then costs
  // no React work (off-screen notes are simply not drawn by the snapshot).
  const seen = useOnceVisible(
    editor,
    note ? { x, y, width: NOTE_WIDTH, height: NOTE_HEIGHT } : null,
  );
  // While dragged by this person the note is drawn live, not in the snapshot.
  const shown = note !== undefined && (live || (seen && !dragging));

  const sketches = useContext(NoteSketchContext);
  const text = note?.text ?? '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: the sketch's layouts only at mount (see below)
  const layouts = useMemo(() => sketches?.layoutsOf(id, text) ?? new NoteLayouts(text), [text]);
  const votes = totalsShown ? (note?.votes.total ?? 0) : 0;
  const remoteColor = decor.editingBy?.color ?? decor.selectedBy[0];
  const writerName = decor.editingBy?.name;
  const writerColor = decor.editingBy?.color;
  const look = useMemo<NoteLook>(
    () => ({
      color: note?.color ?? '',
      author: note?.author ?? '',
      votes,
      selected,
      remoteColor,
      editingHere,
      writer:
        writerName !== undefined && writerColor !== undefined
          ? { label: t('note.editingBy', { name: writerName }), color: writerColor }
          : null,
      layouts,
    }),
    [
      note?.color,
      note?.author,
      votes,
      selected,
      remoteColor,
      editingHere,
      writerName,
      writerColor,
      t,
      layouts,
    ],
  );

  const snapshot = useContext(NoteSinkContext);
  const drawnAt = useRef<Place | null>(null);
  const adopting = useRef(true);
  const place = shown ? { x, y } : null;
  // Every render is a change of what this note draws (it is memoised and
  // subscribes to its own data only): the snapshot redraws its old and new spot.
  // At mount the note takes over its sketch (noteSketches.ts): nothing to
  // redraw when it looks the same at the same place.
  useLayoutEffect(() => {
    let before = drawnAt.current;
    if (adopting.current) {
      adopting.current = false;
      const sketch = sketches?.adopt(id);
      if (sketch) {
        if (
          place &&
          place.x === sketch.place.x &&
          place.y === sketch.place.y &&
          sameLook(look, sketch.look)
        ) {
          drawnAt.current = place;
          return;
        }
        before = sketch.place;
      }
    }
    snapshot?.noteChanged(before, place);
    drawnAt.current = place;
  });
  useLayoutEffect(
    () => () => {
      snapshot?.noteChanged(drawnAt.current, null);
      drawnAt.current = null;
    },
    [snapshot],
  );

  // Drawn by Konva only when live (the snapshot paints the others itself).
  const sceneFunc = useCallback(
    (context: Konva.Context) => {
      const { scale } = editor.viewport.get();
      paintNote(context._context, look, detailAt(scale), scale);
    },
    [editor, look],
  );

  if (!note || !shown) return null;
  return (
    <Shape
      x={x}
      y={y}
      width={NOTE_WIDTH}
      height={NOTE_HEIGHT}
      id={id}
      name="note"
      noteText={note.text}
      drawnText={editingHere ? '' : note.text}
      look={look}
      sceneFunc={sceneFunc}
      listening={false}
      perfectDrawEnabled={false}
    />
  );
});
