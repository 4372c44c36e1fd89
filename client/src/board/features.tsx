// Everything a workshop's board is made of, declared once and given to the
// editor when it is created (board/WorkshopPage.tsx): the commands (each
// registered exactly once), the side panels and the extras under each note in
// the outline. A feature contributes entries to these lists; it never
// re-registers or wraps another's command.
import { lazy, Suspense } from 'react';
import { openMenuCommand } from '../clusters/ContextMenu.tsx';
import { clusterCommands } from '../clusters/clusterCommands.ts';
import { defaultCommands } from '../commands/defaultCommands.ts';
import type { AnyCommand } from '../commands/types.ts';
import { ExportPanel } from '../export/ExportPanel.tsx';
import { exportCommands } from '../export/exportCommands.ts';
import { FacilitationPanel } from '../facilitation/FacilitationPanel.tsx';
import { facilitationCommands } from '../facilitation/facilitationCommands.ts';
import { facilitationState } from '../facilitation/useFacilitationState.ts';
import { hiddenCommands } from '../hidden/hiddenCommands.ts';
import { IdentitiesSection } from '../identities/IdentitiesSection.tsx';
import { importCommands } from '../import/importCommands.ts';
import { OutlineView } from '../outline/OutlineView.tsx';
import { PeoplePanel } from '../presence/PeoplePanel.tsx';
import { SummaryPanel } from '../summary/SummaryPanel.tsx';
import { OutlineVoteControls } from '../voting/OutlineVoteControls.tsx';
import { VotingPanel } from '../voting/VotingPanel.tsx';
import { voteCommands } from '../voting/voteCommands.ts';
import type { OutlineNoteExtra, PanelDefinition } from './extensions.ts';

// The share panel draws QR codes (the qrcode library): loaded when first opened.
const SharePanel = lazy(() => import('./SharePanel.tsx').then((m) => ({ default: m.SharePanel })));

export const workshopCommands: readonly AnyCommand[] = [
  ...defaultCommands,
  ...exportCommands,
  ...importCommands,
  ...clusterCommands,
  openMenuCommand,
  ...voteCommands,
  ...facilitationCommands,
  ...hiddenCommands,
];

export const workshopPanels: readonly PanelDefinition[] = [
  { id: 'outline', label: 'panel.outline', order: 0, render: (e) => <OutlineView editor={e} /> },
  {
    id: 'share',
    label: 'panel.share',
    order: 10,
    available: (e) => e.role === 'facilitator',
    render: (e) => (
      <Suspense fallback={null}>
        <SharePanel editor={e} />
      </Suspense>
    ),
  },
  {
    id: 'people',
    label: 'panel.people',
    order: 20,
    // Facilitators also see who holds a participant identity, and revoke one.
    render: (e) => (
      <>
        <PeoplePanel editor={e} />
        {e.role === 'facilitator' && <IdentitiesSection editor={e} />}
      </>
    ),
  },
  // Viewers may download the documentation too; the import part is the facilitator's.
  { id: 'export', label: 'panel.export', render: (e) => <ExportPanel editor={e} /> },
  {
    id: 'facilitation',
    label: 'panel.facilitation',
    available: (e) => e.role === 'facilitator',
    render: (e) => <FacilitationPanel editor={e} />,
  },
  {
    id: 'voting',
    label: 'panel.voting',
    available: (e) => e.role !== 'facilitator' && facilitationState(e).round.boardId !== null,
    render: (e) => <VotingPanel editor={e} />,
  },
  { id: 'summary', label: 'panel.summary', render: (e) => <SummaryPanel editor={e} /> },
];

export const workshopOutlineExtras: readonly OutlineNoteExtra[] = [
  { id: 'votes', render: (e, note) => <OutlineVoteControls editor={e} note={note} /> },
];
