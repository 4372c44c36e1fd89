// Writing a hidden note: a small form at the place the note will go. The text
// is kept in this device's hidden store only.

import { NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import { NOTE_TEXT_MAX } from '@pinnwand/shared/model/note';
import { useEffect, useId, useRef, useState } from 'react';
import type { Editor } from '../editor/Editor.ts';
import { facilitationMessages } from '../facilitation/messages.ts';
import { useFacilitationState } from '../facilitation/useFacilitationState.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { message } from '../i18n/messages.ts';
import { Icon } from '../ui/Icon.tsx';
import { isComposing } from '../ui/isComposing.ts';
import { useStore } from '../ui/store.ts';
import { deleteHidden, type HiddenWriting } from './hiddenWriting.ts';

export function HiddenComposer({ editor }: { editor: Editor }) {
  const h = useStore(editor.hidden);
  if (!h) return null;
  return <ComposerBody editor={editor} h={h} />;
}

function ComposerBody({ editor, h }: { editor: Editor; h: HiddenWriting }) {
  const ft = useT(facilitationMessages);
  // Open when the facilitator revealed: what is saved now goes onto the board for everyone.
  const revealed = !useFacilitationState(editor).facilitation.hiddenWriting;
  const composer = useStore(h.composer);
  const view = useStore(editor.viewport);
  const size = useStore(editor.stageSize);
  const [text, setText] = useState('');
  const ref = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  useEffect(() => {
    setText(composer?.text ?? '');
    if (composer) requestAnimationFrame(() => ref.current?.focus());
  }, [composer]);
  if (!composer) return null;
  const close = () => {
    h.composer.set(null);
    (document.querySelector('.board-canvas') as HTMLElement | null)?.focus({ preventScroll: true });
  };
  // Esc and "Speichern" keep what was written (like everywhere); only "Verwerfen" drops it.
  const save = () => {
    if (composer.id) h.notes.update(composer.id, { text });
    else if (text.trim() !== '')
      h.notes.add({ boardId: composer.boardId, x: composer.x, y: composer.y, text });
    close();
  };
  /** Drops the draft, with an undo that opens it again as it was. */
  const discard = () => {
    const draft = { ...composer, text };
    close();
    if (text.trim() === '' || text === (composer.id ? composer.text : '')) return;
    editor.notices.say(message(facilitationMessages, 'hidden.discarded'), {
      undo: () => h.composer.set(draft),
    });
  };
  const remove = (id: string) => {
    deleteHidden(editor, id);
    close();
  };
  const left = Math.min(
    Math.max(8, composer.x * view.scale + view.x),
    Math.max(8, size.width - 260),
  );
  const top = Math.min(
    Math.max(8, composer.y * view.scale + view.y),
    Math.max(8, size.height - 200),
  );
  return (
    <form
      className="hidden-composer"
      style={{ left, top, minWidth: NOTE_WIDTH }}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={(e) => {
        e.stopPropagation();
        // Esc cancelling a composition does not close the note.
        if (isComposing(e)) return;
        if (e.key === 'Escape') save();
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save();
      }}
    >
      <label htmlFor={id} className="hidden-composer-label">
        {revealed ? (
          ft('hidden.composeRevealed')
        ) : (
          <>
            <Icon name="eyeOff" size={16} className="fac-icon" /> {ft('hidden.compose')}
          </>
        )}
      </label>
      {revealed && (
        <p id={`${id}-hint`} className="hidden-composer-hint">
          {ft('hidden.composeRevealedHint')}
        </p>
      )}
      <textarea
        maxLength={NOTE_TEXT_MAX}
        id={id}
        ref={ref}
        rows={4}
        value={text}
        aria-describedby={revealed ? `${id}-hint` : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="row">
        <button type="submit" className="button small primary">
          {ft('hidden.save')}
        </button>
        {composer.id && (
          <button
            type="button"
            className="button small danger"
            onClick={() => {
              if (composer.id) remove(composer.id);
            }}
          >
            {ft('hidden.delete')}
          </button>
        )}
        <button type="button" className="button small" onClick={discard}>
          {ft('hidden.cancel')}
        </button>
      </div>
    </form>
  );
}
