// The workshop screen: header (title, connection, people, language, name),
// board tabs, the board's heading, the canvas with its toolbar, and the side
// panel (outline, invitations, people — plus whatever features register).

import type { SessionInfo } from '@pinnwand/shared/protocol/http';
import { useEffect, useRef, useState } from 'react';
import { BoardCanvas } from '../canvas/BoardCanvas.tsx';
import { WriterPrompt } from '../canvas/WriterPrompt.tsx';
import { useKeyboardShortcuts } from '../commands/useKeyboardShortcuts.ts';
import type { Editor, PanelId } from '../editor/Editor.ts';
import {
  FacilitationBar,
  FacilitationCanvas,
  FacilitationServices,
  FacilitationToasts,
} from '../facilitation/FacilitationRoot.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { useBoards, useMeta } from '../model/useDoc.ts';
import { OutlineView } from '../outline/OutlineView.tsx';
import { Avatar } from '../presence/Avatar.tsx';
import { useInitials, usePeople } from '../presence/PeoplePanel.tsx';
import { navigate } from '../routing/useRoute.ts';
import { useIdentity } from '../session/identity.ts';
import { NamePrompt } from '../session/NamePrompt.tsx';
import { ConnectionBadge } from '../sync/ConnectionBadge.tsx';
import type { Connection } from '../sync/connection.ts';
import { Icon } from '../ui/Icon.tsx';
import { useStore } from '../ui/store.ts';
import { BoardBanners } from './BoardBanners.tsx';
import { BoardHeading } from './BoardHeading.tsx';
import { BoardLoadingHint } from './BoardLoadingHint.tsx';
import { BoardTabs } from './BoardTabs.tsx';
import { ConnectionBanner } from './ConnectionBanner.tsx';
import { EmptyBoardHint } from './EmptyBoardHint.tsx';
import { availablePanels } from './extensions.ts';
import { ShortcutHelp } from './ShortcutHelp.tsx';
import { Toolbar } from './Toolbar.tsx';

interface Props {
  connection: Connection;
  editor: Editor;
  session: SessionInfo;
}

