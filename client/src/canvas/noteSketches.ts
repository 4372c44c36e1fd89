// The notes of a board drawn straight from the document while their note
// components are still being mounted (NotesLayer.tsx mounts them a chunk per
// task). Opening a 5,000-note board mounted 5,000 NoteNodes in one React
// commit before the first note could be drawn: about a second of the page's
// start. Now the snapshot (noteSnapshot.ts) draws the board's first picture
// from these sketches — the real notes, read from the document, at their
// places, in board order, with the look a note has when nobody selects or
// writes in it — and each NoteNode takes over its note's sketch when it mounts
// (`adopt`): when it looks the same, nothing is drawn again.
//
// A sketch follows its note until adopted: a change from anyone (text, place,
// colour, votes) redraws its spot, a note that leaves the board leaves the
// sketches.
//
// Before a new device has the document, the sketches are drawn from the
// server's preview of the board (sync/boardPreview.ts), which holds the same
// few facts per note. When the document takes over, every sketch is compared
// with its note there: the same look at the same place is left as drawn, a
// note that changed meanwhile is drawn again, one that is gone leaves.
import type { BoardId, NoteId } from '@pinnwand/shared/model/ids';
import type { BoardPreview, PreviewNote } from '@pinnwand/shared/protocol/http';
import { previewNote } from '@pinnwand/shared/read/boardPreview';
import type Konva from 'konva';
import { createContext } from 'react';
import type { Editor } from '../editor/Editor.ts';
import { voteTotalsShown } from '../voting/useVoteTotals.ts';
import type { NoteLook } from './notePainter.ts';
import { NoteLayouts } from './noteText.ts';
import type { Place } from './snapshotGeometry.ts';

/** What the snapshot draws a note from: its Konva node, or its sketch (the same three reads). */
export interface Drawable {
  x(): number;
  y(): number;
  getAttr(name: 'look'): unknown;
}

class Sketch implements Drawable {
  constructor(
    readonly id: NoteId,
    readonly place: Place,
    readonly look: NoteLook,
  ) {}
  x(): number {
    return this.place.x;
  }
  y(): number {
    return this.place.y;
  }
  getAttr(): NoteLook {
    return this.look;
  }
}

/** What a sketch is drawn from: a note's place and what it shows at rest (votes: the total shown). */
type SketchNote = Omit<PreviewNote, 'id'>;

/** The look of a note nobody selects, drags or writes in (what NoteNode shows then). */
function restingLook(note: SketchNote, layouts: NoteLayouts): NoteLook {
  return {
    color: note.color,
    author: note.author,
    votes: note.votes,
    selected: false,
    remoteColor: undefined,
    editingHere: false,
    writer: null,
    layouts,
  };
}

/** Whether two looks draw the same pixels. */
export function sameLook(a: NoteLook, b: NoteLook): boolean {
  return (
    a.color === b.color &&
    a.author === b.author &&
    a.votes === b.votes &&
    a.selected === b.selected &&
    a.remoteColor === b.remoteColor &&
    a.editingHere === b.editingHere &&
    a.writer?.label === b.writer?.label &&
    a.writer?.color === b.writer?.color &&
    a.layouts.text === b.layouts.text
  );
}

/** Told where a note was and is drawn (the snapshot). */
interface Sink {
  noteChanged(before: Place | null, after: Place | null): void;
}

export class NoteSketches {
  private sketches = new Map<NoteId, Sketch>();
  /** The board's ids not mounted yet, in board order. */
  private pending: NoteId[] = [];
  private list: Sketch[] | null = [];
  private boardId: BoardId | null = null;
  /** The preview's notes while it stands in for the document, else null. */
  private previewNotes: Map<NoteId, PreviewNote> | null = null;
  private preview: BoardPreview | null = null;
  private readonly stops: (() => void)[];

  constructor(
    private readonly editor: Editor,
    /** The group whose children are the mounted notes' nodes (a prefix of the board order). */
    private readonly source: Konva.Group,
    private readonly sink: Sink,
  ) {
    this.stops = [
      editor.index.subscribeNoteChanges((ids) => {
        if (this.previewNotes) return;
        for (const id of ids) if (this.sketches.has(id as NoteId)) this.refresh(id as NoteId);
      }),
      // Vote totals hidden or shown again (a round's setting).
      editor.index.subscribeMeta(() => {
        if (this.previewNotes) return;
        for (const id of [...this.sketches.keys()]) this.refresh(id);
      }),
    ];
  }

