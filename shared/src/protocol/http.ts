/**
 * The HTTP API's contract: every route's path and the shape of what goes in
 * and comes out, as zod schemas. The server parses requests with them, the
 * client and the tests parse responses with them, so a change to a shape is
 * a change in one place that the type checker carries to every side.
 * docs/protocol.md ("HTTP") describes the routes in prose.
 *
 * Errors are always `{ "error": message }` with a 4xx/5xx status.
 */
import { z } from 'zod';
import { importPreviewSchema } from '../import/importPlan.ts';
import { boardSchema } from '../model/board.ts';
import { clusterSchema } from '../model/cluster.ts';
import { noteIdSchema } from '../model/ids.ts';
import { langSchema } from '../model/lang.ts';
import { workshopTemplateIdSchema } from '../templates/templates.ts';
import { roleSchema } from './roles.ts';

/** Route patterns; `:name` is one path segment (or the part of one after a dot). */
export const ApiRoute = {
  health: '/healthz',
  metrics: '/metrics',
  time: '/api/time',
  /** GET: `AccessibilityInfo` (the operator's feedback contact for the accessibility statement). */
  accessibility: '/api/accessibility',
  /** POST: create a workshop (body `CreateWorkshopRequest`, 201 `CreatedWorkshop`). */
  workshops: '/api/workshops',
  /** POST: a JSON backup becomes a new workshop (201 `CreatedWorkshop`). */
  restore: '/api/workshops/restore',
  /** DELETE with the facilitator token: 204. */
  workshop: '/api/workshops/:id',
  /** GET with any token: `SessionInfo`. */
  session: '/api/workshops/:id/session',
  /** GET with the facilitator token: `Invites`. */
  invites: '/api/workshops/:id/invites',
  /** GET with any token (`?authors=1` facilitator only, `&license=`): the file. */
  export: '/api/workshops/:id/export.:format',
  /** POST with the facilitator token, `?format=…[&board=…][&preview=1]`, body the file: `ImportResponse`. */
  import: '/api/workshops/:id/import',
  /**
   * POST with the participant or facilitator token: a new participant identity
   * (201 `IssuedIdentity`); GET with the facilitator token: `IdentityList`.
   */
  identities: '/api/workshops/:id/identities',
  /** DELETE with the facilitator token: revokes the identity and takes back its votes (204). */
  identity: '/api/workshops/:id/identities/:participantId',
  /** GET with any token: `BoardPreview`, the first picture of the board a device opens first. */
  boardPreview: '/api/workshops/:id/board-preview',
  /** GET with any token: `BoardCards`, that board's notes as plain cards (the preview in a few bytes a note). */
  boardCards: '/api/workshops/:id/board-cards',
} as const;
export type ApiRoutePattern = (typeof ApiRoute)[keyof typeof ApiRoute];

type ParamName<S extends string> = S extends `${infer N}/${string}`
  ? N
  : S extends `${infer N}.${string}`
    ? N
    : S;
/** The `:name` parameters of a route pattern, as a union of names. */
export type RouteParams<P extends string> = P extends `${string}:${infer Rest}`
  ? ParamName<Rest> | RouteParams<Rest>
  : never;

/** A concrete path for a route: each `:name` replaced by its encoded value. */
export function apiPath<P extends ApiRoutePattern>(
  pattern: P,
  ...[params]: [RouteParams<P>] extends [never] ? [] : [Record<RouteParams<P>, string>]
): string {
  const values = (params ?? {}) as Record<string, string>;
  return pattern.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`apiPath: no value for :${name} in ${pattern}`);
    return encodeURIComponent(value);
  });
}

/** Every error answer. */
export const errorBodySchema = z.object({ error: z.string() });
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const createWorkshopRequestSchema = z.strictObject({
  title: z.string().trim().min(1, 'title must not be empty').max(200, 'title is too long'),
  template: workshopTemplateIdSchema,
  /** Language of the template texts; 'de' when absent. */
  lang: langSchema.optional(),
});
export type CreateWorkshopRequest = z.infer<typeof createWorkshopRequestSchema>;

const roleLinks = z.object({
  facilitator: z.string(),
  participant: z.string(),
  viewer: z.string(),
});

/** The 201 answer of creating and of restoring a workshop. */
export const createdWorkshopSchema = z.object({
  id: z.string(),
  title: z.string(),
  facilitatorToken: z.string(),
  participantToken: z.string(),
  viewerToken: z.string(),
  /** Ready-to-open links; the token sits in the fragment (`/w/<id>#token=…`). */
  urls: roleLinks,
  /**
   * The new workshop's first board as plain cards, as `GET …/board-cards`
   * would answer once its room is open: the creator's page shows its title,
   * boards and question behind the name prompt (a new room answers 204).
   */
  cards: z.lazy(() => boardCardsSchema).optional(),
});
export type CreatedWorkshop = z.infer<typeof createdWorkshopSchema>;

/** What the accessibility statement names as the operator's feedback contact. */
export const accessibilityInfoSchema = z.object({
  /** An e-mail address or a web address; '' when the operator has not set one. */
  contact: z.string(),
});
export type AccessibilityInfo = z.infer<typeof accessibilityInfoSchema>;

