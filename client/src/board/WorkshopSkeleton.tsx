// The workshop page while its code and its first answers load: the board
// page's layout (BoardPage.tsx) with what the board's cards already tell
// — the workshop's title, its boards, the first board's heading — and none
// of its controls, and over its canvas area the board's first cards
// (canvas/earlyCards.ts). It uses the board page's own classes, so that the
// board's canvas comes to lie where the skeleton's lay and the cards do not
// move when the page arrives (e2e board-first-cards holds it to that).
import type { Role } from '@pinnwand/shared/protocol/roles';
import { useLayoutEffect, useRef } from 'react';
import { showEarlyCards } from '../canvas/earlyCards.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { rememberedSession } from '../session/remembered.ts';
import { openingCards } from '../sync/boardPreview.ts';
import { isNarrowScreen } from '../ui/narrowScreen.ts';
import { useStore } from '../ui/store.ts';

/**
 * `role`: the link's role once the server said it; until then the role this
 * device was last given here, if any — a facilitator's heading has the
 * "rename" button, which makes it taller (and, on a phone, shown at all), so
 * a skeleton without it let the canvas move down when the page arrived.
 */
export function WorkshopSkeleton({ workshopId, role }: { workshopId: string; role?: Role }) {
  const t = useT();
  const facilitator = (role ?? rememberedSession(workshopId)?.role) === 'facilitator';
  const cards = useStore(openingCards);
  const area = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (cards && area.current) showEarlyCards(area.current, cards);
  }, [cards]);
  const board = cards?.boards.find((b) => b.id === cards.boardId) ?? null;
  return (
    <div className="workshop workshop-skeleton" aria-busy="true">
      <p className="visually-hidden" role="status">
        {t('session.loading')}
      </p>
      <div className="app-header" aria-hidden="true">
        <span className="brand">
          <span className="brand-mark" />
          <span className="brand-name">{t('app.name')}</span>
        </span>
        <h1 className="workshop-title">{cards?.title}</h1>
        {/* The tallest of the header's controls (the name button with its
            face): on a phone it sets the height of the header's first row. */}
        <span className="header-actions">
          <span className="button small skeleton-control">
            <span className="avatar small" />
          </span>
        </span>
      </div>
      {cards && (
        <div className="tabs-wrap" aria-hidden="true">
          <div className="board-tabs">
            <div className="board-tab-list">
              {cards.boards.map((b) => (
                <span
                  key={b.id}
                  className="board-tab"
                  data-selected={b.id === cards.boardId || undefined}
                >
                  {b.title || '…'}
                </span>
              ))}
            </div>
          </div>
        </div>
      )}
      <div className="mobile-switch" aria-hidden="true">
        <span className="button small" data-pressed>
          {t('view.canvas')}
        </span>
        <span className="button small">{t('view.outline')}</span>
      </div>
      <div className="workspace" aria-hidden="true">
        <div className="board-main">
          {board && (
            <div className="board-heading">
              <div className="board-heading-text">
                <h2>{board.title}</h2>
                {board.question && <p className="question">{board.question}</p>}
              </div>
              {facilitator && <span className="button small">{t('boards.rename')}</span>}
            </div>
          )}
          <div className="board-stage">
            <div className="canvas-area" ref={area}>
              <div className="board-canvas" />
            </div>
          </div>
        </div>
        {/* As Editor.ts opens the side panel: beside the board on a wide screen. */}
        {!isNarrowScreen() && <div className="side-panel" />}
      </div>
    </div>
  );
}
