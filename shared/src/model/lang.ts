/**
 * The languages a workshop (its exports) and the UI speak. A module of its
 * own without Yjs, so that the start page's contract (protocol/http.ts) does
 * not pull the document model into the landing bundle.
 */
import { z } from 'zod';

export const LANGS = ['de', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const langSchema = z.enum(LANGS);