/** What a token may do in a workshop, and the server's clock (for timers). */
export const sessionInfoSchema = z.object({
  workshopId: z.string(),
  role: roleSchema,
  /** The live title (the facilitator may have renamed the workshop). */
  title: z.string(),
  /** `Date.now()` on the server when it answered. */
  serverTime: z.number(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

/** The participant and viewer links again, for the facilitator on another device. */
export const invitesSchema = z.object({
  participantToken: z.string(),
  viewerToken: z.string(),
  urls: roleLinks.pick({ participant: true, viewer: true }),
});
export type Invites = z.infer<typeof invitesSchema>;

export const serverTimeSchema = z.object({ serverTime: z.number() });

export const healthSchema = z.object({
  status: z.literal('ok'),
  connections: z.number(),
  rooms: z.number(),
});
export type Health = z.infer<typeof healthSchema>;

/** The document formats `export.:format` serves (PNG is drawn in the browser only). */
export const EXPORT_FORMATS = ['md', 'pdf', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const exportFormatSchema = z.enum(EXPORT_FORMATS);

/**
 * One note as the board's first picture shows it (read/boardPreview.ts): what
 * a note looks like when nobody selects or writes in it.
 */
export const previewNoteSchema = z.object({
  id: noteIdSchema,
  x: z.number(),
  y: z.number(),
  color: z.string(),
  author: z.string(),
  text: z.string(),
  /** The vote total the note shows: 0 while a round hides the totals. */
  votes: z.number().int().nonnegative(),
});
export type PreviewNote = z.infer<typeof previewNoteSchema>;

/**
 * The first picture of a workshop, made by the server from the room's
 * document so that a device can draw it before the document has arrived and
 * been applied (2.3 MB and more than a second for 5,000 notes): the boards
 * (the tabs), and the notes and cluster frames of the board a device opens
 * first (the first by order). Nothing in it that the document does not show
 * every holder of a link; the document replaces it once synced. A change of
 * its shape or of what readBoardPreview reads raises PREVIEW_SHAPE in
 * server/src/storage/storedPreview.ts (stored previews of the old kind go unused).
 */
export const boardPreviewSchema = z.object({
  /** The workshop's title (meta), '' before it has one. */
  title: z.string(),
  /** Every readable board, in display order. */
  boards: z.array(boardSchema),
  /** The board a device opens first (the first of `boards`), null when there is none. */
  boardId: boardSchema.shape.id.nullable(),
  /** That board's cluster frames, in display order. */
  clusters: z.array(clusterSchema),
  /** That board's readable notes in drawing order (the last on top: read/workshopView's compareNotesByLayer). */
  notes: z.array(previewNoteSchema),
});
export type BoardPreview = z.infer<typeof boardPreviewSchema>;

/**
 * The board preview as plain cards (read/boardCards.ts): what a device's
 * very first sight of the board needs — the tabs and heading, the frames, and
 * each note's place and colour — in about a fifteenth of the preview's bytes,
 * so that it is read and drawn while the page's code still loads (a page
 * took 0.1–0.3 s to read a 5,000-note preview's megabyte on a busy machine).
 */
export const boardCardsSchema = z
  .object({
    title: z.string(),
    boards: z.array(boardSchema),
    boardId: boardSchema.shape.id.nullable(),
    clusters: z.array(clusterSchema),
    /** The notes' colours, each once. */
    colors: z.array(z.string()),
    /**
     * Three numbers per note, in drawing order: x, y and its colour's index in
     * `colors`. Checked as one array: 15,000 numbers parsed one by one as
     * `z.number()` cost a new device's page 50–80 ms before its first cards.
     */
    cards: z.custom<number[]>(
      (v) => Array.isArray(v) && v.every((n) => typeof n === 'number' && Number.isFinite(n)),
      { message: 'numbers' },
    ),
  })
  .refine((c) => c.cards.length % 3 === 0, { message: 'three numbers per card' });
export type BoardCards = z.infer<typeof boardCardsSchema>;

/** `?preview=1` answers only `preview`; an applied import adds what it created. */
export const importResponseSchema = z.object({
  preview: importPreviewSchema,
  boardIds: z.array(z.string()).optional(),
  clusters: z.number().optional(),
  notes: z.number().optional(),
});
export type ImportResponse = z.infer<typeof importResponseSchema>;

/**
 * A participant identity the server issued: the secret key the device keeps
 * and sends as `?pkey=` when it connects, and the public participant id the
 * key stands for (votes, `authorId`). See docs/design.md "Participant identities".
 */
export const issuedIdentitySchema = z.object({
  participantKey: z.string(),
  participantId: z.string(),
});
export type IssuedIdentityAnswer = z.infer<typeof issuedIdentitySchema>;

/** The identities issued so far, for the facilitator. */
export const identityListSchema = z.object({
  identities: z.array(
    z.object({
      participantId: z.string(),
      issuedAt: z.number(),
      revokedAt: z.number().nullable(),
      /** Connections using it right now (on the process serving the room). */
      connected: z.number(),
    }),
  ),
  /** The most this workshop issues (`MAX_IDENTITIES_PER_WORKSHOP`). */
  limit: z.number(),
});
export type IdentityList = z.infer<typeof identityListSchema>;
