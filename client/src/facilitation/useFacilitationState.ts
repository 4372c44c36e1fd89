// Facilitation settings and the voting round as React state, re-read when the
// workshop's meta changes (the DocIndex caches meta until it changes).
import {
  type FacilitationSettings,
  readFacilitation,
} from '@pinnwand/shared/facilitation/facilitationSettings';
import { type RoundState, readRound } from '@pinnwand/shared/facilitation/votingRound';
import type { WorkshopSettings } from '@pinnwand/shared/model/meta';
import { useCallback, useSyncExternalStore } from 'react';
import type { Editor } from '../editor/Editor.ts';

export interface FacilitationState {
  settings: WorkshopSettings;
  facilitation: FacilitationSettings;
  round: RoundState;
}

/** Read once per meta change (the DocIndex keeps one meta object until it changes). */
export function facilitationState(editor: Editor): FacilitationState {
  const meta = editor.index.meta();
  const memo = editor.facilitation.stateMemo;
  if (memo.meta !== meta || !memo.state) {
    memo.meta = meta;
    memo.state = {
      settings: meta.settings,
      facilitation: readFacilitation(editor.doc),
      round: readRound(editor.doc),
    };
  }
  return memo.state;
}

export function useFacilitationState(editor: Editor): FacilitationState {
  const subscribe = useCallback((l: () => void) => editor.index.subscribeMeta(l), [editor]);
  return useSyncExternalStore(subscribe, () => facilitationState(editor));
}

export const isFacilitator = (editor: Editor): boolean => editor.role === 'facilitator';