  /** What the snapshot draws, in board order: the mounted notes' nodes, then the sketches of the rest. */
  items(): readonly Drawable[] {
    const nodes = this.source.getChildren();
    if (this.sketches.size === 0) return nodes;
    if (!this.list) {
      this.list = [];
      for (const id of this.pending) {
        const sketch = this.sketches.get(id);
        if (sketch) this.list.push(sketch);
      }
    }
    return [...nodes, ...this.list];
  }

  /**
   * The board's notes in board order, of which the first `mounted` have their
   * NoteNode; read from `preview` while it stands in for the document.
   */
  setPending(
    boardId: BoardId,
    ids: readonly NoteId[],
    mounted: number,
    preview: BoardPreview | null = null,
  ): void {
    this.boardId = boardId;
    if (preview !== this.preview) {
      // The preview came, or the document took over: each sketch is checked against its new source.
      this.preview = preview;
      this.previewNotes = preview ? new Map(preview.notes.map((n) => [n.id, n])) : null;
      for (const id of [...this.sketches.keys()]) this.refresh(id);
    }
    const pending = ids.slice(Math.min(mounted, ids.length));
    const keep = new Set(pending);
    for (const [id, sketch] of this.sketches)
      if (!keep.has(id)) {
        this.sketches.delete(id);
        this.sink.noteChanged(sketch.place, null);
      }
    this.pending = pending;
    this.list = null;
    const votesShown = voteTotalsShown(this.editor);
    for (const id of pending) {
      if (this.sketches.has(id)) continue;
      const note = this.read(id, votesShown);
      if (!note) continue;
      const sketch = new Sketch(
        id,
        { x: note.x, y: note.y },
        restingLook(note, new NoteLayouts(note.text)),
      );
      this.sketches.set(id, sketch);
      this.sink.noteChanged(null, sketch.place);
    }
  }

  /** A NoteNode mounted: its note's sketch (if any) is no longer drawn; what it showed is returned. */
  adopt(id: NoteId): { place: Place; look: NoteLook } | undefined {
    const sketch = this.sketches.get(id);
    if (!sketch) return undefined;
    this.sketches.delete(id);
    this.list = null;
    return sketch;
  }

  /** The laid-out text of a sketch, for the NoteNode that takes it over (layouts are costly). */
  layoutsOf(id: NoteId, text: string): NoteLayouts | undefined {
    const layouts = this.sketches.get(id)?.look.layouts;
    return layouts?.text === text ? layouts : undefined;
  }

  /** A note of the shown board as its sketch draws it, from the preview or the document. */
  private read(id: NoteId, votesShown: boolean): SketchNote | undefined {
    if (this.previewNotes) return this.previewNotes.get(id);
    const note = this.editor.index.note(id);
    if (!note || note.boardId !== this.boardId) return undefined;
    return previewNote(note, votesShown);
  }

  private refresh(id: NoteId): void {
    const old = this.sketches.get(id)!;
    const note = this.read(id, voteTotalsShown(this.editor));
    this.list = null;
    if (!note) {
      this.sketches.delete(id);
      this.sink.noteChanged(old.place, null);
      return;
    }
    const layouts =
      old.look.layouts.text === note.text ? old.look.layouts : new NoteLayouts(note.text);
    const sketch = new Sketch(id, { x: note.x, y: note.y }, restingLook(note, layouts));
    this.sketches.set(id, sketch);
    if (
      sketch.place.x === old.place.x &&
      sketch.place.y === old.place.y &&
      sameLook(sketch.look, old.look)
    )
      return;
    this.sink.noteChanged(old.place, sketch.place);
  }

  destroy(): void {
    for (const stop of this.stops) stop();
    this.sketches.clear();
    this.list = [];
  }
}

/** The sketches of the board's notes, for the NoteNodes that take them over. */
export const NoteSketchContext = createContext<NoteSketches | null>(null);
