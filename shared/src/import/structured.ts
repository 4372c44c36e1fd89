/**
 * The structured-results format (the OZG fixture's) as an import source.
 * Validation is the model's own schema (structuredResults.ts); this only
 * maps a valid file onto an ImportPlan, so it can be previewed and imported
 * into a chosen board like every other format.
 */
import {
  checkLimits,
  type ParseResult,
  type PlannedNote,
  parseFailure,
  STRUCTURED_SHAPE_LIMITS,
} from './importPlan.ts';
import { jsonShapeProblem } from './jsonShape.ts';
import { parseStructuredResults } from './structuredResults.ts';

/** How a structured file's shape problem is reported (the server's arrival scan says the same). */
export function structuredShapeError(problem: string): string {
  return `Structured results: ${problem}.`;
}

export function parseStructuredFile(input: string): ParseResult {
  // Shape first, as for a backup: a stuffed file is refused before JSON.parse builds it.
  const problem = jsonShapeProblem(input, STRUCTURED_SHAPE_LIMITS);
  if (problem) return parseFailure(structuredShapeError(problem));
  let raw: unknown;
  try {
    raw = JSON.parse(input.replace(/^\uFEFF/, ''));
  } catch (error) {
    return parseFailure(`Not valid JSON: ${(error as Error).message}`);
  }
  const parsed = parseStructuredResults(raw);
  if (!parsed.ok) return parseFailure(parsed.error);
  const results = parsed.value;
  const note = (text: string): PlannedNote => ({ text });
  return checkLimits({
    format: 'structured',
    title: results.title,
    ...(results.license ? { license: results.license } : {}),
    boards: results.boards.map((board) => ({
      title: board.title,
      question: board.question,
      clusters: board.clusters.map((c) => ({ title: c.title, notes: c.notes.map(note) })),
      notes: board.notes.map(note),
      summary: board.summary ?? '',
    })),
    summary: results.summary ?? '',
  });
}
