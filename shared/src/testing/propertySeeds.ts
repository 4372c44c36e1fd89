/**
 * How the property tests (fast-check) choose their seeds. Every run checks the
 * fixed regression seeds (CI's baseline, and any seed that once found a bug)
 * and one fresh random seed, so each run also explores something new; each
 * seed is printed before it runs, so a failure anywhere can be replayed with
 * FC_SEED=<seed>. With FC_SEED set, only that seed runs.
 */
import fc from 'fast-check';

// Read through globalThis: shared/ declares no Node or DOM globals.
const host = globalThis as {
  process?: { env: Record<string, string | undefined> };
  console?: { info(message: string): void };
};

/**
 * Time a property test may take: each runs its regression seeds and a fresh
 * one, a few seconds on a quiet machine and several times that on a loaded
 * CI machine, where vitest's 5 s default failed a correct run.
 */
export const PROPERTY_TIMEOUT_MS = 60_000;

/** The seeds this run checks: the regression seeds and a fresh one, or only FC_SEED. */
export function propertySeeds(regression: readonly number[]): number[] {
  const replay = host.process?.env.FC_SEED;
  if (replay) return [Number(replay)];
  return [...regression, Math.floor(Math.random() * 0x7fffffff)];
}

/** `fc.assert` once per seed of `propertySeeds(regressionSeeds)`, each seed printed first. */
export function assertProperty<Ts>(
  name: string,
  property: fc.IProperty<Ts>,
  params: Omit<fc.Parameters<Ts>, 'seed'> & { regressionSeeds: readonly number[] },
): void {
  const { regressionSeeds, ...rest } = params;
  for (const seed of propertySeeds(regressionSeeds)) {
    host.console?.info(`[fast-check] ${name}: seed ${seed} (replay with FC_SEED=${seed})`);
    fc.assert(property, { ...rest, seed });
  }
}
