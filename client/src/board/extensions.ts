// Extension points for features built on top of the board (facilitation,
// export): side panels, outline extras and toolbar groups are data. The
// workshop's lists are put together once (features.tsx) and handed to the
// editor when it is created; the layout components only read them.

import type { Note } from '@pinnwand/shared/model/note';
import type { ReactNode } from 'react';
import type { Editor } from '../editor/Editor.ts';
import type { MessageKey } from '../i18n/de.ts';

export interface PanelDefinition {
  id: string;
  label: MessageKey;
  /** Position in the panel list (lower first); 100 when absent. */
  order?: number;
  /** Whether this person sees the panel (e.g. facilitators only). */
  available?(editor: Editor): boolean;
  render(editor: Editor): ReactNode;
}

/** Toolbar groups, each a list of command ids; separators go between groups. */
export const toolbarGroups: string[][] = [
  ['note.add'],
  ['selection.duplicate', 'selection.delete'],
  ['history.undo', 'history.redo'],
  ['view.zoomOut', 'view.zoomIn', 'view.fit'],
  ['help.shortcuts'],
];

/** The panels this person sees, in their order. */
export function availablePanels(editor: Editor): PanelDefinition[] {
  return editor.panels
    .filter((p) => p.available?.(editor) ?? true)
    .sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
}

/** Extra controls under a note in the outline (e.g. giving dots while voting). */
export interface OutlineNoteExtra {
  id: string;
  render(editor: Editor, note: Note): ReactNode;
}
