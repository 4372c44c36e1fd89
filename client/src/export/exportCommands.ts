// Export and import as commands (one registered action per user action, as
// everywhere in the app): the panel's buttons and any other entry point run
// the same thing. Exports read only, so viewers have them too; the import is
// the facilitator's.
import type { AnyCommand, Command } from '../commands/types.ts';
import type { MessageKey } from '../i18n/de.ts';
import { type ExportFormat, exportStateOf, openExportPanel, runExport } from './exportState.ts';

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

export const exportCommands: AnyCommand[] = [
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
      exportStateOf(editor).importing.set(true);
    },
  },
];
