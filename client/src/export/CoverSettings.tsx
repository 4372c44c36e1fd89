// The workshop's cover information (organizer, facilitators, place, event
// date, licence, attribution): a facilitator's workshop setting, stored in the
// document's `meta` (shared/src/model/meta.ts) so every export — PDF title
// page, Markdown header, backup — prints the same. Edited as a small form and
// written in one transaction on "Save"; others see the change live.
import {
  COVER_FIELDS,
  COVER_MAX_LENGTH,
  type CoverField,
  eventDateSchema,
} from '@pinnwand/shared/model/meta';
import { readWorkshop } from '@pinnwand/shared/read/workshopView';
import { type FormEvent, useId, useState } from 'react';
import type { Editor } from '../editor/Editor.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { exchangeMessages, type XKey } from './messages.ts';

const LABELS: Record<CoverField, XKey> = {
  organizer: 'cover.organizer',
  facilitators: 'cover.facilitators',
  place: 'cover.place',
  eventDate: 'cover.eventDate',
  license: 'cover.license',
  attribution: 'cover.attribution',
};

export function CoverSettings({ editor }: { editor: Editor }) {
  const t = useT(exchangeMessages);
  const ids = useId();
  const [values, setValues] = useState<Record<CoverField, string>>(() => ({
    ...readWorkshop(editor.doc).cover,
  }));
  const [saved, setSaved] = useState(false);
  const dateValid =
    values.eventDate.trim() === '' || eventDateSchema.safeParse(values.eventDate.trim()).success;
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!dateValid) return;
    if (editor.commands.run(editor, 'workshop.cover', values)) setSaved(true);
  };
  return (
    <form className="cover-settings" aria-labelledby={`${ids}-h`} onSubmit={save}>
      <h2 className="panel-title" id={`${ids}-h`}>
        {t('cover.heading')}
      </h2>
      <p className="muted">{t('cover.intro')}</p>
      {COVER_FIELDS.map((field) => {
        const id = `${ids}-${field}`;
        const invalid = field === 'eventDate' && !dateValid;
        const common = {
          id,
          value: values[field],
          maxLength: COVER_MAX_LENGTH[field],
          onChange: (event: { target: { value: string } }) => {
            setSaved(false);
            setValues((v) => ({ ...v, [field]: event.target.value }));
          },
          'data-cover': field,
        };
        return (
          <div className="export-field" key={field}>
            <label htmlFor={id}>{t(LABELS[field])}</label>
            {field === 'attribution' ? (
              <textarea rows={3} {...common} />
            ) : (
              <input
                type="text"
                {...common}
                {...(field === 'eventDate'
                  ? {
                      placeholder: t('cover.eventDatePlaceholder'),
                      'aria-invalid': invalid,
                      'aria-describedby': `${id}-hint`,
                      inputMode: 'numeric' as const,
                    }
                  : {})}
                {...(field === 'license' ? { placeholder: 'CC BY 4.0' } : {})}
              />
            )}
            {field === 'eventDate' && (
              <span id={`${id}-hint`} className={invalid ? 'error' : 'muted'}>
                {t(invalid ? 'cover.eventDateInvalid' : 'cover.eventDateHint')}
              </span>
            )}
          </div>
        );
      })}
      <div className="cover-actions">
        <button type="submit" className="button small primary" data-testid="cover-save">
          {t('cover.save')}
        </button>
        <span role="status" className="muted">
          {saved ? t('cover.saved') : ''}
        </span>
      </div>
    </form>
  );
}
