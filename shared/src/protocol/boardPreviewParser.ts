/**
 * `boardPreviewSchema.safeParse`, with the same answer, in a fraction of the
 * time for a large board. The preview is read on the way to a new device's
 * first picture; zod took 100–250 ms of its main thread for a 5,000-note
 * board (a loaded machine), most of it walking the notes. Here each note is
 * checked by hand against `previewNoteSchema`'s rules; the rest of the preview
 * (title, boards, cluster frames: small) still goes through zod. A note that
 * the hand check does not accept at once is left to zod with everything else,
 * so the answer — and a failure's reason — is always zod's.
 */
import type { z } from 'zod';
import { type BoardPreview, boardPreviewSchema, type PreviewNote } from './http.ts';

/** The note as `previewNoteSchema` returns it (only its keys), or null when zod must decide. */
function quickNote(value: unknown): PreviewNote | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const n = value as Record<string, unknown>;
  const { id, x, y, color, author, text, votes } = n;
  if (
    typeof id !== 'string' ||
    id.length === 0 ||
    typeof x !== 'number' ||
    !Number.isFinite(x) ||
    typeof y !== 'number' ||
    !Number.isFinite(y) ||
    typeof color !== 'string' ||
    typeof author !== 'string' ||
    typeof text !== 'string' ||
    typeof votes !== 'number' ||
    !Number.isSafeInteger(votes) ||
    votes < 0
  )
    return null;
  return { id: id as PreviewNote['id'], x, y, color, author, text, votes };
}

type Parsed = z.ZodSafeParseResult<BoardPreview>;

export const boardPreviewParser = {
  safeParse(value: unknown): Parsed {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return boardPreviewSchema.safeParse(value);
    const { notes } = value as { notes?: unknown };
    if (!Array.isArray(notes)) return boardPreviewSchema.safeParse(value);
    const checked: PreviewNote[] = new Array(notes.length);
    for (let i = 0; i < notes.length; i++) {
      const note = quickNote(notes[i]);
      if (!note) return boardPreviewSchema.safeParse(value);
      checked[i] = note;
    }
    const rest = boardPreviewSchema.safeParse({ ...value, notes: [] });
    if (!rest.success) return rest;
    return { success: true, data: { ...rest.data, notes: checked } };
  },
};
