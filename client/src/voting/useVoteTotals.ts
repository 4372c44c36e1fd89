// Whether notes show how many votes they carry: not while a round runs whose
// facilitator chose to hide the totals until it ends (so nobody follows the
// crowd). Own dots stay visible (the overlay draws them). A boolean selected
// from the meta map, so a note re-renders only when the answer changes.
import { useCallback, useSyncExternalStore } from 'react';
import type { Editor } from '../editor/Editor.ts';
import { facilitationState } from '../facilitation/useFacilitationState.ts';

export function voteTotalsShown(editor: Editor): boolean {
  return !facilitationState(editor).round.totalsHidden;
}

export function useVoteTotalsShown(editor: Editor): boolean {
  const subscribe = useCallback((l: () => void) => editor.index.subscribeMeta(l), [editor]);
  return useSyncExternalStore(subscribe, () => voteTotalsShown(editor));
}
