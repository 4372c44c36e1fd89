// Registers the facilitation panels with the board's extension points.
import { registerOutlineNoteExtra, registerPanel } from '../board/extensions.ts';
import { SummaryPanel } from '../summary/SummaryPanel.tsx';
import { OutlineVoteControls } from '../voting/OutlineVoteControls.tsx';
import { VotingPanel } from '../voting/VotingPanel.tsx';
import { FacilitationPanel } from './FacilitationPanel.tsx';
import { facilitationState } from './useFacilitationState.ts';

registerPanel({
  id: 'facilitation',
  label: 'panel.facilitation',
  available: (e) => e.role === 'facilitator',
  render: (e) => <FacilitationPanel editor={e} />,
});
registerPanel({
  id: 'voting',
  label: 'panel.voting',
  available: (e) => e.role !== 'facilitator' && facilitationState(e).round.boardId !== null,
  render: (e) => <VotingPanel editor={e} />,
});
registerPanel({
  id: 'summary',
  label: 'panel.summary',
  render: (e) => <SummaryPanel editor={e} />,
});
registerOutlineNoteExtra({
  id: 'votes',
  render: (e, note) => <OutlineVoteControls editor={e} note={note} />,
});
