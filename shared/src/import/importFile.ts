/**
 * One entry point for every import format: parse (validate) → preview →
 * apply in one transaction. The import dialog calls `parseImport` and shows
 * `previewImport(plan)`; committing calls `applyImport` with that plan. The
 * server's POST import does both at once through `importIntoDoc`.
 */
import type * as Y from 'yjs';
import {
  type ApplyOptions,
  applyImport,
  type ImportResult,
  type ImportTarget,
} from './applyImport.ts';
import { parseCsv } from './csv.ts';
import {
  type ImportFormat,
  type ImportPreview,
  type ParseResult,
  previewImport,
} from './importPlan.ts';
import { parseJsonBackup } from './jsonBackup.ts';
import { parseMarkdown } from './markdown.ts';
import { parsePlainText } from './plainText.ts';
import { parseStructuredFile } from './structured.ts';

export function parseImport(format: ImportFormat, text: string): ParseResult {
  switch (format) {
    case 'text':
      return parsePlainText(text);
    case 'csv':
      return parseCsv(text);
    case 'md':
      return parseMarkdown(text);
    case 'structured':
      return parseStructuredFile(text);
    case 'json':
      return parseJsonBackup(text);
  }
}

/**
 * Guesses the format of a file from its name and first characters, for the
 * dialog's default choice (the person can change it).
 */
export function guessImportFormat(fileName: string, text: string): ImportFormat {
  const name = fileName.toLowerCase();
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (name.endsWith('.md') || name.endsWith('.markdown') || start.startsWith('# ')) return 'md';
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.json') || start.startsWith('{')) {
    return /"format"\s*:\s*"pinnwand-backup"/.test(start.slice(0, 200)) ? 'json' : 'structured';
  }
  // A header line naming a text column, as Pinnwand's CSV and most sheets have.
  const header = start.split(/\r?\n/, 1)[0] ?? '';
  if (
    /^"?(?:[^";,\n]*"?[;,]"?)+[^";,\n]*"?$/.test(header) &&
    /(^|[;,]|")(text|note|notiz)("|[;,]|$)/i.test(header)
  ) {
    return 'csv';
  }
  return 'text';
}

export type ImportOutcome =
  | { ok: true; result: ImportResult; preview: ImportPreview }
  | { ok: false; error: string };

/** Validates `text` as `format` and, only if valid, applies it in one transaction. */
export function importIntoDoc(
  doc: Y.Doc,
  format: ImportFormat,
  text: string,
  target: ImportTarget,
  options: ApplyOptions = {},
): ImportOutcome {
  const parsed = parseImport(format, text);
  if (!parsed.ok) return parsed;
  const result = applyImport(doc, parsed.plan, target, options);
  return { ok: true, result, preview: previewImport(parsed.plan) };
}
