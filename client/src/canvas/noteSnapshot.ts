// The notes of a board drawn once into an off-screen bitmap (the snapshot) and
// reused from frame to frame. Redrawing a thousand notes with their text takes
// longer than a frame in software rendering; moving one bitmap does not. So:
//
// - The snapshot's canvas is an element of its own between the board's two
//   Konva layers (clusters below, dragged notes, selection frame and cursors
//   above), and panning and zooming only change its CSS transform: the
//   compositor moves and scales the bitmap, no pixel of it is drawn again on
//   the main thread. Panning near its edge copies what stays in view into a
//   canvas centred on the view and draws only the newly exposed strips.
//   Zooming further than SCALE_SLACK, or settling at a new zoom (or level of
//   detail: crossing one mid-gesture redraws nothing) redraws it at screen resolution — in slices of a
//   few milliseconds per frame into a second canvas, while the old one is
//   still shown, so no frame waits for a whole board.
// - A note that changes (its Yjs data, selection, someone's presence on it)
//   reports its old and new place (`noteChanged`, from NoteNode); before the
//   next frame only those rectangles are cleared and the notes overlapping
//   them are drawn again, in board order. A remote move costs two notes, not
//   the board.
//
// The notes stay Konva nodes (React renders them, tests read them), one shape
// each, inside a group that the layer itself does not draw — and while a
// board's note components are still being mounted, sketches read from the
// document stand in for the rest (noteSketches.ts); this module paints
// them into the snapshot with notePainter.ts at the level of detail of its
// zoom (useViewRect.ts), from each note's `look` — so crossing a level
// re-renders no React component, and a level's text is laid out when first
// drawn.
//
// What a note paints and what a snapshot covers: snapshotGeometry.ts; how a
// rectangle of a frame is painted: framePainter.ts; when the view has come to
// rest: viewSettling.ts; the bitmaps: snapshotCanvas.ts; when the board's
// picture counts as drawn (cards first): firstPicture.ts.

import { FirstPicture } from './firstPicture.ts';
import { FramePainter } from './framePainter.ts';
import type { Drawable } from './noteSketches.ts';
import { contains, exposed, mergeOverlapping } from './rects.ts';
import { type Frame, placement, SnapshotCanvas } from './snapshotCanvas.ts';
import { type Place, snapshotRegion } from './snapshotGeometry.ts';
import { detailAt, type NoteDetail } from './useViewRect.ts';
import { intersects, type Rect, type Size, type Viewport, visibleRect } from './viewport.ts';
import { ViewSettling } from './viewSettling.ts';

/** Zooming in or out by more than this factor redraws the snapshot at the new zoom. */
const SCALE_SLACK = 2;
/** Time a frame may spend on a whole redraw before it continues in the next frame. */
const SLICE_MS = 5;
/** The same for the first picture of a board, while nothing else is shown yet (input still gets a turn). */
const FIRST_SLICE_MS = 24;
/** More changed notes than this at once are drawn as a whole redraw. */
const MAX_PATCHES = 150;

export interface SnapshotView {
  viewport: Viewport;
  size: Size;
  /** Device pixels per CSS pixel of the layer. */
  pixelRatio: number;
}

/** A whole redraw under way: notes up to `next` (board order) are drawn. */
interface Build extends Frame {
  next: number;
  /** Notes that changed meanwhile: drawn again when the build is done. */
  dirty: Rect[];
  /** How many notes there were at the last slice (`next` counts in that list). */
  count: number;
  /** Per note of that list, 1 when notes above it cover all it would paint (occlusion.ts). */
  hidden: Uint8Array | null;
}

export class NoteSnapshot {
  private shown: Frame | null = null;
  private build: Build | null = null;
  /** A canvas no longer shown, reused when the next one has the same size. */
  private spare: SnapshotCanvas | null = null;
  private screenRatio = 1;
  private dirty: Rect[] = [];
  private whole = true;
  /** Too many notes changed for patches: a whole redraw replaces the picture. */
  private rebuild = false;
  private readonly settling = new ViewSettling(() => this.requestDraw());
  private readonly painter: FramePainter;
  /** The canvas on screen, and where it was put. */
  private presented: HTMLCanvasElement | null = null;
  private transform = '';
  private frameRequest = 0;
  /** Redraws done (for the benchmark's and tests' curiosity). */
  readonly stats = { whole: 0, slices: 0, shifts: 0, patches: 0 };

  /** When the picture counts as drawn, and who waits for it. */
  private readonly picture = new FirstPicture();
  /** The level of detail the view wanted at the last update. */
  private wantedLevel: NoteDetail = 'card';

  constructor(
    /**
     * The notes to draw, in board order: the note nodes (children of a group
     * the layer does not draw itself) and sketches of notes not mounted yet
     * (noteSketches.ts).
     */
    private readonly items: () => readonly Drawable[],
    private readonly view: () => SnapshotView,
    /** The element the shown canvas sits in, over the stage's lower layer. */
    private readonly plane: HTMLElement,
  ) {
    this.painter = new FramePainter(items, () => ({
      view: this.settling.lastView?.scale ?? 1,
      screen: this.screenRatio,
    }));
  }

