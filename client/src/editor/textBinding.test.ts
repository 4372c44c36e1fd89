// @vitest-environment jsdom
import type { BoardId, ParticipantId } from '@pinnwand/shared/model/ids';
import { localOrigin } from '@pinnwand/shared/model/origin';
import { WORKSHOP_SUMMARY_KEY } from '@pinnwand/shared/model/schema';
import { addNote, getNoteText } from '@pinnwand/shared/ops/noteOps';
import { getSummaryText, setSummaryText } from '@pinnwand/shared/ops/summaryOps';
import { transact } from '@pinnwand/shared/ops/transact';
import { afterEach, beforeEach, describe, expect, onTestFinished, test, vi } from 'vitest';
import * as Y from 'yjs';
import { twoPeople } from '../testing/twoPeople.ts';
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

/**
 * Anna writes in the note's textarea; Bernd, on his own document relayed at
 * once, edits the same text. The note reads `text` to begin with.
 */
function writingTogether(text: string) {
  const { a, b, note } = twoPeople();
  const theirs = getNoteText(b.doc, note)!;
  transact(b.doc, b.origin, () => {
    theirs.delete(0, theirs.length);
    theirs.insert(0, text);
  });
  const textarea = document.createElement('textarea');
  document.body.append(textarea);
  let bound = true;
  const stop = bindTextarea(a, noteText(note), textarea);
  const unbind = () => {
    if (bound) stop();
    bound = false;
  };
  onTestFinished(() => {
    unbind();
    textarea.remove();
  });
  textarea.focus();
  const mine = getNoteText(a.doc, note)!;
  a.undo.clear(); // Anna wrote the note: not what these tests undo
  const bernd = (fn: (t: Y.Text) => void) => transact(b.doc, b.origin, () => fn(theirs));
  return { a, textarea, mine, theirs, bernd, unbind };
}

/**
 * An input method composing at the textarea's selection, with the events
 * Chromium sends: compositionstart, then per change compositionupdate and
 * input, and compositionend after the last input.
 */
function compose(textarea: HTMLTextAreaElement) {
  const before = textarea.value.slice(0, textarea.selectionStart);
  const after = textarea.value.slice(textarea.selectionEnd);
  textarea.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
  const update = (text: string) => {
    textarea.dispatchEvent(new CompositionEvent('compositionupdate', { data: text }));
    textarea.value = before + text + after;
    textarea.setSelectionRange(before.length + text.length, before.length + text.length);
    textarea.dispatchEvent(
      new InputEvent('input', {
        isComposing: true,
        inputType: 'insertCompositionText',
        data: text,
      }),
    );
  };
  return {
    update,
    commit(text: string) {
      update(text);
      textarea.dispatchEvent(new CompositionEvent('compositionend', { data: text }));
      vi.advanceTimersByTime(1);
    },
  };
}

function caret(textarea: HTMLTextAreaElement): number {
  expect(textarea.selectionStart).toBe(textarea.selectionEnd);
  return textarea.selectionStart;
}

