// The notes of one board on the canvas, in two parts (the third, the notes
// this person drags, is LiveNotes.tsx in the layer above):
//
//   snapshot  one bitmap of the board's notes (noteSnapshot.ts), a canvas
//             element of its own laid over this (the lower) layer, moved and
//             scaled with the view by its CSS transform: what is seen of them;
//   source    the note nodes themselves (one memoised NoteNode, one shape each),
//             a group the layer does not draw; the snapshot paints them — all at
//             once when the zoom changes, one changed note's spot otherwise.
//
// A board opens without note components: its first picture is drawn from
// sketches read from the document (noteSketches.ts), and the components are
// mounted afterwards, a chunk per task, each taking over its note's sketch.
// On a device that has no document yet, the sketches come from the server's
// preview of the board until the document is here; no component mounts
// before (they read the document).
//
// The list of notes comes from DocIndex, which recomputes it only when notes
// come, go or change board; a note's own change re-renders that note only.
import type { BoardId } from '@pinnwand/shared/model/ids';
import type Konva from 'konva';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Group } from 'react-konva';
import type { Editor } from '../editor/Editor.ts';
import { useNoteIds } from '../model/useDoc.ts';
import { whenIdle } from '../ui/whenIdle.ts';
import { previewNoteIds, usePreviewOf } from './boardPreviewContent.ts';
import { loadHyphenation, onHyphenationChange } from './hyphenation.ts';
import { NoteNode, NoteSinkContext } from './NoteNode.tsx';
import { NoteSketchContext, NoteSketches } from './noteSketches.ts';
import { NoteSnapshot } from './noteSnapshot.ts';
import { subscribeView } from './useViewRect.ts';

/** Note components mounted per task once the board's first picture is shown. */
const MOUNT_CHUNK = 300;

export const NotesLayer = memo(function NotesLayer({
  editor,
  boardId,
}: {
  editor: Editor;
  boardId: BoardId;
}) {
  const preview = usePreviewOf(editor, boardId);
  const documentIds = useNoteIds(editor.index, boardId);
  const previewIds = useMemo(() => (preview ? previewNoteIds(preview) : null), [preview]);
  const ids = previewIds ?? documentIds;
  const root = useRef<Konva.Group>(null);
  const source = useRef<Konva.Group>(null);
  const [drawing, setDrawing] = useState<{
    snapshot: NoteSnapshot;
    sketches: NoteSketches;
  } | null>(null);
  // How many of the board's notes (in board order) have their component:
  // none when a board opens (the snapshot draws their sketches), a chunk more
  // per task after its first picture, then all for good.
  const [mounted, setMounted] = useState({ boardId, count: 0 });
  const count = mounted.boardId === boardId ? mounted.count : 0;

  useLayoutEffect(() => {
    const layer = root.current?.getLayer();
    const group = source.current;
    if (!layer || !group) return;
    // The plane sits right above this layer's canvas, under the next layer's.
    const plane = document.createElement('div');
    plane.className = 'notes-plane';
    layer.getNativeCanvasElement().after(plane);
    let sketches: NoteSketches | null = null;
    const snapshot = new NoteSnapshot(
      () => sketches?.items() ?? group.getChildren(),
      () => ({
        viewport: editor.viewport.get(),
        size: editor.stageSize.get(),
        pixelRatio: layer.getCanvas().getPixelRatio(),
      }),
      plane,
    );
    sketches = new NoteSketches(editor, group, snapshot);
    // A pan or zoom moves the snapshot in the same frame as the layers.
    const stop = subscribeView(editor, () => snapshot.requestDraw());
    // Long words break better once the patterns are here (fetched below).
    const stopHyphenation = onHyphenationChange(() => snapshot.redrawAll());
    snapshot.requestDraw();
    setDrawing({ snapshot, sketches });
    return () => {
      stop();
      stopHyphenation();
      sketches.destroy();
      snapshot.destroy();
      plane.remove();
    };
  }, [editor]);

  // The hyphenation patterns are fetched once the first notes are drawn, so
  // that they never delay the first picture.
  const hasNotes = ids.length > 0;
  useEffect(() => {
    if (!hasNotes) return;
    const idle = whenIdle(() => void loadHyphenation());
    return () => idle.cancel();
  }, [hasNotes]);

  // A new board: everything is drawn afresh.
  useLayoutEffect(() => {
    if (boardId) drawing?.snapshot.invalidateAll();
  }, [drawing, boardId]);

  // The notes without a component yet are drawn as sketches (before the
  // snapshot's next frame; mounted components have taken theirs over).
  useLayoutEffect(() => {
    drawing?.sketches.setPending(boardId, ids, preview ? 0 : count, preview);
  }, [drawing, boardId, ids, count, preview]);

  // The preview's picture is on screen: the document, held back meanwhile, may be applied.
  useEffect(() => {
    if (!drawing || !preview) return;
    return drawing.snapshot.whenPictured(() => editor.previewDrawn.set(true));
  }, [drawing, preview, editor]);

  // Once the board is on screen, the rest of its components, a chunk per task
  // (input and frames in between).
  useEffect(() => {
    if (!drawing || preview || count === Number.POSITIVE_INFINITY) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = drawing.snapshot.whenPictured(() => {
      timer = setTimeout(() => {
        const next = count + MOUNT_CHUNK;
        setMounted({ boardId, count: next >= ids.length ? Number.POSITIVE_INFINITY : next });
      }, 0);
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [drawing, boardId, count, ids.length, preview]);

  const shownIds = preview ? [] : count >= ids.length ? ids : ids.slice(0, count);
  return (
    <Group ref={root}>
      <Group ref={source} visible={false}>
        {drawing && (
          <NoteSinkContext.Provider value={drawing.snapshot}>
            <NoteSketchContext.Provider value={drawing.sketches}>
              {shownIds.map((id) => (
                <NoteNode key={id} id={id} editor={editor} />
              ))}
            </NoteSketchContext.Provider>
          </NoteSinkContext.Provider>
        )}
      </Group>
    </Group>
  );
});
