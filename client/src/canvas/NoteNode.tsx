// One sticky note on the canvas. It subscribes to its own note only (text,
// position, colour), to whether it is selected, and to others' presence on it;
// a change elsewhere on the board does not re-render it. Off-screen notes
// render nothing (culling). Each render tells the board's snapshot
// (noteSnapshot.ts) where the note was and is drawn, so only that spot is
// redrawn. While this person drags a note, it is drawn live above the
// snapshot instead (`live`, NotesLayer.tsx).
import type { NoteId } from '@pinnwand/shared/model/ids';
import { NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import type { Note } from '@pinnwand/shared/model/note';
import {
  createContext,
  memo,
  useCallback,
  useContext,
  useLayoutEffect,
  useRef,
  useSyncExternalStore,
} from 'react';
import { Group, Rect, Text } from 'react-konva';
import type { Editor } from '../editor/Editor.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useNote } from '../model/useDoc.ts';
import { useStoreSelect } from '../ui/store.ts';
import { useVoteTotalsShown } from '../voting/useVoteTotals.ts';
import { wrapText } from './hyphenate.ts';
import type { NoteSnapshot, Place } from './noteSnapshot.ts';
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
import {
  detailAt,
  NOTE_DETAILS,
  type NoteDetail,
  useIsVisible,
  useNoteDetail,
} from './useViewRect.ts';

const SELECTED = '#1f5fbf';
/** Type size of a note's title when zoomed out (world units; see useViewRect.ts). */
const TITLE_SIZE = { title: 24, far: 40 } as const;
const TITLE_LINE_HEIGHT = 1.1;
const TITLE_PADDING = 6;

/** The snapshot the notes of the board are drawn into (null: drawn directly, live). */
export const SnapshotContext = createContext<NoteSnapshot | null>(null);

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
  // Once on screen, a note stays mounted: panning back and forth then costs no
  // React or text layout work (off-screen notes are simply not drawn). It
  // carries a part for each level of detail it has been seen at, and the
  // snapshot picks the part for its zoom — so a note re-renders at a level
  // crossing only when it is on screen and lacks that level's part (a live,
  // dragged note carries the current level only and follows every crossing).
  const seen = useRef<Set<NoteDetail>>(new Set());
  useNoteDetail(editor, (l) => live || (visible && !seen.current.has(l)));
  const level = detailAt(editor.viewport.get().scale);
  if (visible && !seen.current.has(level)) seen.current = new Set([...seen.current, level]);
  const onceVisible = seen.current.size > 0;
  // While dragged by this person the note is drawn live, not in the snapshot.
  const shown = note !== undefined && (live ? visible : onceVisible && drag === null);
  const parts = live ? [level] : NOTE_DETAILS.filter((l) => seen.current.has(l));

  const snapshot = useContext(SnapshotContext);
  const drawnAt = useRef<Place | null>(null);
  const place = shown ? { x, y } : null;
  // Every render is a change of what this note draws (it is memoised and
  // subscribes to its own data only): the snapshot redraws its old and new spot.
  useLayoutEffect(() => {
    snapshot?.noteChanged(drawnAt.current, place);
    drawnAt.current = place;
  });
  useLayoutEffect(
    () => () => {
      snapshot?.noteChanged(drawnAt.current, null);
      drawnAt.current = null;
    },
    [snapshot],
  );

  if (!note || !shown) return null;
  const remoteColor = decor.editingBy?.color ?? decor.selectedBy[0];
  const votes = totalsShown ? note.votes.total : 0;
  return (
    <Group x={x} y={y} id={id} name="note" noteText={note.text}>
      {parts.map((level) =>
        level === 'detail' ? (
          <NoteDetailPart
            key={level}
            note={note}
            selected={selected}
            editingHere={editingHere}
            remoteColor={remoteColor}
            editingBy={decor.editingBy}
            editingLabel={
              decor.editingBy ? t('note.editingBy', { name: decor.editingBy.name }) : ''
            }
            votes={votes}
          />
        ) : (
          <NoteTitlePart
            key={level}
            level={level}
            text={note.text}
            color={note.color}
            votes={votes}
            selected={selected}
            remoteColor={remoteColor}
          />
        ),
      )}
    </Group>
  );
});

/** Zoomed out, a note shows its first words in large type (a title), its votes, and nothing else. */
const NoteTitlePart = memo(function NoteTitlePart({
  level,
  text,
  color,
  votes,
  selected,
  remoteColor,
}: {
  level: Exclude<NoteDetail, 'detail'>;
  text: string;
  color: string;
  votes: number;
  selected: boolean;
  remoteColor: string | undefined;
}) {
  const size = TITLE_SIZE[level];
  // Bold type runs up to a fifth wider than the measured regular type.
  const title = wrapText(text, NOTE_WIDTH - 2 * TITLE_PADDING, (w) => wordWidth(w, size) * 1.2);
  return (
    <Group name={level}>
      <Rect
        width={NOTE_WIDTH}
        height={NOTE_HEIGHT}
        fill={noteFill(color)}
        cornerRadius={3}
        stroke={selected ? SELECTED : (remoteColor ?? '#c9c2a0')}
        strokeWidth={selected || remoteColor ? 3 : 1}
        strokeScaleEnabled={false}
        perfectDrawEnabled={false}
        shadowForStrokeEnabled={false}
      />
      <Text
        x={TITLE_PADDING}
        y={TITLE_PADDING}
        width={NOTE_WIDTH - 2 * TITLE_PADDING}
        height={NOTE_HEIGHT - 2 * TITLE_PADDING}
        text={title}
        fontSize={size}
        fontStyle="bold"
        fontFamily={FONT_FAMILY}
        lineHeight={TITLE_LINE_HEIGHT}
        fill={NOTE_TEXT_COLOR}
        wrap="word"
        ellipsis
        listening={false}
        perfectDrawEnabled={false}
      />
      {votes > 0 && (
        <Group x={NOTE_WIDTH} y={NOTE_HEIGHT} scaleX={size / 14} scaleY={size / 14}>
          <Rect
            x={-30}
            y={-16}
            width={30}
            height={16}
            cornerRadius={8}
            fill="#1d2433"
            perfectDrawEnabled={false}
          />
          <Text
            x={-30}
            y={-16}
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
    </Group>
  );
});

/** The whole note: its text at its size, author, votes, shadow, who is writing in it. */
const NoteDetailPart = memo(function NoteDetailPart({
  note,
  selected,
  editingHere,
  remoteColor,
  editingBy,
  editingLabel,
  votes,
}: {
  note: Note;
  selected: boolean;
  editingHere: boolean;
  remoteColor: string | undefined;
  editingBy: { color: string; name: string } | null;
  editingLabel: string;
  /** The total shown (0 while a round hides totals). */
  votes: number;
}) {
  const fontSize = noteFontSize(note.text);
  const lines = wrapText(note.text, TEXT_WIDTH, (s) => wordWidth(s, fontSize));
  return (
    <Group name="detail">
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
          text={lines}
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
      {editingBy && (
        <Group y={-20} listening={false}>
          <Rect
            width={Math.min(NOTE_WIDTH, 12 + editingLabel.length * 6.6)}
            height={18}
            cornerRadius={3}
            fill={editingBy.color}
            perfectDrawEnabled={false}
          />
          <Text
            x={6}
            y={3}
            width={NOTE_WIDTH - 12}
            text={editingLabel}
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