export function BoardPage({ connection, editor, session }: Props) {
  const t = useT();
  const documentBoards = useBoards(editor.index);
  // The server's preview stands in for the document until it is here (sync/boardPreview.ts).
  const preview = useStore(editor.preview);
  const boards = preview?.boards ?? documentBoards;
  const { meta } = useMeta(editor.index);
  const boardId = useStore(editor.boardId);
  const ui = useStore(editor.ui);
  const identity = useIdentity();
  const [renaming, setRenaming] = useState(false);
  const { readOnly } = useStore(editor.access);
  const label = useInitials(editor);
  useKeyboardShortcuts(editor);

  // A new name or colour is published; the id stays the participant id the
  // server derives from this device's key (presence, votes and authorship agree).
  useEffect(() => editor.user.set({ ...identity, id: editor.userId }), [editor, identity]);
  useEffect(() => {
    if (boards.length === 0) return;
    if (!boardId || !boards.some((b) => b.id === boardId))
      editor.boardId.set(boards[0]?.id ?? null);
  }, [editor, boards, boardId]);

  const title = meta?.title ?? (preview?.title || session.title);
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);

  const board = boards.find((b) => b.id === boardId) ?? null;
  const panels = availablePanels(editor);
  const panel = panels.find((p) => p.id === ui.panel) ?? null;
  // The panel the toggle reopens: the one shown last (the outline at first).
  const lastPanel = useRef<PanelId>('outline');
  if (ui.panel) lastPanel.current = ui.panel;
  // Another panel opens at its top (its heading), not where the last one was scrolled to.
  const sidePanel = useRef<HTMLElement>(null);
  const panelId = panel?.id;
  useEffect(() => {
    if (panelId && sidePanel.current) sidePanel.current.scrollTop = 0;
  }, [panelId]);
  const readOnlyBanner = readOnly && readOnly.kind !== 'locked' && (
    <p className="viewer-banner" role="note">
      {readOnly.kind === 'newerDocument'
        ? t('session.readOnlyDoc', { version: readOnly.detail })
        : t('viewer.banner')}
    </p>
  );
  const togglePanel = (id: PanelId) =>
    editor.ui.update((s) => ({ ...s, panel: s.panel === id ? null : id }));

  return (
    <div className="workshop" data-role={editor.role} data-mobile-view={ui.mobileView}>
      <header className="app-header">
        <a
          className="brand"
          href="/"
          onClick={(e) => {
            e.preventDefault();
            navigate('/');
          }}
        >
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('app.name')}</span>
        </a>
        <h1 className="workshop-title">{title}</h1>
        <ConnectionBadge connection={connection} />
        <div className="header-actions">
          <PresenceButton editor={editor} onClick={() => togglePanel('people')} />
          <button
            type="button"
            className="button small panel-toggle"
            aria-expanded={ui.panel !== null}
            onClick={() =>
              editor.ui.update((s) => ({ ...s, panel: s.panel ? null : lastPanel.current }))
            }
          >
            <Icon name="panel" size={18} />
            <span className="panel-toggle-text">{t('panel.toggle')}</span>
          </button>
          <LanguageSwitch compact />
          <button
            type="button"
            className="button small me"
            onClick={() => setRenaming(true)}
            title={t('name.change')}
          >
            <Avatar label={label(editor.userId, identity.name)} color={identity.color} small />
            <span className="visually-hidden">{t('name.change')}: </span>
            <span className="me-name">{identity.name}</span>
          </button>
        </div>
      </header>
      <FacilitationServices editor={editor} />
      <BoardTabs editor={editor} boards={boards} current={boardId} />
      <nav className="mobile-switch" aria-label={`${t('view.canvas')} / ${t('view.outline')}`}>
        {(['canvas', 'outline'] as const).map((v) => (
          <button
            key={v}
            type="button"
            className="button small"
            aria-pressed={ui.mobileView === v}
            onClick={() => editor.ui.update((s) => ({ ...s, mobileView: v }))}
          >
            {t(v === 'canvas' ? 'view.canvas' : 'view.outline')}
          </button>
        ))}
      </nav>
      <div className="workspace">
        <main className="board-main">
          {board ? (
            <>
              <BoardHeading editor={editor} board={board} />
              <div className="board-stage">
                <BoardBanners editor={editor}>
                  <ConnectionBanner connection={connection} />
                  {readOnlyBanner}
                  <FacilitationBar editor={editor} />
                </BoardBanners>
                <div className="canvas-area">
                  <BoardCanvas editor={editor} boardId={board.id} boardTitle={board.title} />
                  <FacilitationCanvas editor={editor} boardId={board.id} />
                  <WriterPrompt editor={editor} />
                  <EmptyBoardHint editor={editor} boardId={board.id} />
                  <BoardLoadingHint editor={editor} />
                  <Toolbar editor={editor} />
                </div>
              </div>
            </>
          ) : (
            <>
              {readOnlyBanner}
              <p className="muted board-none">
                {t(boards.length === 0 ? 'session.loading' : 'boards.none')}
              </p>
            </>
          )}
          <FacilitationToasts editor={editor} />
        </main>
        {/* The phone's outline view, mounted only while chosen: hidden, it would
            arrange and render every note again beside the side panel's. */}
        {ui.mobileView === 'outline' && (
          <div className="mobile-outline">
            <OutlineView editor={editor} />
          </div>
        )}
        {panel && (
          <aside
            ref={sidePanel}
            id="side-panel"
            className={`side-panel side-panel-${panel.id}`}
            aria-label={t(panel.label)}
          >
            <div className="panel-tabs">
              <nav aria-label={t('panel.sections')}>
                {panels.map((p) => (
                  <button
                    key={p.id}
                    type="button"
                    className={`panel-tab panel-tab-${p.id}`}
                    aria-pressed={p.id === panel.id}
                    // A tab shows its section; closing is the × beside them (a
                    // second click on the open section used to close the panel).
                    onClick={() => editor.ui.update((s) => ({ ...s, panel: p.id }))}
                  >
                    {t(p.label)}
                  </button>
                ))}
              </nav>
              <button
                type="button"
                className="panel-close"
                aria-label={t('panel.close')}
                onClick={() => editor.ui.update((s) => ({ ...s, panel: null }))}
              >
                ×
              </button>
            </div>
            {panel.render(editor)}
          </aside>
        )}
      </div>
      {ui.helpOpen && (
        <ShortcutHelp
          editor={editor}
          onClose={() => editor.ui.update((s) => ({ ...s, helpOpen: false }))}
        />
      )}
      {renaming && (
        <NamePrompt
          identity={identity}
          onDone={() => setRenaming(false)}
          onCancel={() => setRenaming(false)}
        />
      )}
    </div>
  );
}

function PresenceButton({ editor, onClick }: { editor: Editor; onClick(): void }) {
  const t = useT();
  const people = usePeople(editor);
  const label = useInitials(editor);
  const shown = people.slice(0, 4);
  return (
    <button type="button" className="presence-button" onClick={onClick}>
      <span className="avatars" aria-hidden="true">
        {shown.map((p) => (
          <Avatar
            key={p.clientId}
            label={label(p.user.id, p.user.name)}
            color={p.user.color}
            title={p.user.name}
            small
          />
        ))}
      </span>
      <span className="presence-count">{t('presence.count', { count: people.length + 1 })}</span>
    </button>
  );
}