  /** Brings the snapshot up to date before the next frame (once per frame however often asked). */
  requestDraw(): void {
    if (this.frameRequest) return;
    this.frameRequest = requestAnimationFrame(() => {
      this.frameRequest = 0;
      this.update();
    });
  }

  /** A note was drawn at `before` and is now drawn at `after` (null: not drawn). */
  noteChanged(before: Place | null, after: Place | null): void {
    if (this.whole) return;
    if (before) this.dirty.push(this.painter.bounds(before));
    if (after && !(before && before.x === after.x && before.y === after.y))
      this.dirty.push(this.painter.bounds(after));
    if (this.dirty.length > MAX_PATCHES) {
      // Cheaper as a whole redraw (in slices; the current picture stays meanwhile).
      this.dirty = [];
      if (this.build) this.spare = this.build.canvas;
      this.build = null;
      this.rebuild = true;
      this.requestDraw();
    } else if (before || after) this.requestDraw();
  }

  /** Calls `fn` once a whole picture of the board is on screen (at once if one is). */
  whenPictured(fn: () => void): () => void {
    return this.picture.when(fn, this.shown !== null && !this.whole);
  }

  /** Everything is drawn again (the text's line breaks changed), the current picture shown meanwhile. */
  redrawAll(): void {
    this.dirty = [];
    if (this.build) this.spare = this.build.canvas;
    this.build = null;
    this.rebuild = true;
    this.requestDraw();
  }

  /** Everything is drawn afresh, from an empty picture (a new board). */
  invalidateAll(): void {
    this.whole = true;
    this.dirty = [];
    this.requestDraw();
  }

  /** Brings the snapshot up to date for the frame about to be drawn. */
  update(): void {
    const { viewport, size, pixelRatio } = this.view();
    this.settling.note(viewport);
    if (pixelRatio !== this.screenRatio) {
      this.screenRatio = pixelRatio;
      this.whole = true;
    }
    const visible = visibleRect(viewport, size);
    const want = { scale: viewport.scale * pixelRatio, level: detailAt(viewport.scale) };
    this.wantedLevel = want.level;
    if (this.whole) {
      // Nothing shown is usable (a new board, another screen).
      this.whole = false;
      this.picture.reset();
      this.dirty = [];
      this.build = null;
      if (this.shown) this.spare = this.shown.canvas;
      this.shown = null;
    }
    const shown = this.shown;
    if (!shown) {
      // The first picture is built in slices too (no frame waits for the whole
      // board), and shown once whole: a canvas on screen that changes is copied
      // to the compositor in every frame, which cost more than drawing the
      // notes (software rendering, 5,000 notes). On a large board it shows
      // plain cards first (firstPicture.ts).
      const level = this.picture.firstLevel(this.items().length, want.level);
      this.continueBuild(visible, want.scale, level, FIRST_SLICE_MS);
      this.patch();
      this.present(viewport);
      return;
    }
    const ratio = want.scale / shown.scale;
    const sharp = ratio === 1 && want.level === shown.level;
    if (sharp && !contains(shown.region, visible)) this.shift(visible);
    this.patch();
    const fits = this.shown !== null && contains(this.shown.region, visible);
    // While the zoom moves, the picture keeps its level of detail (scaled, the
    // titles or the text stay legible for the moment); the new level is drawn
    // once the zoom comes to rest — one whole redraw instead of one per level
    // crossed — unless the zoom moves so far that the picture must be redrawn
    // anyway (then at the new level; a redraw under way keeps its own).
    const level = this.settling.settled ? want.level : (this.build?.level ?? want.level);
    const stale =
      (this.settling.settled && want.level !== shown.level) ||
      ratio > SCALE_SLACK ||
      ratio < 1 / SCALE_SLACK ||
      !fits ||
      this.rebuild ||
      (!sharp && this.settling.settled);
    if (stale)
      this.continueBuild(visible, want.scale, level, this.picture.done ? SLICE_MS : FIRST_SLICE_MS);
    else this.build = null;
    this.present(viewport);
  }

  /** Puts the shown canvas where the view has it. */
  private present(viewport: Viewport): void {
    const frame = this.shown;
    const canvas = frame?.canvas.canvas ?? null;
    if (canvas !== this.presented) {
      if (canvas) this.plane.replaceChildren(canvas);
      else this.plane.replaceChildren();
      this.presented = canvas;
      this.transform = '';
    }
    if (!frame || !canvas) return;
    const transform = placement(frame, viewport);
    if (transform !== this.transform) {
      canvas.style.transform = transform;
      this.transform = transform;
    }
  }

  destroy(): void {
    this.settling.destroy();
    if (this.frameRequest) cancelAnimationFrame(this.frameRequest);
    this.plane.replaceChildren();
    this.presented = null;
    this.shown = null;
    this.build = null;
    this.spare = null;
  }

  private canvasFor(region: Rect, scale: number): SnapshotCanvas {
    const canvas = this.spare ?? new SnapshotCanvas();
    this.spare = null;
    canvas.prepare(region.width, region.height, scale);
    return canvas;
  }

