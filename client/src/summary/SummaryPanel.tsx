// Summaries: one collaborative text per board and one for the workshop, each
// a textarea bound to its Y.Text (editor/textBinding.ts: two facilitators can
// write at once and undo covers typing). "Draft from clusters" fills in the
// cluster headings and their most-voted notes as a starting outline.
import {
  draftBoardSummary,
  draftWorkshopSummary,
} from '@pinnwand/shared/facilitation/summaryDraft';
import type { BoardId } from '@pinnwand/shared/model/ids';
import { WORKSHOP_SUMMARY_KEY } from '@pinnwand/shared/model/schema';
import type { SummaryTarget } from '@pinnwand/shared/model/summary';
import { useEffect, useId, useRef } from 'react';
import type { Editor } from '../editor/Editor.ts';
import { bindTextarea, summaryText } from '../editor/textBinding.ts';
import { type FTranslate, facilitationMessages } from '../facilitation/messages.ts';
import { mayChangeStructure } from '../gate/noteGate.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useBoards } from '../model/useDoc.ts';
import { useStore } from '../ui/store.ts';

function labels(ft: FTranslate) {
  return {
    unclustered: ft('summary.unclustered'),
    untitled: ft('cluster.newTitle'),
    votes: (count: number) => ft('summary.votes', { count }),
  };
}

function SummaryEditor({
  editor,
  target,
  heading,
  draft,
}: {
  editor: Editor;
  target: SummaryTarget;
  heading: string;
  draft: () => string;
}) {
  const ft = useT(facilitationMessages);
  const ref = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const canWrite = mayChangeStructure(editor, 'summaries').allowed;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    return bindTextarea(editor, summaryText(target), el);
  }, [editor, target]);
  const fill = () => {
    const el = ref.current;
    if (!el) return;
    if (el.value.trim() !== '' && !window.confirm(ft('summary.draftConfirm'))) return;
    el.value = draft();
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.focus();
  };
  return (
    <section className="fac-section summary-editor" data-summary={target}>
      <h3>
        <label htmlFor={id}>{heading}</label>
      </h3>
      <textarea id={id} ref={ref} rows={10} readOnly={!canWrite} className="summary-text" />
      {canWrite ? (
        <button
          type="button"
          className="button small"
          onClick={fill}
          data-action="summary-draft"
          // Two of these in the panel: the name says which summary (it starts
          // with the visible text, so speech input finds it by what it shows).
          aria-label={`${ft('summary.draft')}: ${heading}`}
        >
          {ft('summary.draft')}
        </button>
      ) : (
        <p className="muted small">{ft('summary.readOnly')}</p>
      )}
    </section>
  );
}

export function SummaryPanel({ editor }: { editor: Editor }) {
  const ft = useT(facilitationMessages);
  const boards = useBoards(editor.index);
  const boardId = useStore(editor.boardId);
  const board = boards.find((b) => b.id === boardId);
  return (
    <section className="fac-panel" aria-labelledby="summary-h">
      <h2 id="summary-h" className="panel-title">
        {ft('summary.panel')}
      </h2>
      {board && (
        <SummaryEditor
          key={board.id}
          editor={editor}
          target={board.id as BoardId}
          heading={ft('summary.board', { board: board.title })}
          draft={() => draftBoardSummary(editor.doc, board.id, labels(ft))}
        />
      )}
      <SummaryEditor
        editor={editor}
        target={WORKSHOP_SUMMARY_KEY}
        heading={ft('summary.workshop')}
        draft={() => draftWorkshopSummary(editor.doc, labels(ft))}
      />
    </section>
  );
}
