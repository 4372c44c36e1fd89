// The outline's form for a note's text (a note in the document, or this
// device's hidden note): Esc keeps the draft, like everywhere, so it saves;
// Ctrl/Cmd+Enter saves; only "Abbrechen" drops it.
import { NOTE_TEXT_MAX } from '@pinnwand/shared/model/note';
import type { FormEvent } from 'react';
import { useT } from '../i18n/I18nProvider.tsx';
import { isComposing } from '../ui/isComposing.ts';

export function OutlineEditForm({
  id,
  label,
  draft,
  onDraft,
  save,
  discard,
}: {
  /** Prefix of the text field's id (a useId of the note's item). */
  id: string;
  /** The text field's accessible name. */
  label: string;
  draft: string;
  onDraft: (text: string) => void;
  save: (e?: FormEvent) => void;
  discard: () => void;
}) {
  const t = useT();
  return (
    <form onSubmit={save} className="outline-edit">
      <label htmlFor={`${id}-text`} className="visually-hidden">
        {label}
      </label>
      <textarea
        maxLength={NOTE_TEXT_MAX}
        id={`${id}-text`}
        value={draft}
        rows={Math.min(8, Math.max(2, draft.split('\n').length + 1))}
        // biome-ignore lint/a11y/noAutofocus: the person just asked to edit this text
        autoFocus
        onChange={(e) => onDraft(e.target.value)}
        onKeyDown={(e) => {
          // Esc cancelling a composition does not end the editing.
          if (isComposing(e)) return;
          if (e.key === 'Escape') {
            e.preventDefault();
            save();
          } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save(e);
        }}
      />
      <div className="row">
        <button type="submit" className="button small primary">
          {t('outline.save')}
        </button>
        <button type="button" className="button small" onClick={discard}>
          {t('outline.discard')}
        </button>
      </div>
    </form>
  );
}