  /**
   * Makes `frame` the picture on screen. The canvas on screen stays the same
   * element: a finished redraw is copied into it (one image copy) rather than
   * put in its place, because the compositor takes a new canvas (or one of a
   * new size) only with fresh shared memory, which costs tens of milliseconds
   * on a busy machine.
   */
  private show(frame: Frame): void {
    const shown = this.shown;
    if (!shown || shown.canvas === frame.canvas) {
      this.shown = frame;
      return;
    }
    shown.canvas.copyFrom(frame.canvas, frame.region, frame.scale);
    this.spare = frame.canvas;
    this.shown = { ...frame, canvas: shown.canvas };
  }

  private drawWhole(visible: Rect, scale: number, level: NoteDetail): Frame {
    this.stats.whole++;
    const region = snapshotRegion(visible, scale);
    const frame = { canvas: this.canvasFor(region, scale), region, scale, level };
    this.painter.drawInto(frame, region, false);
    return frame;
  }

  /** A whole redraw in slices: started (or restarted, if the view left it behind) and continued. */
  private continueBuild(visible: Rect, scale: number, level: NoteDetail, sliceMs = SLICE_MS): void {
    let build = this.build;
    const ratio = build ? scale / build.scale : 0;
    // While the zoom moves, a build under way is finished if it still covers the
    // view at up to SCALE_SLACK off (restarting each step would never finish);
    // once settled it must match the zoom.
    const current =
      build &&
      build.level === level &&
      contains(build.region, visible) &&
      (this.settling.settled ? ratio === 1 : ratio <= SCALE_SLACK && ratio >= 1 / SCALE_SLACK);
    if (!build || !current) {
      if (build) this.spare = build.canvas;
      const region = snapshotRegion(visible, scale);
      build = {
        canvas: this.canvasFor(region, scale),
        region,
        scale,
        level,
        next: 0,
        dirty: [],
        count: -1,
        hidden: null,
      };
      this.build = build;
    }
    this.stats.slices++;
    const started = performance.now();
    const nodes = this.items();
    // Notes came or went between slices (one that was not drawn as it mounted,
    // say): `next` may now skip one, so the whole region is drawn again at the end.
    if (build.count >= 0 && build.count !== nodes.length && !build.dirty.includes(build.region)) {
      build.dirty.push(build.region);
      // Its flags no longer match the list: the rest is drawn whole.
      build.hidden = null;
    }
    // Notes that move meanwhile report both places (noteChanged), drawn again
    // uncovered at the end: the flags may go stale, the picture does not.
    if (build.count < 0) build.hidden = this.painter.covered(nodes, build);
    build.count = nodes.length;
    const hidden = build.hidden;
    const ctx = build.canvas.ctx;
    ctx.save();
    ctx.translate(-build.region.x, -build.region.y);
    while (build.next < nodes.length) {
      if (hidden?.[build.next] !== 1)
        this.painter.drawNote(nodes[build.next]!, build, build.region);
      build.next++;
      if (build.next % 16 === 0) {
        build.canvas.flush();
        if (performance.now() - started > sliceMs) break;
      }
    }
    ctx.restore();
    build.canvas.flush();
    if (build.next < nodes.length) {
      this.requestDraw();
      return;
    }
    this.build = null;
    // Only now: a rebuild that takes several slices is continued in the next
    // frames because it is still wanted (update() drops a build nobody wants).
    this.rebuild = false;
    this.stats.whole++;
    for (const rect of build.dirty) this.painter.drawInto(build, rect, true);
    this.show(build);
    // The first picture's cards: the view's level comes next.
    if (!this.picture.shown(build.level, this.wantedLevel, nodes.length)) this.requestDraw();
  }

  /** Pans past the edge at the same zoom: keep the overlap (moved within the canvas on screen), draw the rest. */
  private shift(visible: Rect): void {
    const old = this.shown;
    if (!old) return;
    const region = snapshotRegion(visible, old.scale);
    if (!intersects(old.region, region) || !old.canvas.holds(region, old.scale)) {
      this.show(this.drawWhole(visible, old.scale, old.level));
      return;
    }
    this.stats.shifts++;
    old.canvas.moveContent(
      Math.round((old.region.x - region.x) * old.scale),
      Math.round((old.region.y - region.y) * old.scale),
      region,
      old.scale,
    );
    const frame = { ...old, region };
    for (const strip of exposed(region, old.region)) this.painter.drawInto(frame, strip, true);
    this.shown = frame;
  }

  /** Redraws the rectangles of changed notes (in the shown canvas and any build under way). */
  private patch(): void {
    if (this.dirty.length === 0) return;
    const rects = this.dirty;
    this.dirty = [];
    const merged = mergeOverlapping(rects);
    this.build?.dirty.push(...merged);
    const shown = this.shown;
    if (!shown) return;
    for (const rect of merged) {
      if (!intersects(rect, shown.region)) continue;
      this.stats.patches++;
      this.painter.drawInto(shown, rect, true);
    }
  }
}
