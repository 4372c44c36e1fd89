import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SERVER_ORIGIN } from '../model/origin.ts';
import { getMeta, getSettings } from '../read/lookups.ts';
import { readWorkshop } from '../read/workshopView.ts';
import { TEMPLATE_IDS } from '../templates/templates.ts';
import { ALICE } from '../testing/testWorkshop.ts';
import { clearTimer, pauseTimer, resumeTimer, startTimer, timerRemainingMs } from './timerOps.ts';
import { createWorkshop, setPhase, setWorkshopTitle, updateSettings } from './workshopOps.ts';

describe('createWorkshop', () => {
  it.each(TEMPLATE_IDS)('creates a readable workshop from the %s template', (template) => {
    const doc = new Y.Doc();
    const { boardIds } = createWorkshop(doc, { title: 'W', template, createdAt: 7 }, SERVER_ORIGIN);
    const view = readWorkshop(doc);
    expect(view.problems).toEqual([]);
    expect(view.meta).toEqual({ schemaVersion: 1, title: 'W', createdAt: 7, template, lang: 'de' });
    expect(view.boards.map((b) => b.id)).toEqual(boardIds);
  });

  it('writes the OZG questions in German, or English on request', () => {
    const de = new Y.Doc();
    createWorkshop(de, { title: 'W', template: 'ozg-erfahrungsaustausch' }, SERVER_ORIGIN);
    expect(readWorkshop(de).boards.map((b) => b.title)).toEqual(['Bewährtes', 'Aufgaben', 'Neues']);
    expect(readWorkshop(de).boards[1]?.question).toBe(
      'Welche Aufgaben haben wir künftig gemeinsam zu meistern?',
    );
    const en = new Y.Doc();
    createWorkshop(en, { title: 'W', template: 'retro', lang: 'en' }, SERVER_ORIGIN);
    expect(readWorkshop(en).boards.map((b) => b.title)).toEqual([
      'What went well?',
      'What did not go well?',
      'What will we change?',
    ]);
    expect(getMeta(en)?.lang).toBe('en');
  });

  it('refuses to create a second workshop in the same document', () => {
    const doc = new Y.Doc();
    createWorkshop(doc, { title: 'W', template: 'blank' }, SERVER_ORIGIN);
    expect(() => createWorkshop(doc, { title: 'X', template: 'blank' }, SERVER_ORIGIN)).toThrow(
      /already/,
    );
  });
});

describe('settings', () => {
  it('updates title, settings and phase; rejects invalid values', () => {
    const doc = new Y.Doc();
    createWorkshop(
      doc,
      { title: 'W', template: 'blank', settings: { votesPerPerson: 10 } },
      SERVER_ORIGIN,
    );
    expect(getSettings(doc).votesPerPerson).toBe(10);
    setWorkshopTitle(doc, 'Neu', ALICE.origin);
    setPhase(doc, 'vote', ALICE.origin);
    updateSettings(doc, { votesVisible: false }, ALICE.origin);
    expect(getMeta(doc)?.title).toBe('Neu');
    expect(getSettings(doc)).toMatchObject({
      phase: 'vote',
      votesVisible: false,
      votesPerPerson: 10,
    });
    expect(() => updateSettings(doc, { votesPerPerson: -1 }, ALICE.origin)).toThrow();
  });

  it('runs a shared timer: start, pause, resume, clear', () => {
    const doc = new Y.Doc();
    createWorkshop(doc, { title: 'W', template: 'blank' }, SERVER_ORIGIN);
    startTimer(doc, 60_000, ALICE.origin, 1_000);
    const running = getSettings(doc).timer!;
    expect(running).toEqual({ state: 'running', durationMs: 60_000, endsAt: 61_000 });
    expect(timerRemainingMs(running, 31_000)).toBe(30_000);
    pauseTimer(doc, ALICE.origin, 31_000);
    expect(getSettings(doc).timer).toEqual({
      state: 'paused',
      durationMs: 60_000,
      remainingMs: 30_000,
    });
    resumeTimer(doc, ALICE.origin, 100_000);
    expect(getSettings(doc).timer).toMatchObject({ state: 'running', endsAt: 130_000 });
    expect(timerRemainingMs(getSettings(doc).timer!, 200_000)).toBe(0);
    clearTimer(doc, ALICE.origin);
    expect(getSettings(doc).timer).toBeNull();
  });
});
