/**
 * Workshop meta: the `meta` root map. The design.md fields (schemaVersion,
 * title, createdAt, template) identify the document; the extension keys hold
 * workshop-wide settings that facilitators change during the session.
 *
 * Core fields are validated strictly (a bad one makes the meta unreadable and
 * is reported). Settings are read key by key: an absent key means its default,
 * a malformed one is reported and its default used, so one foreign client's
 * odd value cannot disable voting for everybody.
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import { pick } from './fields.ts';
import { langSchema } from './lang.ts';
import { parseWith, type ReadResult } from './result.ts';
import { META } from './schema.ts';

export const metaSchema = z.object({
  /** Version of the document format; see migrations.ts. */
  schemaVersion: z.number().int().positive(),
  /** The workshop's title as shown in the header and exports. */
  title: z.string(),
  /** When the workshop was created, ms since epoch. */
  createdAt: z.number(),
  /** The template id it was created from (free string: foreign clients may use others). */
  template: z.string(),
  /** Language of the template texts; 'de' when absent (the first users are German). */
  lang: langSchema.optional().default('de'),
});
export type Meta = z.infer<typeof metaSchema>;

export function readMeta(map: Y.Map<unknown>): ReadResult<Meta> {
  return parseWith(metaSchema, pick(map, Object.keys(metaSchema.shape)), 'meta');
}

/** Facilitation phases; the UI highlights the tools of the current one. */
export const PHASES = ['collect', 'cluster', 'vote', 'summarise', 'done'] as const;
export type Phase = (typeof PHASES)[number];

/**
 * A shared countdown. Stored as one JSON value so that start/pause/reset by two
 * facilitators resolve to one consistent state (last writer wins), never a mix.
 * Clients compute the remaining time from `endsAt` against their own clock.
 */
export const timerSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('running'),
    durationMs: z.number().nonnegative(),
    endsAt: z.number(),
  }),
  z.object({
    state: z.literal('paused'),
    durationMs: z.number().nonnegative(),
    remainingMs: z.number().nonnegative(),
  }),
]);
export type TimerState = z.infer<typeof timerSchema>;

// readSettings checks each setting on its own, key by key.
export const settingsSchema = z.object({
  /** Total votes one person may give across the workshop. */
  votesPerPerson: z.number().int().nonnegative(),
  /** Votes one person may give to a single note. */
  maxVotesPerNote: z.number().int().positive(),
  /** Vote and unvote are refused while false (a facilitator closes the round). */
  votingOpen: z.boolean(),
  /** Whether participants see vote totals (hidden voting avoids herding). */
  votesVisible: z.boolean(),
  phase: z.enum(PHASES),
  /** The shared countdown, null when none is set. */
  timer: timerSchema.nullable(),
});
export type WorkshopSettings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Readonly<WorkshopSettings> = Object.freeze({
  votesPerPerson: 5,
  maxVotesPerNote: 3,
  votingOpen: true,
  votesVisible: true,
  phase: 'collect',
  timer: null,
});

export const settingsPatchSchema = settingsSchema.partial();
export type SettingsPatch = Partial<WorkshopSettings>;

export interface SettingsRead {
  settings: WorkshopSettings;
  /** One message per malformed setting (its default was used instead). */
  problems: string[];
}

export function readSettings(map: Y.Map<unknown>): SettingsRead {
  const settings: WorkshopSettings = { ...DEFAULT_SETTINGS };
  const problems: string[] = [];
  const assign = <K extends keyof WorkshopSettings>(key: K): void => {
    const value = map.get(META[key]);
    if (value === undefined) return;
    const parsed = settingsSchema.shape[key].safeParse(value);
    if (parsed.success) settings[key] = parsed.data as WorkshopSettings[K];
    else problems.push(`meta.${key}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  };
  for (const key of Object.keys(settingsSchema.shape) as (keyof WorkshopSettings)[]) assign(key);
  return { settings, problems };
}

/**
 * Cover information: what an administration's documentation names on its
 * title page (who organised, who facilitated, where, when, under which
 * licence and attribution). Optional extension keys of `meta`, one string
 * each, edited by facilitators in the workshop settings and printed by every
 * export. Read key by key like the settings: an absent or malformed key is
 * '' (a malformed one is reported), so a foreign client's odd value never
 * makes the document unreadable.
 */
export const COVER_FIELDS = [
  'organizer',
  'facilitators',
  'place',
  'eventDate',
  'license',
  'attribution',
] as const;
export type CoverField = (typeof COVER_FIELDS)[number];
export type Cover = Readonly<Record<CoverField, string>>;

export const EMPTY_COVER: Cover = Object.freeze({
  organizer: '',
  facilitators: '',
  place: '',
  eventDate: '',
  license: '',
  attribution: '',
});

/** Longest cover value in characters; an attribution may be a paragraph. */
export const COVER_MAX_LENGTH: Readonly<Record<CoverField, number>> = Object.freeze({
  organizer: 300,
  facilitators: 500,
  place: 300,
  eventDate: 10,
  license: 200,
  attribution: 1000,
});

const dayCount = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The day of the event as an ISO 8601 calendar date, `YYYY-MM-DD`; the reduced
 * forms `YYYY-MM` and `YYYY` for a workshop whose month or year is all that
 * is known (the example: 2023). Years 1000–9999.
 */
export const eventDateSchema = z
  .string()
  .regex(/^[1-9]\d{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected YYYY-MM-DD')
  .refine((value) => {
    const [y, m, d] = value.split('-').map(Number);
    return d === undefined || d <= dayCount(y as number, m as number);
  }, 'no such day');

const coverSchemas: Readonly<Record<CoverField, z.ZodType<string>>> = {
  organizer: z.string().max(COVER_MAX_LENGTH.organizer),
  facilitators: z.string().max(COVER_MAX_LENGTH.facilitators),
  place: z.string().max(COVER_MAX_LENGTH.place),
  eventDate: z.union([z.literal(''), eventDateSchema]),
  license: z.string().max(COVER_MAX_LENGTH.license),
  attribution: z.string().max(COVER_MAX_LENGTH.attribution),
};

/** Validates a facilitator's edit (UI, API, backup) before it is written. */
export const coverPatchSchema = z.object(coverSchemas).partial();
export type CoverPatch = Partial<Record<CoverField, string>>;

export interface CoverRead {
  cover: Cover;
  /** One message per malformed key ('' was used instead). */
  problems: string[];
}

export function readCover(map: Y.Map<unknown>): CoverRead {
  const cover: Record<CoverField, string> = { ...EMPTY_COVER };
  const problems: string[] = [];
  for (const key of COVER_FIELDS) {
    const value = map.get(META[key]);
    if (value === undefined) continue;
    const parsed = coverSchemas[key].safeParse(typeof value === 'string' ? value.trim() : value);
    if (parsed.success) cover[key] = parsed.data;
    else problems.push(`meta.${key}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  return { cover, problems };
}
