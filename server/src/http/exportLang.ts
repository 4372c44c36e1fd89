/**
 * The language of the words an export adds (headings, labels, dates, the CSV
 * header), asked for over HTTP: `lang=de|en` in the query wins (what the
 * client and scripts send); else the first language of the Accept-Language
 * header that we speak, by preference (`q`); else none, and the export uses
 * the workshop's language (German by default).
 */
import { LANGS, type Lang, langSchema } from '@pinnwand/shared/model/lang';
import { HttpError } from './respond.ts';

export function requestedExportLang(
  url: URL,
  acceptLanguage: string | undefined,
): Lang | undefined {
  const asked = url.searchParams.get('lang');
  if (asked !== null) {
    const lang = langSchema.safeParse(asked.trim().toLowerCase());
    if (!lang.success) throw new HttpError(400, `lang: expected one of ${LANGS.join(', ')}.`);
    return lang.data;
  }
  return acceptLanguage ? preferredLang(acceptLanguage) : undefined;
}

/** "en-GB,en;q=0.9,de;q=0.8" → 'en'; a range we do not speak (or "*") is skipped. */
export function preferredLang(header: string): Lang | undefined {
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/i.exec(p)?.[1]).find(Boolean);
      return {
        primary: range.trim().toLowerCase().split('-')[0] ?? '',
        q: q ? Number(q) : 1,
        index,
      };
    })
    .filter((r) => r.q > 0)
    // Stable by position among equal weights, as the header lists them.
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { primary } of ranges) {
    const lang = langSchema.safeParse(primary);
    if (lang.success) return lang.data;
  }
  return undefined;
}
