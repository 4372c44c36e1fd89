import { describe, expect, it } from 'vitest';
import { Progress } from './pdfProgress.ts';

describe('Progress', () => {
  it('reports every forty notes while notes are quick', async () => {
    const reports: number[] = [];
    const progress = new Progress(
      100,
      (done) => void reports.push(done),
      () => 0,
    );
    for (let i = 0; i < 100; i++) await progress.note();
    expect(reports).toHaveLength(2);
  });

  it('reports after every slow note, so the caller may yield between them', async () => {
    let clock = 0;
    const reports: number[] = [];
    const progress = new Progress(
      10,
      (done) => void reports.push(done),
      () => clock,
    );
    for (let i = 0; i < 10; i++) {
      clock += Progress.BUDGET_MS;
      await progress.note();
    }
    expect(reports).toHaveLength(10);
  });
});
