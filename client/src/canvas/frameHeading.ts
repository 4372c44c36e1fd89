// A cluster frame's heading as the board and the PNG draw it: wrapped within
// the frame's width over up to a few lines, smaller when it needs more than
// two, cut with "…" beyond that (the rule and the band it keeps to are
// shared/model/clusterHeading.ts, which the PDF's drawing follows too).
// Laid out like a note's text (noteText.ts: measured, hyphenated), and kept
// per name and width: the frame layer draws every frame again when one changes.
import {
  HEADING_LINE_HEIGHT,
  type HeadingLayout,
  headingWidth,
  layoutHeading,
} from '@pinnwand/shared/model/clusterHeading';
import { hyphenationVersion } from './hyphenation.ts';
import { layoutText } from './noteText.ts';

const laid = new Map<string, HeadingLayout>();
let laidHyphenation = hyphenationVersion();

/** The heading's type size and lines for a frame `frameWidth` wide named `title`. */
export function frameHeading(title: string, frameWidth: number): HeadingLayout {
  if (laidHyphenation !== hyphenationVersion() || laid.size > 2_000) {
    laid.clear();
    laidHyphenation = hyphenationVersion();
  }
  const key = `${frameWidth}|${title}`;
  let layout = laid.get(key);
  if (!layout) {
    const width = headingWidth(frameWidth);
    layout = layoutHeading((size, lines) =>
      layoutText(
        title,
        { width, height: lines * size * HEADING_LINE_HEIGHT },
        size,
        HEADING_LINE_HEIGHT,
        true,
      ),
    );
    laid.set(key, layout);
  }
  return layout;
}
