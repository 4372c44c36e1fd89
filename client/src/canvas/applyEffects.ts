// Turns the interaction states' effects into document operations (through
// shared/ ops, with this person's origin) and view changes.
import { NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import { translateNotes } from '@pinnwand/shared/ops/noteOps';
import type { Editor } from '../editor/Editor.ts';
import type { Store } from '../ui/store.ts';
import type { Effect } from './states/types.ts';
import { panBy, type Rect, zoomAt } from './viewport.ts';

export function applyEffects(editor: Editor, effects: Effect[], brush: Store<Rect | null>): void {
  for (const effect of effects) {
    switch (effect.type) {
      case 'select':
        editor.selection.set(new Set(effect.ids));
        break;
      case 'dragPreview':
        editor.dragOffset.set({ dx: effect.dx, dy: effect.dy });
        break;
      case 'dragCommit':
        if (!editor.readOnly && (effect.dx !== 0 || effect.dy !== 0)) {
          editor.undo.stopCapturing();
          translateNotes(
            editor.doc,
            effect.ids,
            { x: Math.round(effect.dx), y: Math.round(effect.dy) },
            editor.origin,
          );
          editor.undo.stopCapturing();
        }
        editor.dragOffset.set(null);
        break;
      case 'dragCancel':
        editor.dragOffset.set(null);
        break;
      case 'brush':
        brush.set(effect.rect);
        break;
      case 'pan':
        editor.viewport.set(panBy(editor.viewport.get(), effect.dx, effect.dy));
        break;
      case 'zoom':
        editor.viewport.set(zoomAt(editor.viewport.get(), effect.anchor, effect.factor));
        break;
      case 'createNote':
        // Through the command, so a feature may take over note creation (hidden writing).
        editor.commands.run(editor, 'note.add', {
          x: Math.round(effect.at.x - NOTE_WIDTH / 2),
          y: Math.round(effect.at.y - NOTE_HEIGHT / 2),
        });
        break;
      case 'edit':
        if (!editor.readOnly) {
          editor.selection.set(new Set([effect.id]));
          editor.editing.set(effect.id);
        }
        break;
      case 'endEditing':
        editor.editing.set(null);
        break;
    }
  }
}
