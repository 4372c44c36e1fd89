// The workshop as the outline shows it: boards → clusters → notes, ordered.
// Arranged by the shared rules (`arrangeWorkshop`) from DocIndex's validated
// per-entity snapshots, so a change re-validates only the entity it touched
// (not every note, as re-reading the whole document did). And when nothing
// the outline shows has changed — someone moved a note without changing the
// reading order, the usual case while people arrange notes — the previous view
// is kept and React does not re-render the outline at all.
import type { Cluster } from '@pinnwand/shared/model/cluster';
import type { BoardId } from '@pinnwand/shared/model/ids';
import type { Note } from '@pinnwand/shared/model/note';
import { arrangeWorkshop, type BoardView } from '@pinnwand/shared/read/workshopView';
import { useEffect, useState } from 'react';
import type { Editor } from '../editor/Editor.ts';

/** Re-arranged at most this often while changes stream in. */
const THROTTLE_MS = 120;

export interface OutlineWorkshop {
  /** Boards in order; `summary` is not read (the outline does not show it) and is ''. */
  boards: BoardView[];
  /** Notes whose board no longer exists, oldest first. */
  orphanNotes: Note[];
}

function arrange(editor: Editor): OutlineWorkshop {
  const index = editor.index;
  const boards = index.boards();
  const clustersByBoard = new Map<BoardId, Cluster[]>();
  for (const board of boards) clustersByBoard.set(board.id, index.clusters(board.id));
  return arrangeWorkshop({ boards, clustersByBoard, notes: index.allNotes() }, () => '');
}

/** What an outline note shows (OutlineNote.tsx); its position only orders the list. */
function sameShownNote(a: Note, b: Note): boolean {
  return (
    a === b ||
    (a.id === b.id &&
      a.text === b.text &&
      a.author === b.author &&
      a.authorId === b.authorId &&
      a.color === b.color &&
      a.boardId === b.boardId &&
      a.clusterId === b.clusterId &&
      JSON.stringify(a.votes) === JSON.stringify(b.votes))
  );
}

function sameNotes(a: Note[], b: Note[]): boolean {
  return a.length === b.length && a.every((note, i) => sameShownNote(note, b[i]!));
}

/** Whether two arrangements show the same (boards, clusters, notes in the same order). */
export function sameOutline(a: OutlineWorkshop, b: OutlineWorkshop): boolean {
  return (
    sameNotes(a.orphanNotes, b.orphanNotes) &&
    a.boards.length === b.boards.length &&
    a.boards.every((board, i) => {
      const other = b.boards[i]!;
      return (
        board.id === other.id &&
        board.title === other.title &&
        board.question === other.question &&
        board.locked === other.locked &&
        board.noteCount === other.noteCount &&
        sameNotes(board.unclusteredNotes, other.unclusteredNotes) &&
        board.clusters.length === other.clusters.length &&
        board.clusters.every((cluster, j) => {
          const o = other.clusters[j]!;
          return (
            cluster.id === o.id && cluster.title === o.title && sameNotes(cluster.notes, o.notes)
          );
        })
      );
    })
  );
}

export function useWorkshopView(editor: Editor): OutlineWorkshop {
  const [view, setView] = useState(() => arrange(editor));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const refresh = () => {
      timer = null;
      last = performance.now();
      const next = arrange(editor);
      setView((previous) => (sameOutline(previous, next) ? previous : next));
    };
    const unsubscribe = editor.index.subscribeDoc(() => {
      if (timer) return;
      const wait = Math.max(0, THROTTLE_MS - (performance.now() - last));
      timer = setTimeout(refresh, wait);
    });
    refresh();
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [editor]);
  return view;
}
