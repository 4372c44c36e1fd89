// Cluster frames with their heading, drawn behind the notes. Editing clusters
// is the facilitation issue's; here they are shown.
import type { BoardId } from '@pinnwand/shared/model/ids';
import { CLUSTER_HEADER } from '@pinnwand/shared/model/layout';
import { memo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import type { Editor } from '../editor/Editor.ts';
import { useClusters } from '../model/useDoc.ts';
import { usePreviewOf } from './boardPreviewContent.ts';
import { FRAME } from './cardShape.ts';
import { FONT_FAMILY } from './noteStyle.ts';

export const ClusterLayer = memo(function ClusterLayer({
  editor,
  boardId,
}: {
  editor: Editor;
  boardId: BoardId;
}) {
  const documentClusters = useClusters(editor.index, boardId);
  // The server's preview of the board, until the document is here (boardPreviewContent.ts).
  const clusters = usePreviewOf(editor, boardId)?.clusters ?? documentClusters;
  return (
    <Group>
      {clusters.map((c) => (
        <Group key={c.id} x={c.x} y={c.y} name="cluster" id={c.id}>
          <Rect
            width={c.width}
            height={c.height}
            fill={FRAME.fill}
            stroke={FRAME.stroke}
            strokeWidth={FRAME.strokeWidth}
            dash={FRAME.dash}
            cornerRadius={FRAME.cornerRadius}
            perfectDrawEnabled={false}
          />
          <Text
            x={16}
            y={10}
            width={Math.max(40, c.width - 32)}
            height={CLUSTER_HEADER - 12}
            text={c.title}
            fontSize={18}
            fontStyle="bold"
            fontFamily={FONT_FAMILY}
            fill="#1d2433"
            wrap="none"
            ellipsis
            perfectDrawEnabled={false}
          />
        </Group>
      ))}
    </Group>
  );
});
