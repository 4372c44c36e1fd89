import { type Lang, useI18n } from './I18nProvider.tsx';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
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
