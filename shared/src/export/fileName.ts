/**
 * Download file names: `<title>-<date>.<ext>` (the document's date: event
 * date, else creation day; left out when unknown), the same in the browser
 * and in the server's Content-Disposition header. Letters of any script are
 * kept (German titles keep their umlauts); everything that is unsafe in a
 * file name on some system or in a header becomes a dash.
 */

export type ExportExtension = 'md' | 'pdf' | 'csv' | 'json' | 'png';

const MAX_STEM = 80;

/** The title reduced to characters safe in file names on Windows, macOS and Linux. */
export function safeFileStem(title: string): string {
  const stem = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._ -]+/gu, '-')
    .replace(/[\s_]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  const cut = [...stem]
    .slice(0, MAX_STEM)
    .join('')
    .replace(/[-.]+$/g, '');
  return cut || 'workshop';
}

/**
 * `date` is an ISO date as `documentDate` gives it ('' leaves it out);
 * `variant` tells two files of the same document apart (a backup without
 * names), '' for none.
 */
export function exportFileName(
  title: string,
  date: string,
  ext: ExportExtension,
  variant = '',
): string {
  const day = /^\d{4}(-\d{2}){0,2}$/.test(date) ? `-${date}` : '';
  const tail = variant ? `-${safeFileStem(variant)}` : '';
  return `${safeFileStem(title)}${day}${tail}.${ext}`;
}

/**
 * A Content-Disposition value: an ASCII fallback plus the UTF-8 name
 * (RFC 6266 / RFC 5987), so umlauts survive in every browser.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
