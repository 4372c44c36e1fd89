// The shortcut overview (`?`), generated from the registered commands plus
// the pointer gestures that are not commands.
import { describeShortcut, isMac } from '../commands/registry.ts';
import type { Editor } from '../editor/Editor.ts';
import { mayChangeStructure } from '../gate/noteGate.ts';
import type { MessageKey } from '../i18n/de.ts';
import { useI18n, useT } from '../i18n/I18nProvider.tsx';
import { Dialog } from '../ui/Dialog.tsx';

const GESTURES: [MessageKey, MessageKey][] = [
  ['help.create', 'help.createKeys'],
  ['cmd.edit', 'help.editKeys'],
  ['help.endEdit', 'help.endEditKeys'],
  ['help.select', 'help.selectKeys'],
  ['cmd.nudge', 'help.nudgeKeys'],
  ['help.pan', 'help.panKeys'],
  ['help.zoom', 'help.zoomKeys'],
];

export function ShortcutHelp({ editor, onClose }: { editor: Editor; onClose(): void }) {
  const t = useT();
  const { lang } = useI18n();
  // A gesture row already names its keys (editing, nudging): its command is not listed twice.
  const seen = new Set<string>(GESTURES.map(([what]) => what));
  const frames = mayChangeStructure(editor, 'clusters').allowed;
  const commands = editor.commands
    .all()
    .filter((c) => c.shortcuts?.length && !c.id.startsWith('selection.nudge'))
    .filter((c) => !(c.mutates && editor.readOnly))
    // Only what this person can do: frames are the facilitator's.
    .filter((c) => frames || !c.id.startsWith('cluster.'))
    .filter((c) => {
      if (seen.has(c.label)) return false;
      seen.add(c.label);
      return true;
    });
  return (
    // Opens at its top (the heading), not scrolled down to the close button.
    <Dialog title={t('help.heading')} className="help" onClose={onClose} initialFocus="heading">
      <dl className="shortcuts">
        {GESTURES.map(([what, how]) => (
          <div key={what}>
            <dt>{t(what)}</dt>
            <dd>{t(how)}</dd>
          </div>
        ))}
        {commands.map((c) => (
          <div key={c.id}>
            <dt>{t(c.label)}</dt>
            <dd>
              {c.shortcuts
                ?.filter((s) => !s.alternate)
                .map((s) => (
                  <kbd key={describeShortcut(s, isMac, lang)}>
                    {describeShortcut(s, isMac, lang)}
                  </kbd>
                ))}
            </dd>
          </div>
        ))}
      </dl>
      <div className="dialog-actions">
        <button type="button" className="button primary" onClick={onClose}>
          {t('help.close')}
        </button>
      </div>
    </Dialog>
  );
}
