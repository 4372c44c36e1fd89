import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { summariesMap, WORKSHOP_SUMMARY_KEY } from '../model/schema.ts';
import { ALICE, testWorkshop } from '../testing/testWorkshop.ts';
import {
  ensureSummaryText,
  getSummaryText,
  readSummaryText,
  setSummaryText,
} from './summaryOps.ts';

describe('summaries', () => {
  it('exist for each board and the workshop from the start', () => {
    const { doc, boardIds } = testWorkshop();
    for (const id of boardIds) expect(getSummaryText(doc, id)).toBeInstanceOf(Y.Text);
    expect(getSummaryText(doc, WORKSHOP_SUMMARY_KEY)).toBeInstanceOf(Y.Text);
  });

  it('sets and reads text per board and for the workshop', () => {
    const { doc, board } = testWorkshop();
    expect(setSummaryText(doc, board, 'Viel bewährt.', ALICE.origin)).toBe(true);
    expect(setSummaryText(doc, WORKSHOP_SUMMARY_KEY, 'Es geht weiter.', ALICE.origin)).toBe(true);
    expect(readSummaryText(doc, board)).toBe('Viel bewährt.');
    expect(readSummaryText(doc, WORKSHOP_SUMMARY_KEY)).toBe('Es geht weiter.');
  });

  it('creates a missing summary for foreign documents but never overwrites a malformed one', () => {
    const doc = new Y.Doc();
    expect(ensureSummaryText(doc, 'b1' as never, ALICE.origin)).toBeInstanceOf(Y.Text);
    summariesMap(doc).set('b2', 42);
    expect(setSummaryText(doc, 'b2' as never, 'x', ALICE.origin)).toBe(false);
    expect(summariesMap(doc).get('b2')).toBe(42);
  });
});
