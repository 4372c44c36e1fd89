// One sticky note on the canvas. It subscribes to its own note only (text,
// position, colour), to whether it is selected, and to others' presence on it;
// a change elsewhere on the board does not re-render it. Off-screen notes
// render nothing (culling).
import type { NoteId } from '@pinnwand/shared/model/ids';
import { NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import { memo, useCallback, useSyncExternalStore } from 'react';
import { Group, Rect, Text } from 'react-konva';
import type { Editor } from '../editor/Editor.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useNote } from '../model/useDoc.ts';
import { useStoreSelect } from '../ui/store.ts';
import { wrapText } from './hyphenate.ts';
import {
  FONT_FAMILY,
  NOTE_FOOTER,
  NOTE_LINE_HEIGHT,
  NOTE_PADDING,
  NOTE_TEXT_COLOR,
  noteFill,
  noteFontSize,
  TEXT_WIDTH,
  wordWidth,
} from './noteStyle.ts';
import { useIsVisible, useShowsDetail } from './useViewRect.ts';

const SELECTED = '#1f5fbf';

interface Props {
  id: NoteId;
  editor: Editor;
}

export const NoteNode = memo(function NoteNode({ id, editor }: Props) {
  const t = useT();
  const note = useNote(editor.index, id);
  const selected = useStoreSelect(editor.selection, (s) => s.has(id));
  const editingHere = useStoreSelect(editor.editing, (e) => e === id);
  const drag = useSyncExternalStore(editor.dragOffset.subscribe, () =>
    selected ? editor.dragOffset.get() : null,
  );
  const decor = useSyncExternalStore(
    editor.presence.subscribe,
    useCallback(() => editor.presence.noteDecor(id), [editor, id]),
  );
  // Own drag preview, or someone else's drag as it happens (until it has landed).
  const remote = decor.dragOffset;
  const offset =
    drag ?? (remote && note && note.x === remote.fromX && note.y === remote.fromY ? remote : null);
  const x = (note?.x ?? 0) + (offset?.dx ?? 0);
  const y = (note?.y ?? 0) + (offset?.dy ?? 0);
  const visible = useIsVisible(
    editor,
    note ? { x, y, width: NOTE_WIDTH, height: NOTE_HEIGHT } : null,
  );
  const detail = useShowsDetail(editor);
  if (!note || !visible) return null;
  if (!detail) {
    // Zoomed far out: a plain card per note keeps a board of a thousand notes fluid.
    return (
      <Group x={x} y={y} id={id} name="note" noteText={note.text}>
        <Rect
          width={NOTE_WIDTH}
          height={NOTE_HEIGHT}
          fill={noteFill(note.color)}
          stroke={
            selected ? SELECTED : (decor.editingBy?.color ?? decor.selectedBy[0] ?? '#c9c2a0')
          }
          strokeWidth={selected || decor.selectedBy[0] ? 3 : 1}
          strokeScaleEnabled={false}
          perfectDrawEnabled={false}
          shadowForStrokeEnabled={false}
        />
      </Group>
    );
  }
  const remoteColor = decor.editingBy?.color ?? decor.selectedBy[0];
  const fontSize = noteFontSize(note.text);
  const shown = wrapText(note.text, TEXT_WIDTH, (s) => wordWidth(s, fontSize));
  const votes = note.votes.total;
  return (
    <Group x={x} y={y} id={id} name="note" noteText={note.text}>
      <Rect
        x={2}
        y={3}
        width={NOTE_WIDTH}
        height={NOTE_HEIGHT}
        fill="rgba(0,0,0,0.14)"
        cornerRadius={3}
        listening={false}
        perfectDrawEnabled={false}
      />
      <Rect
        width={NOTE_WIDTH}
        height={NOTE_HEIGHT}
        fill={noteFill(note.color)}
        cornerRadius={3}
        stroke={selected ? SELECTED : remoteColor}
        strokeWidth={selected || remoteColor ? 3 : 0}
        strokeScaleEnabled={false}
        perfectDrawEnabled={false}
        shadowForStrokeEnabled={false}
      />
      {!editingHere && (
        <Text
          x={NOTE_PADDING}
          y={NOTE_PADDING}
          width={NOTE_WIDTH - 2 * NOTE_PADDING}
          height={NOTE_HEIGHT - NOTE_PADDING - NOTE_FOOTER}
          text={shown}
          fontSize={fontSize}
          fontFamily={FONT_FAMILY}
          lineHeight={NOTE_LINE_HEIGHT}
          fill={NOTE_TEXT_COLOR}
          wrap="word"
          ellipsis
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
      <Text
        x={NOTE_PADDING}
        y={NOTE_HEIGHT - NOTE_FOOTER + 2}
        width={NOTE_WIDTH - 2 * NOTE_PADDING - (votes > 0 ? 34 : 0)}
        text={note.author}
        fontSize={10}
        fontFamily={FONT_FAMILY}
        fill="#4a4a4a"
        wrap="none"
        ellipsis
        listening={false}
        perfectDrawEnabled={false}
      />
      {votes > 0 && (
        <Group x={NOTE_WIDTH - 36} y={NOTE_HEIGHT - NOTE_FOOTER - 2} listening={false}>
          <Rect width={30} height={16} cornerRadius={8} fill="#1d2433" perfectDrawEnabled={false} />
          <Text
            width={30}
            height={16}
            text={`● ${votes}`}
            align="center"
            verticalAlign="middle"
            fontSize={10}
            fontFamily={FONT_FAMILY}
            fill="#ffffff"
            perfectDrawEnabled={false}
          />
        </Group>
      )}
      {decor.editingBy && (
        <Group y={-20} listening={false}>
          <Rect
            width={Math.min(
              NOTE_WIDTH,
              12 + t('note.editingBy', { name: decor.editingBy.name }).length * 6.6,
            )}
            height={18}
            cornerRadius={3}
            fill={decor.editingBy.color}
            perfectDrawEnabled={false}
          />
          <Text
            x={6}
            y={3}
            width={NOTE_WIDTH - 12}
            text={t('note.editingBy', { name: decor.editingBy.name })}
            fontSize={11}
            fontFamily={FONT_FAMILY}
            fill="#ffffff"
            wrap="none"
            ellipsis
            perfectDrawEnabled={false}
          />
        </Group>
      )}
    </Group>
  );
});
