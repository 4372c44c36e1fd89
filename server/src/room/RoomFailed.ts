/**
 * What a server change or write waiting for its room gets when the room fails
 * first (storage refused a commit, the room was lost to another process, or
 * its document turned out inconsistent): nothing of it was stored or relayed.
 * The room is reloaded on next use, so the request behind it may simply be
 * sent again; the HTTP layer answers it with 503 (app.ts).
 */
export class RoomFailed extends Error {
  constructor(
    readonly roomId: string,
    cause?: unknown,
  ) {
    const why = cause instanceof Error ? ` (${cause.message})` : '';
    super(`room ${roomId} failed${why}; nothing of this change was stored`, { cause });
  }
}
