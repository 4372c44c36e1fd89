/**
 * Summaries per board and for the whole workshop. Editors bind to the Y.Text
 * from `getSummaryText`; `setSummaryText` is for non-editor writers (import,
 * API) and changes only the differing part.
 */
import * as Y from 'yjs';
import type { TransactionOrigin } from '../model/origin.ts';
import { summariesMap } from '../model/schema.ts';
import type { SummaryTarget } from '../model/summary.ts';
import { replaceText, transact } from './transact.ts';

/** The summary's Y.Text, or undefined when it was never created or is malformed. */
export function getSummaryText(doc: Y.Doc, target: SummaryTarget): Y.Text | undefined {
  const value = summariesMap(doc).get(target);
  return value instanceof Y.Text ? value : undefined;
}

/**
 * The summary's Y.Text, creating it if missing — only for documents written by
 * foreign clients that did not create one: concurrent creation by two peers
 * would keep only one of the two texts (see model/summary.ts). A malformed
 * value under the key is not overwritten: that would be a silent repair.
 */
export function ensureSummaryText(
  doc: Y.Doc,
  target: SummaryTarget,
  origin: TransactionOrigin,
): Y.Text | undefined {
  return transact(doc, origin, () => {
    const root = summariesMap(doc);
    if (!root.has(target)) root.set(target, new Y.Text());
    return getSummaryText(doc, target);
  });
}

/** Sets the summary's text. False when it exists but is malformed. */
export function setSummaryText(
  doc: Y.Doc,
  target: SummaryTarget,
  text: string,
  origin: TransactionOrigin,
): boolean {
  return transact(doc, origin, () => {
    const ytext = ensureSummaryText(doc, target, origin);
    if (!ytext) return false;
    replaceText(ytext, text);
    return true;
  });
}

/** The summary as plain text ('' when none). */
export function readSummaryText(doc: Y.Doc, target: SummaryTarget): string {
  return getSummaryText(doc, target)?.toString() ?? '';
}
