/**
 * Builds a cold room's document once its joiners have had time to take in
 * what they were sent from the stored bytes. Building a large document blocks
 * the event loop for about a second and its garbage collection takes every
 * core of a small machine, so a joiner still reading its SyncStep2 (out of the
 * kernel's buffer on loopback, where `bufferedAmount` is already 0) would wait
 * for it. Anything that needs the document (an update, a route) builds it at
 * once anyway; this only builds an idle room ahead of need.
 */

import type { Connection } from './Connection.ts';
import type { LazyDocument } from './LazyDocument.ts';

/** How long an idle cold room waits, after its first answers went out, before it builds. */
const BUILD_GRACE_MS = 500;

export class DeferredBuild {
  private scheduled = false;

  constructor(
    private readonly document: LazyDocument,
    private readonly connections: ReadonlySet<Connection>,
    /** Whether the room still wants its document (false once it failed or unloads). */
    private readonly wanted: () => boolean,
  ) {}

  schedule(): void {
    if (this.document.isBuilt || this.scheduled) return;
    this.scheduled = true;
    const dueAt = performance.now() + BUILD_GRACE_MS;
    const attempt = () => {
      if (!this.wanted() || this.document.isBuilt) {
        this.scheduled = false;
        return;
      }
      const flushing = [...this.connections].some((c) => c.socket.bufferedAmount > 0);
      const wait = dueAt - performance.now();
      if (flushing || wait > 0) {
        setTimeout(attempt, Math.max(5, Math.min(wait, 50))).unref();
        return;
      }
      this.scheduled = false;
      void this.document.doc;
    };
    setImmediate(attempt);
  }
}
