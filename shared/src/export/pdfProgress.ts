/**
 * The PDF export's progress: laying out the notes is most of the work, so it
 * is reported in notes done (PdfOptions.onProgress). The report is where the
 * caller may yield (the server lets other work run there), so it comes every
 * `EVERY` notes, and sooner once `BUDGET_MS` passed since the last one: forty
 * notes of thousands of characters each take a good second to lay out, which
 * held the server's event loop for as long.
 */

export class Progress {
  static readonly EVERY = 40;
  static readonly BUDGET_MS = 20;
  private done = 0;
  private reported = 0;
  private reportedAt: number;
  constructor(
    private readonly total: number,
    private readonly report: ((done: number) => void | Promise<void>) | undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.reportedAt = now();
  }

  /** One unit of work done: a note drawn on a board picture or set in a list. */
  async note(): Promise<void> {
    this.done++;
    if (!this.report) return;
    if (
      this.done - this.reported < Progress.EVERY &&
      this.now() - this.reportedAt < Progress.BUDGET_MS
    )
      return;
    this.reported = this.done;
    // Layout is most of the work; saving takes the last tenth.
    await this.report((0.9 * this.done) / Math.max(1, this.total));
    this.reportedAt = this.now();
  }
}
