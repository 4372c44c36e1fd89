// The notes of one board on the canvas (a group in the board's one layer), in
// three parts:
//
//   snapshot  one bitmap of the board's notes, moved and scaled with the view
//             (noteSnapshot.ts): what the layer actually draws for them;
//   source    the note nodes themselves (one memoised NoteNode, one shape each),
//             a group the layer does not draw; the snapshot paints them — all at
//             once when the zoom changes, one changed note's spot otherwise;
//   live      the notes this person is dragging, one cached group on top that
//             moves with the pointer (LiveNotes.tsx; the rest of the board stays
//             in the snapshot meanwhile).
//
// The list of notes comes from DocIndex, which recomputes it only when notes
// come, go or change board; a note's own change re-renders that note only.
import type { BoardId } from '@pinnwand/shared/model/ids';
import type Konva from 'konva';
import { memo, useLayoutEffect, useRef, useState } from 'react';
import { Group, Shape } from 'react-konva';
import type { Editor } from '../editor/Editor.ts';
import { useNoteIds } from '../model/useDoc.ts';
import { LiveNotes } from './LiveNotes.tsx';
import { NoteNode, NoteSinkContext } from './NoteNode.tsx';
import { NoteSnapshot } from './noteSnapshot.ts';

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
    const drawn = root.current?.getLayer();
    const group = source.current;
    if (!drawn || !group) return;
    const made = new NoteSnapshot(
      group,
      () => ({
        viewport: editor.viewport.get(),
        size: editor.stageSize.get(),
        pixelRatio: drawn.getCanvas().getPixelRatio(),
      }),
      () => drawn.batchDraw(),
    );
    drawn.on('beforeDraw.snapshot', () => made.update());
    setSnapshot(made);
    return () => {
      drawn.off('beforeDraw.snapshot');
      made.destroy();
    };
  }, [editor]);

  // A new board: everything is drawn afresh.
  useLayoutEffect(() => {
    if (boardId) snapshot?.invalidateAll();
  }, [snapshot, boardId]);

  return (
    <Group ref={root}>
      <Shape
        listening={false}
        perfectDrawEnabled={false}
        sceneFunc={(context) => snapshot?.draw(context)}
      />
      <Group ref={source} visible={false}>
        {snapshot && (
          <NoteSinkContext.Provider value={snapshot}>
            {ids.map((id) => (
              <NoteNode key={id} id={id} editor={editor} />
            ))}
          </NoteSinkContext.Provider>
        )}
      </Group>
      <LiveNotes editor={editor} ids={ids} />
    </Group>
  );
});
