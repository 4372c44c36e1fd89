// The one i18n mechanism. Strings live in namespaces: the board's own (de.ts,
// en.ts) and one per feature (facilitation, export/import, administration),
// so a feature adds its texts without editing another's file. A namespace is
// German first (the default) with an English table that the type makes
// complete; `useT(namespace)` gives a translate function typed to its keys.
import type { Lang } from '@pinnwand/shared/model/lang';
import { de, type MessageKey } from './de.ts';
import { en } from './en.ts';

export type { Lang };
export type TranslateParams = Record<string, string | number>;
export type Translate<K extends string = MessageKey> = (key: K, params?: TranslateParams) => string;

export interface Namespace<K extends string> {
  readonly name: string;
  readonly de: Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
}

export function defineNamespace<K extends string>(
  name: string,
  german: Readonly<Record<K, string>>,
  english: Readonly<Record<K, string>>,
): Namespace<K> {
  return { name, de: german, en: english };
}

/** The board's own strings: the namespace `useT()` uses when none is named. */
export const boardMessages: Namespace<MessageKey> = defineNamespace('board', de, en);

const pluralRules: Record<Lang, Intl.PluralRules> = {
  de: new Intl.PluralRules('de'),
  en: new Intl.PluralRules('en'),
};

/**
 * Fills `{name}` placeholders. A count picks its form with
 * `{count, plural, one {1 Notiz} other {# Notizen}}` (`#` is the number), by
 * the language's plural rule (German and English: "one" for exactly 1).
 */
export function format(template: string, params?: TranslateParams, lang: Lang = 'de'): string {
  if (!params) return template;
  return template
    .replace(
      /\{(\w+), plural, one \{([^{}]*)\} other \{([^{}]*)\}\}/g,
      (whole, name: string, one: string, other: string) => {
        if (!(name in params)) return whole;
        const n = Number(params[name]);
        const form = Number.isFinite(n) && pluralRules[lang].select(n) === 'one' ? one : other;
        return form.replace(/#/g, String(params[name]));
      },
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
}

export function translateIn<K extends string>(
  ns: Namespace<K>,
  lang: Lang,
  key: K,
  params?: TranslateParams,
): string {
  return format(ns[lang][key] ?? ns.de[key] ?? key, params, lang);
}

/** A string to show later (a notice): its namespace, key and parameters. */
export interface Message {
  ns: Namespace<string>;
  key: string;
  params?: TranslateParams;
}

export function message<K extends string>(
  ns: Namespace<K>,
  key: K,
  params?: TranslateParams,
): Message {
  return { ns: ns as Namespace<string>, key, ...(params ? { params } : {}) };
}

/** A board string outside React (tests, document titles). */
export function translate(lang: Lang, key: MessageKey, params?: TranslateParams): string {
  return translateIn(boardMessages, lang, key, params);
}
