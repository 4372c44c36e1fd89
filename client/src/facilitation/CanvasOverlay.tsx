// What the facilitation features draw over the board, in a second Konva stage
// that follows the same viewport and never takes pointer events (all input on
// the canvas goes through its pipeline, canvas/canvasInput.ts): resize grips
// of frames, the ghost of a frame being moved or drawn, this person's dots, and
// their hidden notes. HTML parts sit beside it: renaming a frame in place, the
// context menu and the hidden-note composer.
import type { Cluster } from '@pinnwand/shared/model/cluster';
import type { BoardId } from '@pinnwand/shared/model/ids';
import { CLUSTER_HEADER, NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Group, Layer, Rect, Stage, Text } from 'react-konva';
import { GRIP } from '../canvas/hitTest.ts';
import { FONT_FAMILY, NOTE_PADDING } from '../canvas/noteStyle.ts';
import { ContextMenu } from '../clusters/ContextMenu.tsx';
import { canEditClusters } from '../clusters/clusterCommands.ts';
import type { Editor } from '../editor/Editor.ts';
import { HiddenComposer } from '../hidden/HiddenComposer.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { useClusters, useNoteIds } from '../model/useDoc.ts';
import { isComposing } from '../ui/isComposing.ts';
import { useStore } from '../ui/store.ts';
import { DOT_SIZE, ownDotSpots } from '../voting/ownDots.ts';
import { facilitationMessages } from './messages.ts';
import { useFacilitationState } from './useFacilitationState.ts';

export function CanvasOverlay({ editor, boardId }: { editor: Editor; boardId: BoardId }) {
  const ft = useT(facilitationMessages);
  const size = useStore(editor.stageSize);
  const view = useStore(editor.viewport);
  const drawing = useStore(editor.canvas.tool) === 'cluster';
  const clusters = useClusters(editor.index, boardId);
  const facilitator = canEditClusters(editor);
  return (
    <div className="canvas-overlay">
      <Stage
        width={size.width}
        height={size.height}
        x={view.x}
        y={view.y}
        scaleX={view.scale}
        scaleY={view.scale}
        listening={false}
      >
        <Layer listening={false}>
          {facilitator && clusters.map((c) => <Grip key={c.id} c={c} scale={view.scale} />)}
          <MyDots editor={editor} boardId={boardId} scale={view.scale} />
          <HiddenNotesShapes editor={editor} boardId={boardId} label={ft('hidden.mark')} />
          <Ghost editor={editor} scale={view.scale} />
        </Layer>
      </Stage>
      {drawing && (
        <p className="fac-hint" role="status">
          {ft('cluster.drawHint')}
        </p>
      )}
      <RenameInput editor={editor} boardId={boardId} />
      <ContextMenu editor={editor} />
      <HiddenComposer editor={editor} />
    </div>
  );
}

function Grip({ c, scale }: { c: Cluster; scale: number }) {
  const s = GRIP / scale;
  return (
    <Group x={c.x + c.width} y={c.y + c.height}>
      <Rect
        x={-s}
        y={-s}
        width={s}
        height={s}
        fill="rgba(31,95,191,0.12)"
        cornerRadius={3 / scale}
      />
      <Rect
        x={-s * 0.7}
        y={-3 / scale - s * 0.15}
        width={s * 0.55}
        height={2 / scale}
        fill="#1f5fbf"
        rotation={-45}
      />
      <Rect
        x={-s * 0.45}
        y={-2 / scale - s * 0.1}
        width={s * 0.3}
        height={2 / scale}
        fill="#1f5fbf"
        rotation={-45}
      />
    </Group>
  );
}

function Ghost({ editor, scale }: { editor: Editor; scale: number }) {
  const ghost = useStore(editor.canvas.ghost);
  if (!ghost) return null;
  return (
    <Rect
      {...ghost}
      stroke="#1f5fbf"
      strokeWidth={2 / scale}
      dash={[6 / scale, 4 / scale]}
      fill="rgba(31,95,191,0.06)"
      cornerRadius={8}
    />
  );
}

