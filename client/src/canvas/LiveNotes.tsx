// The notes this person is dragging, drawn above the board's snapshot (in the
// stage's upper layer). They
// sit at their places in one group that carries the drag offset, and the group
// is cached as one bitmap (Konva's cache) at the current zoom: a pointer move
// moves the group and costs one image copy, not React renders and fifty notes'
// text. The cache is drawn again when one of the notes changes (a remote edit,
// presence) or the zoom changes.
import type { BoardId } from '@pinnwand/shared/model/ids';
import type Konva from 'konva';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { Group } from 'react-konva';
import type { Editor } from '../editor/Editor.ts';
import { useNoteIds } from '../model/useDoc.ts';
import { useStore } from '../ui/store.ts';
import { NoteNode, type NoteSink, NoteSinkContext } from './NoteNode.tsx';

/** Room around the notes' cards in the cache: the writer label above, shadow and outlines. */
const CACHE_MARGIN = 24;
/** Largest side of the cached bitmap in pixels (beyond it the cache is drawn coarser). */
const MAX_SIDE = 6000;

/** Keeps the dragged group's bitmap current. */
class LiveCache implements NoteSink {
  private dirty = true;
  private cachedScale = 0;
  group: Konva.Group | null = null;

  constructor(private readonly editor: Editor) {}

  noteChanged(): void {
    this.dirty = true;
    this.group?.getLayer()?.batchDraw();
  }

  /** Before a frame: caches the group again if its notes or the zoom changed. */
  update(pixelRatio: number): void {
    const group = this.group;
    if (!group) return;
    const scale = this.editor.viewport.get().scale * pixelRatio;
    if (!this.dirty && scale === this.cachedScale) return;
    this.dirty = false;
    this.cachedScale = scale;
    group.clearCache();
    if (group.getChildren().length === 0) return;
    const box = group.getClientRect({ skipTransform: true });
    const side = Math.max(box.width, box.height) + 2 * CACHE_MARGIN;
    group.cache({ offset: CACHE_MARGIN, pixelRatio: Math.min(scale, MAX_SIDE / side) });
  }
}

export function LiveNotes({ editor, boardId }: { editor: Editor; boardId: BoardId }) {
  const ids = useNoteIds(editor.index, boardId);
  const offset = useStore(editor.dragOffset);
  const dragging = offset !== null;
  const selection = useStore(editor.selection);
  const dragged = useMemo(
    () => (dragging ? ids.filter((id) => selection.has(id)) : []),
    [dragging, ids, selection],
  );
  const group = useRef<Konva.Group>(null);
  const cache = useMemo(() => new LiveCache(editor), [editor]);

  useLayoutEffect(() => {
    const g = group.current;
    const layer = g?.getLayer();
    if (!g || !layer) return;
    cache.group = g;
    layer.on('beforeDraw.live', () => cache.update(layer.getCanvas().getPixelRatio()));
    return () => {
      layer.off('beforeDraw.live');
      cache.group = null;
    };
  }, [cache]);

  return (
    <Group ref={group} x={offset?.dx ?? 0} y={offset?.dy ?? 0}>
      <NoteSinkContext.Provider value={cache}>
        {dragged.map((id) => (
          <NoteNode key={id} id={id} editor={editor} live />
        ))}
      </NoteSinkContext.Provider>
    </Group>
  );
}
