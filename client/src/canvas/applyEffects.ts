// Turns the interaction states' effects into commands (every document change
// goes through the registry and so through the gate) and into view changes.

import { NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import type { Editor } from '../editor/Editor.ts';
import { holdNoteWhileLoading } from '../editor/strayTyping.ts';
import { mayChange } from '../gate/noteGate.ts';
import { editHidden } from '../hidden/hiddenWriting.ts';
import { previewLanding } from './dropLanding.ts';
import type { Effect } from './states/types.ts';
import { panBy, zoomAt } from './viewport.ts';

export function applyEffects(editor: Editor, effects: readonly Effect[]): void {
  const run = (id: string, arg?: unknown) => editor.commands.run(editor, id, arg);
  for (const effect of effects) {
    switch (effect.type) {
      case 'select':
        editor.selection.set(new Set(effect.ids));
        break;
      case 'dragPreview':
        editor.dragOffset.set({ dx: effect.dx, dy: effect.dy });
        previewLanding(editor, effect.ids, effect.dx, effect.dy);
        break;
      case 'dragCommit':
        run('notes.translate', { ids: effect.ids, dx: effect.dx, dy: effect.dy });
        editor.dragOffset.set(null);
        editor.canvas.landing.set(null);
        break;
      case 'dragCancel':
        editor.dragOffset.set(null);
        editor.canvas.landing.set(null);
        break;
      case 'brush':
        editor.canvas.brush.set(effect.rect);
        break;
      case 'pan':
        editor.viewport.set(panBy(editor.viewport.get(), effect.dx, effect.dy));
        break;
      case 'zoom':
        editor.viewport.set(zoomAt(editor.viewport.get(), effect.anchor, effect.factor));
        break;
      case 'createNote': {
        const at = {
          x: Math.round(effect.at.x - NOTE_WIDTH / 2),
          y: Math.round(effect.at.y - NOTE_HEIGHT / 2),
        };
        // The board is still loading: the note waits for it, with what is typed meanwhile.
        if (loadingOnly(editor)) holdNoteWhileLoading(editor, at);
        else run('note.add', at);
        break;
      }
      case 'edit':
        run('note.edit', effect.id);
        break;
      case 'endEditing':
        editor.editing.set(null);
        break;
      case 'vote':
        run('vote.give', effect.id);
        break;
      case 'takeBackVote':
        run('vote.takeBack', effect.id);
        break;
      case 'editHidden':
        editHidden(editor, effect.id);
        break;
      case 'ghost':
        editor.canvas.ghost.set(effect.rect);
        break;
      case 'moveCluster':
        run('cluster.move', { id: effect.id, x: effect.x, y: effect.y });
        break;
      case 'resizeCluster':
        run('cluster.resize', { id: effect.id, width: effect.width, height: effect.height });
        break;
      case 'createCluster':
        run('cluster.create', effect.rect);
        break;
      case 'renameCluster':
        editor.facilitation.renaming.set(effect.id);
        break;
      case 'openMenu':
        editor.facilitation.menu.set({ ...effect.menu, x: effect.at.x, y: effect.at.y });
        break;
      case 'tool':
        editor.canvas.tool.set(effect.tool);
        break;
      case 'cursor':
        editor.canvas.cursor.set(effect.cursor);
        break;
      case 'ask':
        editor.commands.ask(editor, effect.command);
        break;
    }
  }
}

/** The gate refuses changes only because the document has not arrived (not a viewer, not read-only). */
function loadingOnly(editor: Editor): boolean {
  const verdict = mayChange(editor);
  return !verdict.allowed && verdict.denial.reason === 'loading' && editor.role !== 'viewer';
}
