// Summaries: one collaborative text per board and one for the workshop, each
// a textarea bound to its Y.Text (minimal diffs with this person's origin, so
// two facilitators can write at once and undo covers typing). "Draft from
// clusters" fills in the cluster headings and their most-voted notes as a
// starting outline.
import {
  draftBoardSummary,
  draftWorkshopSummary,
} from '@pinnwand/shared/facilitation/summaryDraft';
import type { BoardId } from '@pinnwand/shared/model/ids';
import { WORKSHOP_SUMMARY_KEY } from '@pinnwand/shared/model/schema';
import type { SummaryTarget } from '@pinnwand/shared/model/summary';
import { ensureSummaryText, getSummaryText } from '@pinnwand/shared/ops/summaryOps';
import { replaceText, transact } from '@pinnwand/shared/ops/transact';
import { useEffect, useId, useRef } from 'react';
import * as Y from 'yjs';
import type { Editor } from '../editor/Editor.ts';
import { type FTranslate, useFT } from '../facilitation/messages.ts';
import { useBoards } from '../model/useDoc.ts';
import { useStore } from '../ui/store.ts';

function bindSummary(
  editor: Editor,
  target: SummaryTarget,
  textarea: HTMLTextAreaElement,
): () => void {
  let ytext = getSummaryText(editor.doc, target);
  let anchor: Y.RelativePosition | null = null;
  let head: Y.RelativePosition | null = null;
  const remember = () => {
    if (!ytext) return;
    anchor = Y.createRelativePositionFromTypeIndex(ytext, textarea.selectionStart);
    head = Y.createRelativePositionFromTypeIndex(ytext, textarea.selectionEnd);
  };
  const onRemote = (_e: Y.YTextEvent, tr: Y.Transaction) => {
    if (!ytext || tr.origin === editor.origin) return;
    const value = ytext.toString();
    if (value === textarea.value) return;
    const focused = document.activeElement === textarea;
    textarea.value = value;
    if (!focused || !anchor || !head) return;
    const a = Y.createAbsolutePositionFromRelativePosition(anchor, editor.doc);
    const h = Y.createAbsolutePositionFromRelativePosition(head, editor.doc);
    if (a && h) textarea.setSelectionRange(a.index, h.index);
  };
  const attach = () => {
    textarea.value = ytext?.toString() ?? '';
    ytext?.observe(onRemote);
  };
  const onInput = () => {
    if (!ytext) {
      ytext = ensureSummaryText(editor.doc, target, editor.origin);
      ytext?.observe(onRemote);
    }
    if (!ytext) return;
    const text = ytext;
    transact(editor.doc, editor.origin, () => replaceText(text, textarea.value));
    remember();
  };
  attach();
  remember();
  textarea.addEventListener('input', onInput);
  textarea.addEventListener('select', remember);
  textarea.addEventListener('keyup', remember);
  return () => {
    textarea.removeEventListener('input', onInput);
    textarea.removeEventListener('select', remember);
    textarea.removeEventListener('keyup', remember);
    ytext?.unobserve(onRemote);
  };
}

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
  const ft = useFT();
  const ref = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const canWrite = editor.role === 'facilitator' && !editor.readOnly;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    return bindSummary(editor, target, el);
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
        <button type="button" className="button small" onClick={fill} data-action="summary-draft">
          {ft('summary.draft')}
        </button>
      ) : (
        <p className="muted small">{ft('summary.readOnly')}</p>
      )}
    </section>
  );
}

export function SummaryPanel({ editor }: { editor: Editor }) {
  const ft = useFT();
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
