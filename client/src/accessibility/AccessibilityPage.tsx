// "Erklärung zur Barrierefreiheit": the accessibility statement a public body
// must publish for a web application (BITV 2.0 § 7, structure of the federal
// template: compliance status, content that is not accessible and why, how
// the statement was made, feedback contact, enforcement). Its facts are those
// of docs/accessibility.md, which says which tests show them. The feedback
// contact is the operator's (ACCESSIBILITY_CONTACT, served by the server).
import { useEffect, useState } from 'react';
import { fetchAccessibilityInfo } from '../api/httpApi.ts';
import { useI18n, useT } from '../i18n/I18nProvider.tsx';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { STATEMENT } from './statement.ts';

export function AccessibilityPage() {
  const t = useT();
  const { lang } = useI18n();
  const s = STATEMENT[lang];
  const [contact, setContact] = useState<string | null>(null);
  useEffect(() => {
    document.title = `${s.title} – ${t('app.name')}`;
  }, [s.title, t]);
  useEffect(() => {
    void fetchAccessibilityInfo().then((result) =>
      setContact(result.ok ? result.value.contact : ''),
    );
  }, []);
  const href =
    contact && /^[^@\s]+@[^@\s]+$/.test(contact)
      ? `mailto:${contact}`
      : contact && /^https?:\/\//.test(contact)
        ? contact
        : null;
  return (
    <div className="landing-page">
      <header className="landing-header">
        <a className="brand" href="/">
          <span className="brand-mark" aria-hidden="true" />
          {t('app.name')}
        </a>
        <LanguageSwitch />
      </header>
      <main className="landing statement">
        <h1>{s.title}</h1>
        <p>{s.scope}</p>
        <h2>{s.statusHeading}</h2>
        <p>{s.status}</p>
        <h2>{s.notAccessibleHeading}</h2>
        <ul>
          {s.notAccessible.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <h2>{s.madeHeading}</h2>
        {s.made.map((p) => (
          <p key={p}>{p}</p>
        ))}
        <h2>{s.feedbackHeading}</h2>
        <p>{s.feedback}</p>
        <p data-testid="accessibility-contact">
          {contact === null ? '…' : href ? <a href={href}>{contact}</a> : contact || s.noContact}
        </p>
        <h2>{s.enforcementHeading}</h2>
        <p>{s.enforcement}</p>
      </main>
    </div>
  );
}
