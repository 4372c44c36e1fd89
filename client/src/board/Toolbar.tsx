// The floating toolbar: command buttons from `toolbarGroups`, plus the colour
// choice when notes are selected. Buttons for changes are not offered to viewers.
import type { NoteColor } from '@pinnwand/shared/model/colors';
import { NOTE_COLOR_HEX } from '@pinnwand/shared/model/colors';
import { Fragment, useRef, useSyncExternalStore } from 'react';
import { TOOLBAR_ROOM } from '../canvas/boardFit.ts';
import { noteColors } from '../commands/noteCommands.ts';
import { ariaShortcut, describeShortcut, isMac } from '../commands/registry.ts';
import type { Editor } from '../editor/Editor.ts';
import { useI18n, useT } from '../i18n/I18nProvider.tsx';
import { Icon } from '../ui/Icon.tsx';
import { useStore, useStoreSelect } from '../ui/store.ts';
import { useRoomAtBottom } from '../ui/useRoomAtBottom.ts';
import { toolbarGroups } from './extensions.ts';

/** The zoom level ("80 %" in German, "80%" in English); pressing it returns to actual size. */
function ZoomLevel({ editor }: { editor: Editor }) {
  const t = useT();
  const percent = useStoreSelect(editor.viewport, (v) => Math.round(v.scale * 100));
  return (
    <button
      type="button"
      className="tool zoom-level"
      title={t('cmd.zoomReset')}
      onClick={() => editor.commands.run(editor, 'view.reset')}
    >
      {t('zoom.level', { percent })}
      <span className="visually-hidden"> – {t('cmd.zoomReset')}</span>
    </button>
  );
}

export function Toolbar({ editor }: { editor: Editor }) {
  const t = useT();
  const { lang } = useI18n();
  // Re-render when anything that decides availability changes.
  useStore(editor.selection);
  useStore(editor.boardId);
  // A refused button stays pressable to say why (the board loading …).
  useStore(editor.preview);
  useStore(editor.access);
  useSyncExternalStore(
    (l) => {
      const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;
      for (const name of events) editor.undo.on(name, l);
      return () => {
        for (const name of events) editor.undo.off(name, l);
      };
    },
    () => `${editor.undo.undoStack.length}:${editor.undo.redoStack.length}`,
  );
  const hasSelection = editor.selection.get().size > 0;
  const bar = useRef<HTMLDivElement>(null);
  useRoomAtBottom(bar, editor.canvas.bottomInset, TOOLBAR_ROOM);
  return (
    <div ref={bar} className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      {toolbarGroups.map((group) => {
        const buttons = group
          .map((id) => editor.commands.get(id))
          .filter((c) => c !== undefined && !(c.mutates && editor.readOnly));
        if (buttons.length === 0) return null;
        return (
          <div className="toolbar-group" key={group.join()}>
            {buttons.map((command) => {
              if (!command) return null;
              const shortcut = command.shortcuts?.[0];
              const label = t(command.label);
              const title = shortcut
                ? `${label} (${describeShortcut(shortcut, isMac, lang)})`
                : label;
              const button = (
                <button
                  key={command.id}
                  type="button"
                  className={`tool${command.id === 'note.add' ? ' tool-primary' : ''}`}
                  title={title}
                  aria-label={label}
                  aria-keyshortcuts={shortcut ? ariaShortcut(shortcut) : undefined}
                  disabled={!editor.commands.offered(editor, command)}
                  onClick={() => editor.commands.run(editor, command.id)}
                  data-command={command.id}
                >
                  <Icon name={command.icon ?? 'plus'} />
                  {command.id === 'note.add' && <span className="tool-text">{label}</span>}
                </button>
              );
              // The zoom level sits between "smaller" and "larger".
              if (command.id !== 'view.zoomIn') return button;
              return (
                <Fragment key={command.id}>
                  <ZoomLevel editor={editor} />
                  {button}
                </Fragment>
              );
            })}
          </div>
        );
      })}
      {/* Always there (hidden without a selection), so the toolbar keeps its width and
          "Notiz hinzufügen" does not jump under the pointer when a note gets selected. */}
      {!editor.readOnly && (
        <fieldset
          className="toolbar-group colors"
          disabled={!hasSelection}
          aria-hidden={!hasSelection}
          style={hasSelection ? undefined : { visibility: 'hidden' }}
        >
          <legend className="visually-hidden">{t('color.label')}</legend>
          {noteColors.map((color: NoteColor) => (
            <button
              key={color}
              type="button"
              className="color-swatch"
              style={{ background: NOTE_COLOR_HEX[color] }}
              title={t('cmd.color', { color: t(`color.${color}`) })}
              aria-label={t('cmd.color', { color: t(`color.${color}`) })}
              data-color={color}
              onClick={() => editor.commands.run(editor, 'selection.color', color)}
            />
          ))}
        </fieldset>
      )}
    </div>
  );
}
