// Cluster frames with their heading, drawn behind the notes. Editing clusters
// is the facilitation issue's; here they are shown. A long heading wraps over
// a few lines within the frame (frameHeading.ts), above its first row of notes.

import {
  HEADING_INSET,
  HEADING_LINE_HEIGHT,
  HEADING_TOP,
  headingWidth,
} from '@pinnwand/shared/model/clusterHeading';
import type { BoardId } from '@pinnwand/shared/model/ids';
import { memo, useSyncExternalStore } from 'react';
import { Group, Rect, Text } from 'react-konva';
import type { Editor } from '../editor/Editor.ts';
import { useClusters } from '../model/useDoc.ts';
import { usePreviewOf } from './boardPreviewContent.ts';
import { FRAME } from './cardShape.ts';
import { frameHeading } from './frameHeading.ts';
import { hyphenationVersion, onHyphenationChange } from './hyphenation.ts';
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
  // Headings are laid out again (frameHeading.ts) once the hyphenation patterns arrive.
  useSyncExternalStore(onHyphenationChange, hyphenationVersion);
  return (
    <Group>
      {clusters.map((c) => (
        // The whole name rides along (`clusterTitle`): what is drawn may be wrapped or cut.
        <Group key={c.id} x={c.x} y={c.y} name="cluster" id={c.id} clusterTitle={c.title}>
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
          <Heading title={c.title} width={c.width} />
        </Group>
      ))}
    </Group>
  );
});

function Heading({ title, width }: { title: string; width: number }) {
  const { size, lines } = frameHeading(title, width);
  return (
    <Text
      name="cluster-heading"
      x={HEADING_INSET}
      y={HEADING_TOP}
      width={Math.max(1, headingWidth(width))}
      text={lines.join('\n')}
      fontSize={size}
      lineHeight={HEADING_LINE_HEIGHT}
      fontStyle="bold"
      fontFamily={FONT_FAMILY}
      fill="#1d2433"
      wrap="none"
      perfectDrawEnabled={false}
    />
  );
}
