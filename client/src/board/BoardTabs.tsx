// The boards of the workshop as tabs. Facilitators can add one here; renaming,
// reordering and deleting are in the board's settings dialog.
import type { Board } from '@pinnwand/shared/model/board';
import type { BoardId } from '@pinnwand/shared/model/ids';
import { useEffect, useRef, useState } from 'react';
import { mayOpenBoardDialog, selectBoard } from '../commands/boardCommands.ts';
import type { Editor } from '../editor/Editor.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { NewBoardDialog } from './NewBoardDialog.tsx';

interface Props {
  editor: Editor;
  boards: Board[];
  current: BoardId | null;
}

export function BoardTabs({ editor, boards, current }: Props) {
  const t = useT();
  const list = useRef<HTMLDivElement>(null);
  const nav = useRef<HTMLElement>(null);
  const [adding, setAdding] = useState(false);
  // Which sides have more tabs than fit (a phone with four boards): shown as a hint.
  const [more, setMore] = useState('');
  useEffect(() => {
    const el = nav.current;
    if (!el) return;
    const measure = () => {
      const sides = [];
      if (el.scrollLeft > 2) sides.push('left');
      if (el.scrollLeft + el.clientWidth < el.scrollWidth - 2) sides.push('right');
      setMore(sides.join(' '));
    };
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => {
      el.removeEventListener('scroll', measure);
      observer.disconnect();
    };
  }, []);
  // The shown board's tab is scrolled into view.
  useEffect(() => {
    list.current
      ?.querySelector<HTMLElement>(`[data-board-id="${current}"]`)
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [current]);
  const canAdd = editor.commands.get('board.add') && editor.role === 'facilitator';
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const at = boards.findIndex((b) => b.id === current);
    const next = boards[(at + (e.key === 'ArrowRight' ? 1 : -1) + boards.length) % boards.length];
    if (!next) return;
    e.preventDefault();
    selectBoard(editor, next.id);
    list.current?.querySelector<HTMLButtonElement>(`[data-board-id="${next.id}"]`)?.focus();
  };
  return (
    <div className="tabs-wrap">
      <nav ref={nav} className="board-tabs" aria-label={t('boards.label')} data-more={more}>
        <div role="tablist" aria-label={t('boards.label')} ref={list} onKeyDown={onKeyDown}>
          {boards.map((board) => (
            <button
              key={board.id}
              type="button"
              role="tab"
              aria-selected={board.id === current}
              tabIndex={board.id === current ? 0 : -1}
              data-board-id={board.id}
              className="board-tab"
              onClick={() => selectBoard(editor, board.id)}
            >
              {board.title || '…'}
            </button>
          ))}
        </div>
        {canAdd && (
          <button
            type="button"
            className="button small"
            onClick={() => setAdding(mayOpenBoardDialog(editor))}
          >
            + {t('boards.add')}
          </button>
        )}
      </nav>
      {more.includes('left') && (
        <span className="tabs-hint tabs-hint-left" aria-hidden="true">
          ‹
        </span>
      )}
      {more.includes('right') && (
        <span className="tabs-hint tabs-hint-right" aria-hidden="true" data-tabs-more>
          ›
        </span>
      )}
      {adding && <NewBoardDialog editor={editor} onClose={() => setAdding(false)} />}
    </div>
  );
}
