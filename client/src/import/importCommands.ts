// Committing an import is a command like every other change: one undo step
// (one transaction with this person's origin), and only for those the rules
// let add boards and clusters (the facilitator). The dialog parses and
// previews; this writes, then shows the board the notes went to.
import { applyImport, type ImportTarget } from '@pinnwand/shared/import/applyImport';
import type { ImportPlan } from '@pinnwand/shared/import/importPlan';
import type { AnyCommand, Command } from '../commands/types.ts';
import { zoomToFit } from '../commands/viewCommands.ts';
import { mayChangeStructure } from '../gate/noteGate.ts';
import { importPlacement } from '../gate/placement.ts';

export const applyImportCommand: Command<{ plan: ImportPlan; target: ImportTarget }> = {
  id: 'import.apply',
  label: 'cmd.importApply',
  mutates: true,
  gate: (e) => mayChangeStructure(e, 'boards'),
  run: (e, { plan, target }) => {
    // Into an existing board: on free space near the middle of the view (the gate's placement).
    const result = applyImport(e.doc, plan, target, {
      origin: e.origin,
      placement: importPlacement(e),
    });
    const to = target.kind === 'board' ? target.boardId : result.boardIds[0];
    if (!to) return;
    // What arrived is in view: the board is fitted (a block larger than the view goes beside it).
    e.viewports.delete(to);
    if (e.boardId.get() === to) zoomToFit(e);
    else e.boardId.set(to);
  },
};

export const importCommands: AnyCommand[] = [applyImportCommand];
