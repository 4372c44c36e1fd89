// Other people's pointers on this board, with their names while they move
// (presence/remoteCursors.ts decides which and how long). Drawn at a constant
// screen size whatever the zoom.
import type { BoardId } from '@pinnwand/shared/model/ids';
import { Group, Path, Rect, Text } from 'react-konva';
import type { Editor } from '../editor/Editor.ts';
import { useStore } from '../ui/store.ts';
import { FONT_FAMILY } from './noteStyle.ts';

export function CursorsLayer({ editor, boardId }: { editor: Editor; boardId: BoardId }) {
  const cursors = useStore(editor.cursors.shown);
  const { scale } = useStore(editor.viewport);
  const inv = 1 / scale;
  return (
    <Group>
      {cursors.map((c) => {
        if (c.boardId !== boardId) return null;
        const width = Math.min(180, 16 + c.user.name.length * 7.5);
        return (
          <Group key={c.clientId} x={c.x} y={c.y} scaleX={inv} scaleY={inv} name="cursor">
            <Path
              data="M0 0 L0 16 L4.5 12 L8 19 L10.5 18 L7.2 11 L13 11 Z"
              fill={c.user.color}
              stroke="#ffffff"
              strokeWidth={1.2}
              perfectDrawEnabled={false}
            />
            {c.label && (
              <>
                <Rect
                  x={12}
                  y={16}
                  width={width}
                  height={18}
                  cornerRadius={4}
                  fill={c.user.color}
                />
                <Text
                  x={18}
                  y={19}
                  width={width - 8}
                  text={c.user.name}
                  fontSize={12}
                  fontFamily={FONT_FAMILY}
                  fill="#ffffff"
                  wrap="none"
                  ellipsis
                />
              </>
            )}
          </Group>
        );
      })}
    </Group>
  );
}
