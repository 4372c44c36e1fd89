import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_SETTINGS, readMeta, readSettings } from './meta.ts';

function meta(fields: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Doc().getMap<unknown>('meta');
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
}

const core = { schemaVersion: 1, title: 'T', createdAt: 1, template: 'retro' };

describe('readMeta', () => {
  it('reads the core fields; lang defaults to de', () => {
    expect(readMeta(meta(core))).toEqual({ ok: true, value: { ...core, lang: 'de' } });
  });

  it('names bad core fields', () => {
    const read = readMeta(meta({ ...core, schemaVersion: '1', title: undefined }));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toMatch(/^meta: .*schemaVersion: .*title: /);
  });
});

describe('readSettings', () => {
  it('uses defaults for absent keys', () => {
    expect(readSettings(meta(core))).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('reads valid settings and reports each malformed one, keeping its default', () => {
    const read = readSettings(
      meta({
        ...core,
        votesPerPerson: 7,
        maxVotesPerNote: 'many',
        phase: 'vote',
        timer: { state: 'running', durationMs: 1000, endsAt: 5000 },
      }),
    );
    expect(read.settings).toMatchObject({ votesPerPerson: 7, maxVotesPerNote: 3, phase: 'vote' });
    expect(read.settings.timer).toEqual({ state: 'running', durationMs: 1000, endsAt: 5000 });
    expect(read.problems).toEqual([expect.stringMatching(/^meta\.maxVotesPerNote: /)]);
  });
});
