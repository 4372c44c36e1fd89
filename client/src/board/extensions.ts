// Extension points for features built on top of the board (facilitation,
// export): side panels and toolbar groups are data, so a feature adds an entry
// here (and registers its commands) instead of editing the layout components.

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

const panels: PanelDefinition[] = [];

export function registerPanel(panel: PanelDefinition): void {
  const at = panels.findIndex((p) => p.id === panel.id);
  if (at >= 0) panels[at] = panel;
  else panels.push(panel);
}

export function availablePanels(editor: Editor): PanelDefinition[] {
  return panels
    .filter((p) => p.available?.(editor) ?? true)
    .sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
}

/** Extra controls under a note in the outline (e.g. giving dots while voting). */
export interface OutlineNoteExtra {
  id: string;
  render(editor: Editor, note: Note): ReactNode;
}

const outlineNoteExtras: OutlineNoteExtra[] = [];

export function registerOutlineNoteExtra(extra: OutlineNoteExtra): void {
  const at = outlineNoteExtras.findIndex((x) => x.id === extra.id);
  if (at >= 0) outlineNoteExtras[at] = extra;
  else outlineNoteExtras.push(extra);
}

export function outlineNoteExtrasFor(): readonly OutlineNoteExtra[] {
  return outlineNoteExtras;
}
