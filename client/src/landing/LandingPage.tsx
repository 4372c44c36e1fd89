// The start page: create a workshop from a template, or open the example.
// The creator lands on the new board as facilitator; the invitation links are
// remembered on this device for the share panel.
import type { CreatedWorkshop } from '@pinnwand/shared/protocol/http';
import {
  EXAMPLE_TEMPLATE_ID,
  TEMPLATE_IDS,
  type TemplateId,
  type WorkshopTemplateId,
} from '@pinnwand/shared/templates/templates';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { createWorkshop } from '../api/httpApi.ts';
import { useI18n, useT } from '../i18n/I18nProvider.tsx';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { ACCESSIBILITY_PATH, workshopPath } from '../routing/route.ts';
import { navigate } from '../routing/useRoute.ts';
import {
  markJustCreated,
  recentWorkshops,
  rememberLinks,
  rememberToken,
} from '../session/remembered.ts';
import { startWithCards } from '../sync/boardPreview.ts';

/**
 * A template's name split for the select: the name itself (short enough for a
 * phone) and what follows it in parentheses, shown below as a hint.
 */
export function templateLabel(full: string): { name: string; detail: string } {
  const match = /^(.*?)\s*\((.*)\)\s*$/.exec(full);
  return match ? { name: match[1] ?? full, detail: match[2] ?? '' } : { name: full, detail: '' };
}

function open(created: CreatedWorkshop): void {
  rememberLinks(created.id, created.urls);
  rememberToken(created.id, created.facilitatorToken);
  markJustCreated(created.id);
  if (created.cards) startWithCards(created.id, created.facilitatorToken, created.cards);
  navigate(workshopPath(created.id, created.facilitatorToken));
}

export function LandingPage() {
  const t = useT();
  const { lang } = useI18n();
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<TemplateId>('ozg-erfahrungsaustausch');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const templateId = useId();
  const recent = recentWorkshops();
  const hint = templateLabel(t(`template.${template}` as 'template.blank')).detail;
  useEffect(() => {
    document.title = t('app.name');
  }, [t]);

  const run = async (input: { title: string; template: WorkshopTemplateId }) => {
    setBusy(true);
    setError(null);
    const result = await createWorkshop({ ...input, lang });
    if (result.ok) open(result.value);
    else {
      setError(t('landing.create.error', { reason: result.message }));
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (title.trim()) void run({ title: title.trim(), template });
  };

  return (
    <div className="landing-page">
      <header className="landing-header">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          {t('app.name')}
        </span>
        <LanguageSwitch />
      </header>
      <main className="landing">
        <h1>{t('app.name')}</h1>
        <p className="tagline">{t('app.tagline')}</p>
        <div className="landing-grid">
          <section className="card" aria-labelledby="create-h">
            <h2 id="create-h">{t('landing.create.heading')}</h2>
            <form onSubmit={submit} className="stack">
              <label htmlFor={titleId}>{t('landing.create.title')}</label>
              <input
                id={titleId}
                className="full-width"
                value={title}
                maxLength={200}
                required
                placeholder={t('landing.create.titlePlaceholder')}
                onChange={(e) => setTitle(e.target.value)}
              />
              <label htmlFor={templateId}>{t('landing.create.template')}</label>
              <select
                id={templateId}
                className="full-width"
                value={template}
                aria-describedby={hint ? `${templateId}-hint` : undefined}
                onChange={(e) => setTemplate(e.target.value as TemplateId)}
              >
                {TEMPLATE_IDS.map((id) => (
                  <option key={id} value={id}>
                    {templateLabel(t(`template.${id}` as 'template.blank')).name}
                  </option>
                ))}
              </select>
              {hint && (
                <p id={`${templateId}-hint`} className="muted small template-hint">
                  {hint}
                </p>
              )}
              <button type="submit" className="button primary" disabled={busy || !title.trim()}>
                {busy ? t('landing.create.busy') : t('landing.create.submit')}
              </button>
            </form>
          </section>
          <section className="card" aria-labelledby="example-h">
            <h2 id="example-h">{t('landing.example.heading')}</h2>
            <p>{t('landing.example.text')}</p>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() =>
                void run({ title: t('landing.example.title'), template: EXAMPLE_TEMPLATE_ID })
              }
            >
              {t('landing.example.open')}
            </button>
          </section>
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {recent.length > 0 && (
          <section className="recent" aria-labelledby="recent-h">
            <h2 id="recent-h">{t('landing.recent.heading')}</h2>
            <ul>
              {recent.map((r) => (
                <li key={r.workshopId}>
                  <a
                    href={workshopPath(r.workshopId)}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(workshopPath(r.workshopId));
                    }}
                  >
                    {r.title}
                  </a>{' '}
                  <span className="muted">({t(`role.${r.role}`)})</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        <p className="muted small">{t('landing.privacy')}</p>
        <p className="small">
          <a href={ACCESSIBILITY_PATH}>{t('landing.accessibility')}</a>
        </p>
      </main>
    </div>
  );
}
