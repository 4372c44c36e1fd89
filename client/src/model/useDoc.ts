// React hooks over DocIndex: each component subscribes to exactly what it shows.
import type { Board } from '@pinnwand/shared/model/board';
import type { Cluster } from '@pinnwand/shared/model/cluster';
import type { BoardId, NoteId } from '@pinnwand/shared/model/ids';
import type { Meta, WorkshopSettings } from '@pinnwand/shared/model/meta';
import type { Note } from '@pinnwand/shared/model/note';
import { useCallback, useSyncExternalStore } from 'react';
import type { DocIndex } from './docIndex.ts';

export function useNote(index: DocIndex, id: NoteId): Note | undefined {
  const subscribe = useCallback((l: () => void) => index.subscribeNote(id, l), [index, id]);
  return useSyncExternalStore(subscribe, () => index.note(id));
}

export function useNoteIds(index: DocIndex, boardId: BoardId): NoteId[] {
  const subscribe = useCallback((l: () => void) => index.subscribeNoteIds(l), [index]);
  return useSyncExternalStore(subscribe, () => index.noteIds(boardId));
}

export function useBoards(index: DocIndex): Board[] {
  const subscribe = useCallback((l: () => void) => index.subscribeBoards(l), [index]);
  return useSyncExternalStore(subscribe, () => index.boards());
}

export function useClusters(index: DocIndex, boardId: BoardId): Cluster[] {
  const subscribe = useCallback((l: () => void) => index.subscribeClusters(l), [index]);
  return useSyncExternalStore(subscribe, () => index.clusters(boardId));
}

export function useMeta(index: DocIndex): { meta: Meta | null; settings: WorkshopSettings } {
  const subscribe = useCallback((l: () => void) => index.subscribeMeta(l), [index]);
  return useSyncExternalStore(subscribe, () => index.meta());
}

export function useDocVersion(index: DocIndex): number {
  const subscribe = useCallback((l: () => void) => index.subscribeDoc(l), [index]);
  return useSyncExternalStore(subscribe, () => index.docVersion());
}