describe('bindTextarea while an input method composes', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test('a remote insert before the composition waits for its end; then both are everywhere', () => {
    const { textarea, mine, theirs, bernd } = writingTogether('Hallo Welt');
    textarea.setSelectionRange(10, 10);
    const ime = compose(textarea);
    ime.update('に');
    bernd((t) => t.insert(0, 'Liebe '));
    // The composition is left alone …
    expect(textarea.value).toBe('Hallo Weltに');
    ime.update('にほ');
    expect(textarea.value).toBe('Hallo Weltにほ');
    // … and what is still being composed is nobody else's business yet.
    expect(theirs.toString()).toBe('Liebe Hallo Welt');
    ime.commit('日本');
    expect(textarea.value).toBe('Liebe Hallo Welt日本');
    expect(mine.toString()).toBe('Liebe Hallo Welt日本');
    expect(theirs.toString()).toBe('Liebe Hallo Welt日本');
    expect(caret(textarea)).toBe(textarea.value.length);
  });

  test('a remote insert and delete after the composition point', () => {
    const { textarea, theirs, bernd } = writingTogether('Hallo Welt');
    textarea.setSelectionRange(5, 5);
    const ime = compose(textarea);
    ime.update('に');
    bernd((t) => t.insert(10, '!'));
    bernd((t) => t.delete(6, 1)); // "W"
    ime.commit('日本');
    expect(textarea.value).toBe('Hallo日本 elt!');
    expect(theirs.toString()).toBe('Hallo日本 elt!');
    expect(caret(textarea)).toBe(7);
  });

  test('remote edits right next to the composition point', () => {
    const { textarea, theirs, bernd } = writingTogether('Hallo Welt');
    textarea.setSelectionRange(5, 5);
    const ime = compose(textarea);
    ime.update('にほ');
    bernd((t) => t.insert(5, ',')); // at the very spot
    bernd((t) => t.delete(6, 1)); // the space after it
    bernd((t) => t.delete(4, 1)); // the "o" before it
    ime.commit('日本');
    // What Bernd typed at the spot comes first, as it would had it arrived before Anna typed.
    expect(textarea.value).toBe('Hall,日本Welt');
    expect(theirs.toString()).toBe('Hall,日本Welt');
    expect(caret(textarea)).toBe(7);
  });

  test('a remote delete around the composition point', () => {
    const { textarea, theirs, bernd } = writingTogether('Hallo Welt');
    textarea.setSelectionRange(5, 5);
    const ime = compose(textarea);
    ime.update('にほ');
    bernd((t) => t.delete(3, 5)); // "lo We"
    ime.commit('日本');
    expect(textarea.value).toBe('Hal日本lt');
    expect(theirs.toString()).toBe('Hal日本lt');
    expect(caret(textarea)).toBe(5);
  });

  test('a composition replacing a word another person types into', () => {
    const { textarea, theirs, bernd } = writingTogether('Hallo Welt und so');
    textarea.setSelectionRange(6, 10); // "Welt" is converted again
    const ime = compose(textarea);
    ime.update('せかい');
    bernd((t) => t.insert(8, 'X')); // inside "Welt"
    bernd((t) => t.insert(0, '>'));
    ime.commit('世界');
    // Nothing Bernd typed is lost, "Welt" is gone, Anna's word is where it was.
    expect(textarea.value).toBe('>Hallo 世界X und so');
    expect(theirs.toString()).toBe('>Hallo 世界X und so');
    expect(caret(textarea)).toBe(9);
  });

  test('typing the same character again goes where the caret says, not where a diff guesses', () => {
    const { textarea, theirs, bernd } = writingTogether('ああ');
    textarea.setSelectionRange(1, 1);
    const ime = compose(textarea);
    ime.update('a');
    bernd((t) => t.insert(2, '。'));
    ime.commit('あ');
    expect(theirs.toString()).toBe('あああ。');
    expect(textarea.value).toBe('あああ。');
    expect(caret(textarea)).toBe(2);
  });

  test('the last input after compositionend (browsers differ): the value is taken once it is there', () => {
    const { textarea, theirs, bernd } = writingTogether('Hallo Welt');
    textarea.setSelectionRange(10, 10);
    const ime = compose(textarea);
    ime.update('にほ');
    bernd((t) => t.insert(0, 'Liebe '));
    textarea.dispatchEvent(new CompositionEvent('compositionend', { data: '日本' }));
    // Bernd writes again before that input comes: still held.
    bernd((t) => t.insert(0, '> '));
    expect(textarea.value).toBe('Hallo Weltにほ');
    textarea.value = 'Hallo Welt日本';
    textarea.setSelectionRange(12, 12);
    textarea.dispatchEvent(new InputEvent('input', { inputType: 'insertFromComposition' }));
    expect(textarea.value).toBe('> Liebe Hallo Welt日本');
    expect(theirs.toString()).toBe('> Liebe Hallo Welt日本');
    expect(caret(textarea)).toBe(textarea.value.length);
    vi.advanceTimersByTime(1);
    expect(theirs.toString()).toBe('> Liebe Hallo Welt日本');
  });

  test('a phone keyboard composing the next word at once: both words arrive', () => {
    const { textarea, theirs, bernd } = writingTogether('Hallo');
    textarea.setSelectionRange(5, 5);
    const first = compose(textarea);
    first.update(' Wel');
    bernd((t) => t.insert(0, '> '));
    textarea.dispatchEvent(new CompositionEvent('compositionend', { data: ' Welt' }));
    const second = compose(textarea);
    second.update('t');
    expect(textarea.value).toBe('Hallo Welt');
    second.commit('t!');
    expect(textarea.value).toBe('> Hallo Welt!');
    expect(theirs.toString()).toBe('> Hallo Welt!');
    expect(caret(textarea)).toBe(textarea.value.length);
  });

  test('a cancelled composition writes nothing and then shows what came meanwhile', () => {
    const { textarea, mine, bernd } = writingTogether('Hallo Welt');
    textarea.setSelectionRange(10, 10);
    const writes: unknown[] = [];
    mine.observe((_e, tr) => writes.push(tr.origin));
    const ime = compose(textarea);
    ime.update('に');
    bernd((t) => t.insert(0, 'Liebe '));
    ime.commit('');
    expect(textarea.value).toBe('Liebe Hallo Welt');
    expect(writes).toHaveLength(1); // Bernd's
    expect(caret(textarea)).toBe(16);
  });

  test('a composition that has not changed the text (a phone keyboard marking the word at the caret) holds nothing back', () => {
    const { textarea, theirs, bernd } = writingTogether('Hallo Welt');
    textarea.setSelectionRange(10, 10);
    textarea.dispatchEvent(new Event('select'));
    textarea.dispatchEvent(new CompositionEvent('compositionstart', { data: 'Welt' }));
    textarea.dispatchEvent(new CompositionEvent('compositionupdate', { data: 'Welt' }));
    bernd((t) => t.insert(0, 'Liebe '));
    expect(textarea.value).toBe('Liebe Hallo Welt');
    expect(caret(textarea)).toBe(16);
    textarea.dispatchEvent(new CompositionEvent('compositionend', { data: 'Welt' }));
    vi.advanceTimersByTime(1);
    type(textarea, 16, '!');
    expect(theirs.toString()).toBe('Liebe Hallo Welt!');
  });

  test('undo takes back the composed word in one step, never the other person’s edit', () => {
    const { a, textarea, theirs, bernd } = writingTogether('Hallo Welt');
    textarea.setSelectionRange(10, 10);
    const ime = compose(textarea);
    for (const step of ['n', 'に', 'にh', 'にほ', 'にほn']) ime.update(step);
    bernd((t) => t.insert(0, 'Liebe '));
    ime.commit('日本');
    expect(a.undo.undoStack).toHaveLength(1);
    a.undo.undo();
    expect(theirs.toString()).toBe('Liebe Hallo Welt');
    expect(textarea.value).toBe('Liebe Hallo Welt');
  });

  test('an editor closed mid-composition keeps what was composed', () => {
    const { textarea, theirs, bernd, unbind } = writingTogether('Hallo Welt');
    textarea.setSelectionRange(10, 10);
    const ime = compose(textarea);
    ime.update('にほ');
    bernd((t) => t.insert(0, 'Liebe '));
    unbind();
    expect(theirs.toString()).toBe('Liebe Hallo Weltにほ');
  });

  test('a remote edit after the composition behaves as any remote edit', () => {
    const { textarea, theirs, bernd } = writingTogether('Hallo Welt');
    textarea.setSelectionRange(5, 5);
    compose(textarea).commit('日本');
    textarea.setSelectionRange(2, 2);
    textarea.dispatchEvent(new Event('select'));
    bernd((t) => t.insert(0, '> '));
    expect(textarea.value).toBe('> Hallo日本 Welt');
    expect(caret(textarea)).toBe(4);
    type(textarea, 4, '-');
    expect(theirs.toString()).toBe('> Ha-llo日本 Welt');
  });

  test('a summary created by a composition, as its first keystroke', () => {
    const doc = new Y.Doc();
    const origin = localOrigin('me' as ParticipantId);
    const textarea = document.createElement('textarea');
    document.body.append(textarea);
    const unbind = bindTextarea({ doc, origin }, summaryText(WORKSHOP_SUMMARY_KEY), textarea);
    textarea.focus();
    const ime = compose(textarea);
    ime.update('けつろん');
    expect(getSummaryText(doc, WORKSHOP_SUMMARY_KEY)).toBeUndefined();
    ime.commit('結論');
    expect(getSummaryText(doc, WORKSHOP_SUMMARY_KEY)?.toString()).toBe('結論');
    unbind();
    textarea.remove();
  });
});

describe('bindTextarea and changes not made through it', () => {
  test('this person’s own change from elsewhere (an import into the summary) is shown and kept', () => {
    const doc = new Y.Doc();
    const origin = localOrigin('me' as ParticipantId);
    setSummaryText(doc, WORKSHOP_SUMMARY_KEY, 'Fazit', origin);
    const textarea = document.createElement('textarea');
    document.body.append(textarea);
    const unbind = bindTextarea({ doc, origin }, summaryText(WORKSHOP_SUMMARY_KEY), textarea);
    textarea.focus();
    setSummaryText(doc, WORKSHOP_SUMMARY_KEY, 'Fazit\n\nImportiert', origin);
    expect(textarea.value).toBe('Fazit\n\nImportiert');
    type(textarea, 5, ':');
    expect(getSummaryText(doc, WORKSHOP_SUMMARY_KEY)?.toString()).toBe('Fazit:\n\nImportiert');
    unbind();
    textarea.remove();
  });
});
