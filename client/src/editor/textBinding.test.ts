// @vitest-environment jsdom
import type { BoardId, ParticipantId } from '@pinnwand/shared/model/ids';
import { localOrigin } from '@pinnwand/shared/model/origin';
import { WORKSHOP_SUMMARY_KEY } from '@pinnwand/shared/model/schema';
import { addNote, getNoteText } from '@pinnwand/shared/ops/noteOps';
import { getSummaryText } from '@pinnwand/shared/ops/summaryOps';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { bindTextarea, noteText, summaryText } from './textBinding.ts';

function setup() {
  const doc = new Y.Doc();
  const origin = localOrigin('me' as ParticipantId);
  const id = addNote(
    doc,
    {
      boardId: 'b' as BoardId,
      x: 0,
      y: 0,
      text: 'Hallo Welt',
      author: 'Me',
      authorId: 'me' as ParticipantId,
    },
    origin,
  );
  const textarea = document.createElement('textarea');
  document.body.append(textarea);
  const unbind = bindTextarea({ doc, origin }, noteText(id), textarea);
  textarea.focus();
  return { doc, id, textarea, unbind };
}

function type(textarea: HTMLTextAreaElement, at: number, text: string) {
  textarea.value = textarea.value.slice(0, at) + text + textarea.value.slice(at);
  textarea.setSelectionRange(at + text.length, at + text.length);
  textarea.dispatchEvent(new Event('input'));
}

describe('bindTextarea', () => {
  test('typing changes only the typed part of the Y.Text', () => {
    const { doc, id, textarea } = setup();
    const ytext = getNoteText(doc, id)!;
    const deltas: unknown[] = [];
    ytext.observe((e) => deltas.push(e.delta));
    type(textarea, 5, ',');
    expect(ytext.toString()).toBe('Hallo, Welt');
    expect(deltas).toEqual([[{ retain: 5 }, { insert: ',' }]]);
  });

  test('a remote insert before the caret keeps the caret on the same word', () => {
    const { doc, id, textarea } = setup();
    textarea.setSelectionRange(6, 6); // before "Welt"
    textarea.dispatchEvent(new Event('select'));
    // Someone else writes at the start.
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    getNoteText(remote, id)!.insert(0, 'Liebe ');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
    expect(textarea.value).toBe('Liebe Hallo Welt');
    expect(textarea.selectionStart).toBe(12);
    expect(textarea.value.slice(textarea.selectionStart)).toBe('Welt');
  });

  test('unbinding stops both directions', () => {
    const { doc, id, textarea, unbind } = setup();
    unbind();
    type(textarea, 0, 'x');
    expect(getNoteText(doc, id)!.toString()).toBe('Hallo Welt');
  });

  test('a summary is created by its first keystroke, not by opening it', () => {
    const doc = new Y.Doc();
    const origin = localOrigin('me' as ParticipantId);
    const textarea = document.createElement('textarea');
    document.body.append(textarea);
    const unbind = bindTextarea({ doc, origin }, summaryText(WORKSHOP_SUMMARY_KEY), textarea);
    expect(getSummaryText(doc, WORKSHOP_SUMMARY_KEY)).toBeUndefined();
    type(textarea, 0, 'Fazit');
    expect(getSummaryText(doc, WORKSHOP_SUMMARY_KEY)?.toString()).toBe('Fazit');
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    getSummaryText(remote, WORKSHOP_SUMMARY_KEY)?.insert(5, ': gut');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
    expect(textarea.value).toBe('Fazit: gut');
    unbind();
  });
});
