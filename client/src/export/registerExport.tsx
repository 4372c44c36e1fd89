// Hooks the export/import feature into the board: one side panel, shown to
// everyone (viewers may download the documentation; the import part is for
// facilitators only). Imported once by the board page.
import { registerPanel } from '../board/extensions.ts';
import { ExportPanel } from './ExportPanel.tsx';

registerPanel({
  id: 'export',
  label: 'panel.export',
  render: (editor) => <ExportPanel editor={editor} />,
});
