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
// The list of notes comes from DocIndex, which recomputes it only when notes
// come, go or change board; a note's own change re-renders that note only.
import type { BoardId } from '@pinnwand/shared/model/ids';
import type Konva from 'konva';
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Group } from 'react-konva';
import type { Editor } from '../editor/Editor.ts';
import { useNoteIds } from '../model/useDoc.ts';
import { whenIdle } from '../ui/whenIdle.ts';
import { loadHyphenation, onHyphenationChange } from './hyphenation.ts';
import { NoteNode, NoteSinkContext } from './NoteNode.tsx';
import { NoteSnapshot } from './noteSnapshot.ts';
import { subscribeView } from './useViewRect.ts';

export const NotesLayer = memo(function NotesLayer({
  editor,
  boardId,
}: {
  editor: Editor;
  boardId: BoardId;
}) {
  const ids = useNoteIds(editor.index, boardId);
  const root = useRef<Konva.Group>(null);
  const source = useRef<Konva.Group>(null);
  const [snapshot, setSnapshot] = useState<NoteSnapshot | null>(null);

  useLayoutEffect(() => {
    const layer = root.current?.getLayer();
    const group = source.current;
    if (!layer || !group) return;
    // The plane sits right above this layer's canvas, under the next layer's.
    const plane = document.createElement('div');
    plane.className = 'notes-plane';
    layer.getNativeCanvasElement().after(plane);
    const made = new NoteSnapshot(
      group,
      () => ({
        viewport: editor.viewport.get(),
        size: editor.stageSize.get(),
        pixelRatio: layer.getCanvas().getPixelRatio(),
      }),
      plane,
    );
    // A pan or zoom moves the snapshot in the same frame as the layers.
    const stop = subscribeView(editor, () => made.requestDraw());
    // Long words break better once the patterns are here (fetched below).
    const stopHyphenation = onHyphenationChange(() => made.invalidateAll());
    made.requestDraw();
    setSnapshot(made);
    return () => {
      stop();
      stopHyphenation();
      made.destroy();
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
    if (boardId) snapshot?.invalidateAll();
  }, [snapshot, boardId]);

  return (
    <Group ref={root}>
      <Group ref={source} visible={false}>
        {snapshot && (
          <NoteSinkContext.Provider value={snapshot}>
            {ids.map((id) => (
              <NoteNode key={id} id={id} editor={editor} />
            ))}
          </NoteSinkContext.Provider>
        )}
      </Group>
    </Group>
  );
});
