/**
 * How a cluster frame's heading is set, on the board and in the pictures of
 * it (the PNG, the PDF's drawing): a long name wraps within the frame's width
 * instead of being cut to one line. The heading keeps to the band above the
 * frame's first row of notes (CLUSTER_HEADER plus the padding), so it never
 * runs under a note placed in the frame: two lines at the heading's size, or
 * three at a smaller one; beyond that the last line ends in "…". The band is
 * the frame's own, so no layout of notes inside frames changes with the name.
 */
import { CLUSTER_HEADER, CLUSTER_PADDING } from './layout.ts';

/** Space left and right of the heading inside the frame. */
export const HEADING_INSET = 16;
/** From the frame's top edge to the top of the heading's first line. */
export const HEADING_TOP = 8;
/** Distance between the heading's lines, relative to its size. */
export const HEADING_LINE_HEIGHT = 1.1;
/**
 * Sizes tried in turn (board units): the first at which the whole name fits
 * its number of lines; the last takes what fits and ends in an ellipsis.
 */
export const HEADING_STEPS: readonly { size: number; lines: number }[] = [
  { size: 18, lines: 2 },
  { size: 14, lines: 3 },
];
/** Where the first row of notes begins below the frame's top edge: the heading stays above it. */
export const HEADING_BAND = CLUSTER_HEADER + CLUSTER_PADDING;

/** A name set at a size: its lines, and whether text was left out (the last line then ends in "…"). */
export interface HeadingFit {
  lines: string[];
  cut: boolean;
}

export interface HeadingLayout {
  size: number;
  lines: string[];
}

/** Width the heading's lines may take in a frame `frameWidth` wide. */
export function headingWidth(frameWidth: number): number {
  return Math.max(0, frameWidth - 2 * HEADING_INSET);
}

/**
 * The heading's size and lines; `setAt` sets the name at a size in at most
 * `lines` lines of `headingWidth` (each drawing measures with its own fonts).
 */
export function layoutHeading(setAt: (size: number, lines: number) => HeadingFit): HeadingLayout {
  let chosen: HeadingLayout = { size: HEADING_STEPS[0]?.size ?? 18, lines: [] };
  for (const step of HEADING_STEPS) {
    const set = setAt(step.size, step.lines);
    chosen = { size: step.size, lines: set.lines };
    if (!set.cut) break;
  }
  return chosen;
}
