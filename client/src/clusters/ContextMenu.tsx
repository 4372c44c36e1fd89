// The context menu of notes and cluster frames (right-click, the context-menu
// key or Shift+F10): move to a cluster, take out of a cluster, give or take
// back a dot, and for frames rename, tidy up, reorder, bring everyone here,
// dissolve. A real menu of buttons, operated by arrow keys, Enter and Esc.
import type { ClusterId } from '@pinnwand/shared/model/ids';
import { type KeyboardEvent, type ReactNode, useEffect, useRef } from 'react';
import type { Command } from '../commands/types.ts';
import type { Editor } from '../editor/Editor.ts';
import type { MenuState } from '../facilitation/facilitation.ts';
import { facilitationMessages } from '../facilitation/messages.ts';
import { useFacilitationState } from '../facilitation/useFacilitationState.ts';
import { bringEveryone } from '../follow/follow.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useClusters } from '../model/useDoc.ts';
import { useStore } from '../ui/store.ts';
import { canEditClusters } from './clusterCommands.ts';

function focusCanvas() {
  (document.querySelector('.board-canvas') as HTMLElement | null)?.focus({ preventScroll: true });
}

export function ContextMenu({ editor }: { editor: Editor }) {
  const menu = useStore(editor.facilitation.menu);
  if (!menu) return null;
  return <MenuBody editor={editor} menu={menu} />;
}

function MenuBody({ editor, menu }: { editor: Editor; menu: MenuState }) {
  const ft = useT(facilitationMessages);
  const f = editor.facilitation;
  const boardId = useStore(editor.boardId);
  const clusters = useClusters(editor.index, boardId ?? ('' as never));
  const { round } = useFacilitationState(editor);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    const onDown = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) f.menu.set(null);
    };
    window.addEventListener('pointerdown', onDown, true);
    return () => window.removeEventListener('pointerdown', onDown, true);
  }, [f.menu]);

  const close = (refocus = true) => {
    f.menu.set(null);
    if (refocus) focusCanvas();
  };
  const act = (fn: () => void) => () => {
    fn();
    close();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const items = [
      ...(ref.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? []),
    ];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      e.stopPropagation();
      const next = items[(at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length];
      next?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      (e.key === 'Home' ? items[0] : items[items.length - 1])?.focus();
    } else if (e.key === 'Tab') {
      e.preventDefault();
      close();
    }
  };

  const items: ReactNode[] = [];
  const item = (key: string, label: string, run: () => void, disabled = false, className = '') =>
    items.push(
      <button
        key={key}
        type="button"
        role="menuitem"
        className={`menu-item ${className}`}
        disabled={disabled}
        onClick={act(run)}
      >
        {label}
      </button>,
    );
  const separator = (key: string) => items.push(<hr key={key} className="menu-sep" />);

  if (menu.kind === 'note') {
    const notes = menu.ids.map((id) => editor.index.note(id)).filter((n) => n !== undefined);
    if (round.open && round.boardId === boardId && editor.role !== 'viewer') {
      const [first] = menu.ids;
      if (first) {
        item('vote+', ft('vote.add'), () => editor.commands.run(editor, 'vote.give', first));
        item(
          'vote-',
          ft('vote.remove'),
          () => editor.commands.run(editor, 'vote.takeBack', first),
          !notes[0]?.votes.byParticipant[editor.userId],
        );
        separator('s1');
      }
    }
    if (!editor.readOnly) {
      if (clusters.length > 0) {
        items.push(
          <div key="h" className="menu-heading" role="presentation">
            {ft('cluster.moveTo')}
          </div>,
        );
        for (const c of clusters) {
          item(
            `c${c.id}`,
            c.title || ft('cluster.newTitle'),
            () =>
              editor.commands.run(editor, 'notes.toCluster', { ids: menu.ids, clusterId: c.id }),
            notes.every((n) => n.clusterId === c.id),
            'indent',
          );
        }
      }
      if (notes.some((n) => n.clusterId && clusters.some((c) => c.id === n.clusterId)))
        item('leave', ft('cluster.leave'), () =>
          editor.commands.run(editor, 'notes.leaveCluster', menu.ids),
        );
      if (canEditClusters(editor))
        item('new', ft('cluster.fromSelection'), () => editor.commands.run(editor, 'cluster.add'));
    }
  } else {
    const id = menu.id;
    const at = clusters.findIndex((c) => c.id === id);
    item('rename', ft('cluster.rename'), () => f.renaming.set(id));
    item('tidy', ft('cluster.tidy'), () => editor.commands.run(editor, 'cluster.tidy', id));
    item(
      'up',
      ft('cluster.moveUp'),
      () => editor.commands.run(editor, 'cluster.reorder', { id, by: -1 }),
      at <= 0,
    );
    item(
      'down',
      ft('cluster.moveDown'),
      () => editor.commands.run(editor, 'cluster.reorder', { id, by: 1 }),
      at >= clusters.length - 1,
    );
    item('bring', ft('cluster.bringHere'), () => bringEveryone(editor, id as ClusterId));
    separator('s2');
    item(
      'delete',
      ft('cluster.delete'),
      () => editor.commands.run(editor, 'cluster.delete', id),
      false,
      'danger',
    );
  }
  // A separator never ends the menu (the vote items alone, for a participant).
  while (items.length > 0 && (items[items.length - 1] as { type?: unknown }).type === 'hr')
    items.pop();
  if (items.length === 0) return null;
  const stage = editor.stageSize.get();
  const left = Math.min(menu.x, Math.max(0, stage.width - 240));
  const top = Math.min(menu.y, Math.max(0, stage.height - 40 - items.length * 34));
  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label={ft('menu.label')}
      style={{ left, top }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {items}
    </div>
  );
}

/** Opens the note menu by keyboard, at the first selected note. */
export const openMenuCommand: Command = {
  id: 'menu.open',
  label: 'cmd.contextMenu',
  shortcuts: [{ key: 'F10', shift: true }, { key: 'ContextMenu' }],
  mutates: false,
  enabled: (e: Editor) => e.selection.get().size > 0,
  run: (e: Editor) => {
    const ids = [...e.selection.get()];
    const first = ids[0] ? e.index.note(ids[0]) : undefined;
    if (!first) return;
    const view = e.viewport.get();
    e.facilitation.menu.set({
      kind: 'note',
      ids,
      x: Math.max(8, first.x * view.scale + view.x + 24),
      y: Math.max(8, first.y * view.scale + view.y + 24),
    });
  },
};
