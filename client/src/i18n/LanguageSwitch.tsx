import { useI18n, useT } from './I18nProvider.tsx';
import type { Lang } from './messages.ts';

/** `compact` (the board's header): the closed select shows "DE"/"EN" so a phone's header keeps one row. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const { lang, setLang } = useI18n();
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t('lang.label')}</span>
      <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
        <option value="de" label={compact ? 'DE' : undefined}>
          {t('lang.de')}
        </option>
        <option value="en" label={compact ? 'EN' : undefined}>
          {t('lang.en')}
        </option>
      </select>
    </label>
  );
}
