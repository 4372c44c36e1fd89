// The language of the UI and the `useT` hook. German is the default for
// German browsers, English for all others; the choice is remembered on the
// device. Code outside React (command labels) stores message keys and lets the
// view translate them. The strings and their namespaces: messages.ts.
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { MessageKey } from './de.ts';
import {
  boardMessages,
  type Lang,
  type Message,
  type Namespace,
  type Translate,
  translateIn,
} from './messages.ts';

const LANG_KEY = 'pinnwand.lang';

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
    return { lang, setLang };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** Translates the board's strings, or those of the namespace given (typed to its keys). */
export function useT(): Translate<MessageKey>;
export function useT<K extends string>(ns: Namespace<K>): Translate<K>;
export function useT(ns: Namespace<string> = boardMessages): Translate<string> {
  const { lang } = useI18n();
  return useMemo(() => (key, params) => translateIn(ns, lang, key, params), [ns, lang]);
}

/** Translates a message kept for later (a notice), whatever its namespace. */
export function useMessageText(): (message: Message) => string {
  const { lang } = useI18n();
  return useCallback((m: Message) => translateIn(m.ns, lang, m.key, m.params), [lang]);
}
