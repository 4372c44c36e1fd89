// Asks for the name shown on one's notes and pointer (a viewer's only in the
// list of people here); remembered on the device. Asked as a workshop link
// opens, it says which workshop the person is joining (and its first board's
// question), so the first thing they see is where they are.
import { useId, useState } from 'react';
import { useT } from '../i18n/I18nProvider.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { type Identity, PRESENCE_COLORS, updateIdentity } from './identity.ts';

interface Props {
  identity: Identity;
  onDone(): void;
  onCancel?: () => void;
  /** Viewers write no notes: their name only shows in the list of people here. */
  viewer?: boolean;
  /** The facilitator (who may just have created the workshop) is not told they are taking part. */
  facilitator?: boolean;
  /** The workshop being joined: its title and its first board's guiding question ('' if none). */
  joining?: { title: string; question: string };
}

export function NamePrompt({
  identity,
  onDone,
  onCancel,
  viewer = false,
  facilitator = false,
  joining,
}: Props) {
  const t = useT();
  const [name, setName] = useState(identity.name);
  const [color, setColor] = useState(identity.color);
  const nameId = useId();
  const submit = () => {
    const trimmed = name.trim().slice(0, 60);
    if (!trimmed) return;
    updateIdentity({ name: trimmed, color });
    onDone();
  };
  return (
    <Dialog
      title={t('name.heading')}
      className="name-prompt"
      dismissible={onCancel !== undefined}
      onClose={() => onCancel?.()}
      onSubmit={submit}
    >
      {joining?.title && (
        <div className="name-prompt-workshop">
          <p className="small muted">
            {t(
              viewer
                ? 'name.joiningViewer'
                : facilitator
                  ? 'name.joiningFacilitator'
                  : 'name.joining',
            )}
          </p>
          <p className="name-prompt-title">{joining.title}</p>
          {joining.question && (
            <p className="question small">
              <span className="visually-hidden">{t('boards.questionLabel')}: </span>
              {joining.question}
            </p>
          )}
        </div>
      )}
      <p className="name-prompt-text">{t(viewer ? 'name.textViewer' : 'name.text')}</p>
      <label htmlFor={nameId}>{t('name.label')}</label>
      <input
        id={nameId}
        name="name"
        value={name}
        maxLength={60}
        autoComplete="nickname"
        required
        onChange={(e) => setName(e.target.value)}
      />
      <fieldset className="color-choice">
        <legend>{t('name.color')}</legend>
        {PRESENCE_COLORS.map((c, i) => (
          <label key={c} className="swatch-label" style={{ background: c }}>
            <input
              type="radio"
              name="color"
              value={c}
              checked={color === c}
              onChange={() => setColor(c)}
              aria-label={`${t('name.color')} ${i + 1}`}
            />
          </label>
        ))}
      </fieldset>
      <div className="dialog-actions">
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('name.cancel')}
          </button>
        )}
        <button type="submit" className="button primary" disabled={!name.trim()}>
          {t('name.submit')}
        </button>
      </div>
    </Dialog>
  );
}
