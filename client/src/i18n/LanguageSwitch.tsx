import { useI18n, useT } from './I18nProvider.tsx';
import type { Lang } from './messages.ts';

export function LanguageSwitch() {
  const t = useT();
  const { lang, setLang } = useI18n();
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t('lang.label')}</span>
      <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
        <option value="de">{t('lang.de')}</option>
        <option value="en">{t('lang.en')}</option>
      </select>
    </label>
  );
}