/** Small dots on the notes this person voted for in the running round (a click on them takes one back). */
function MyDots({ editor, boardId, scale }: { editor: Editor; boardId: BoardId; scale: number }) {
  const { round } = useFacilitationState(editor);
  useNoteIds(editor.index, boardId);
  // Re-read on any document change: votes are inside notes.
  useSyncExternalStore(
    (l) => editor.index.subscribeDoc(l),
    () => editor.index.docVersion(),
  );
  if (!round.boardId || round.boardId !== boardId) return null;
  const dots = [];
  for (const note of editor.index.notes(boardId)) {
    const mine = note.votes.byParticipant[editor.userId] ?? 0;
    for (const [i, spot] of ownDotSpots(note, mine).entries()) {
      dots.push(
        <Rect
          key={`${note.id}-${i}`}
          x={spot.x}
          y={spot.y}
          width={DOT_SIZE}
          height={DOT_SIZE}
          cornerRadius={DOT_SIZE / 2}
          fill="#c2185b"
          stroke="#ffffff"
          strokeWidth={1.5 / scale}
        />,
      );
    }
  }
  return <>{dots}</>;
}

function HiddenNotesShapes({
  editor,
  boardId,
  label,
}: {
  editor: Editor;
  boardId: BoardId;
  label: string;
}) {
  const h = useStore(editor.hidden);
  const notes = useSyncExternalStore(
    (l) => h?.notes.subscribe(l) ?? (() => undefined),
    () => h?.notes.all() ?? EMPTY,
  );
  return (
    <>
      {notes
        .filter((n) => n.boardId === boardId)
        .map((n) => (
          <Group key={n.id} x={n.x} y={n.y} name="hidden-note">
            <Rect
              width={NOTE_WIDTH}
              height={NOTE_HEIGHT}
              fill="#eceff4"
              stroke="#5b6472"
              strokeWidth={1.5}
              dash={[6, 4]}
              cornerRadius={3}
            />
            <Text
              x={NOTE_PADDING}
              y={NOTE_PADDING}
              width={NOTE_WIDTH - 2 * NOTE_PADDING}
              height={NOTE_HEIGHT - 2 * NOTE_PADDING - 16}
              text={n.text}
              fontSize={14}
              fontFamily={FONT_FAMILY}
              fill="#1a1a1a"
              wrap="word"
              ellipsis
            />
            <Rect
              x={NOTE_WIDTH - 74}
              y={NOTE_HEIGHT - 22}
              width={66}
              height={16}
              cornerRadius={8}
              fill="#5b6472"
            />
            <Text
              x={NOTE_WIDTH - 74}
              y={NOTE_HEIGHT - 22}
              width={66}
              height={16}
              text={label}
              align="center"
              verticalAlign="middle"
              fontSize={10}
              fontFamily={FONT_FAMILY}
              fill="#ffffff"
            />
          </Group>
        ))}
    </>
  );
}
const EMPTY: never[] = [];

function RenameInput({ editor, boardId }: { editor: Editor; boardId: BoardId }) {
  const id = useStore(editor.facilitation.renaming);
  const clusters = useClusters(editor.index, boardId);
  const cluster = clusters.find((c) => c.id === id);
  if (!cluster) return null;
  return <RenameField key={cluster.id} editor={editor} cluster={cluster} />;
}

function RenameField({ editor, cluster }: { editor: Editor; cluster: Cluster }) {
  const ft = useT(facilitationMessages);
  const view = useStore(editor.viewport);
  const ref = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(cluster.title);
  useEffect(() => {
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.select();
    });
  }, []);
  const done = (save: boolean) => {
    // A frame is never left without a heading: an empty one gets the default name.
    const title = (save ? value.trim() : cluster.title) || ft('cluster.newTitle');
    if (title !== cluster.title)
      editor.commands.run(editor, 'cluster.rename', { id: cluster.id, title });
    editor.facilitation.renaming.set(null);
    (document.querySelector('.board-canvas') as HTMLElement | null)?.focus({ preventScroll: true });
  };
  const scale = view.scale;
  return (
    <input
      ref={ref}
      className="cluster-rename"
      aria-label={ft('cluster.renameLabel')}
      value={value}
      placeholder={ft('cluster.newTitle')}
      style={{
        left: cluster.x * scale + view.x + 8 * scale,
        top: cluster.y * scale + view.y + 6 * scale,
        width: Math.max(120, (cluster.width - 16) * scale),
        height: Math.max(28, (CLUSTER_HEADER - 10) * scale),
        fontSize: Math.max(13, 18 * scale),
      }}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => done(true)}
      onKeyDown={(e) => {
        e.stopPropagation();
        // Enter confirming a candidate is not the end of the name.
        if (isComposing(e)) return;
        if (e.key === 'Enter') done(true);
        else if (e.key === 'Escape') done(false);
      }}
    />
  );
}
