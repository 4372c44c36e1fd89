// The one i18n layer: a context holding the language and `t`. German is the
// default for German browsers, English for all others; the choice is remembered
// on the device. Code outside React (command labels) stores message keys and
// lets the view translate them.
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { de, type MessageKey } from './de.ts';
import { en } from './en.ts';

export type Lang = 'de' | 'en';
export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

const LANG_KEY = 'pinnwand.lang';
const dictionaries: Record<Lang, Record<MessageKey, string>> = { de, en };

/**
 * Fills `{name}` placeholders. A count picks its form with
 * `{count, plural, one {1 Notiz} other {# Notizen}}` (`#` is the number);
 * German and English share the rule "one for exactly 1, other otherwise".
 */
export function format(template: string, params?: TranslateParams): string {
  if (!params) return template;
  return template
    .replace(
      /\{(\w+), plural, one \{([^{}]*)\} other \{([^{}]*)\}\}/g,
      (whole, name: string, one: string, other: string) => {
        if (!(name in params)) return whole;
        const n = Number(params[name]);
        return (Math.abs(n) === 1 ? one : other).replace(/#/g, String(params[name]));
      },
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
}

export function translate(lang: Lang, key: MessageKey, params?: TranslateParams): string {
  return format(dictionaries[lang][key] ?? de[key], params);
}

/**
 * The language to start in: a remembered choice wins; otherwise the browser's
 * first preferred language decides (German for de-*, English for anything else);
 * without any preference German.
 */
export function pickLang(stored: string | null, languages: readonly string[]): Lang {
  if (stored === 'de' || stored === 'en') return stored;
  const first = languages.find((l) => l.trim() !== '');
  if (!first) return 'de';
  return first.toLowerCase().startsWith('de') ? 'de' : 'en';
}

function initialLang(): Lang {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(LANG_KEY);
  } catch {
    // storage may be unavailable (privacy mode)
  }
  const nav = typeof navigator === 'undefined' ? undefined : navigator;
  const languages = nav?.languages?.length ? nav.languages : nav?.language ? [nav.language] : [];
  return pickLang(stored, languages);
}

interface I18nValue {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    document.documentElement.lang = next;
    try {
      localStorage.setItem(LANG_KEY, next);
    } catch {
      // not remembered, still switched
    }
  }, []);
  const value = useMemo<I18nValue>(() => {
    document.documentElement.lang = lang;
    return { lang, setLang, t: (key, params) => translate(lang, key, params) };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}
