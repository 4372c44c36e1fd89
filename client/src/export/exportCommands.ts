// Export and import as commands (one registered action per user action, as
// everywhere in the app): the panel's buttons and any other entry point run
// the same thing. Exports read only, so viewers have them too; the import is
// the facilitator's.
import type { CoverPatch } from '@pinnwand/shared/model/meta';
import { updateCover } from '@pinnwand/shared/ops/workshopOps';
import type { AnyCommand, Command } from '../commands/types.ts';
import { mayChangeStructure } from '../gate/noteGate.ts';
import type { MessageKey } from '../i18n/de.ts';
import { type ExportFormat, openExportPanel, runExport } from './exportState.ts';

function exportCommand(format: ExportFormat, label: MessageKey): Command {
  return {
    id: `export.${format}`,
    label,
    mutates: false,
    run(editor) {
      openExportPanel(editor);
      void runExport(editor, format);
    },
  };
}

/** The cover details every export prints: a workshop setting, the facilitator's. */
export const saveCoverCommand: Command<CoverPatch> = {
  id: 'workshop.cover',
  label: 'cmd.saveCover',
  mutates: true,
  gate: (editor) => mayChangeStructure(editor, 'settings'),
  run(editor, cover) {
    updateCover(editor.doc, cover, editor.origin);
  },
};

export const exportCommands: AnyCommand[] = [
  saveCoverCommand,
  exportCommand('pdf', 'cmd.exportPdf'),
  exportCommand('md', 'cmd.exportMarkdown'),
  exportCommand('csv', 'cmd.exportCsv'),
  exportCommand('json', 'cmd.exportJson'),
  exportCommand('json-anonymous', 'cmd.exportJsonWithoutNames'),
  exportCommand('png', 'cmd.exportPng'),
  {
    id: 'import.open',
    label: 'cmd.import',
    mutates: true,
    enabled: (editor) => editor.role === 'facilitator',
    run(editor) {
      openExportPanel(editor);
      editor.exports.importing.set(true);
    },
  },
];
