/**
 * The PDF export's progress: laying out the notes is most of the work, so it
 * is reported in notes done (PdfOptions.onProgress).
 */

/** Counts laid-out notes and reports progress every `EVERY` notes. */
export class Progress {
  static readonly EVERY = 40;
  private done = 0;
  private reported = 0;
  constructor(
    private readonly total: number,
    private readonly report: ((done: number) => void | Promise<void>) | undefined,
  ) {}

  /** One unit of work done: a note drawn on a board picture or set in a list. */
  async note(): Promise<void> {
    this.done++;
    if (!this.report || this.done - this.reported < Progress.EVERY) return;
    this.reported = this.done;
    // Layout is most of the work; saving takes the last tenth.
    await this.report((0.9 * this.done) / Math.max(1, this.total));
  }
}
