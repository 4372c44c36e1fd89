// Where the notes being dragged will land when that is not under the pointer
// (a spot inside a cluster frame that keeps them off a note lying there): a
// dashed note outline at each such spot, and the grown outline of a frame that
// grows to hold them, with a dashed outline around each loose note that frame
// comes to cover and so takes in (dropLanding.ts). Drawn below the dragged notes' cached group, from the
// canvas's `landing` store (dropLanding.ts); a pointer move that changes
// nothing there renders nothing here.
import { NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import { Rect } from 'react-konva';
import type { Editor } from '../editor/Editor.ts';
import { useStore } from '../ui/store.ts';
import { FRAME } from './cardShape.ts';

const BLUE = '#1f5fbf';
/** The outline of a note a grown frame takes in stands this far off it: the note covers what lies under it. */
const JOIN_MARGIN = 4;

export function LandingGhosts({ editor, scale }: { editor: Editor; scale: number }) {
  const landing = useStore(editor.canvas.landing);
  if (!landing) return null;
  const line = { stroke: BLUE, strokeWidth: 2 / scale, dash: [6 / scale, 4 / scale] };
  return (
    <>
      {landing.frames.map((f) => (
        <Rect
          key={`frame-${f.x},${f.y}`}
          name="landing-frame"
          {...f}
          {...line}
          cornerRadius={FRAME.cornerRadius}
        />
      ))}
      {landing.joins.map((p) => (
        <Rect
          key={`join-${p.x},${p.y}`}
          name="landing-join"
          x={p.x - JOIN_MARGIN}
          y={p.y - JOIN_MARGIN}
          width={NOTE_WIDTH + 2 * JOIN_MARGIN}
          height={NOTE_HEIGHT + 2 * JOIN_MARGIN}
          {...line}
          cornerRadius={5}
        />
      ))}
      {landing.notes.map((p) => (
        <Rect
          key={`${p.x},${p.y}`}
          name="landing"
          x={p.x}
          y={p.y}
          width={NOTE_WIDTH}
          height={NOTE_HEIGHT}
          fill="rgba(31,95,191,0.12)"
          {...line}
          cornerRadius={3}
        />
      ))}
    </>
  );
}
