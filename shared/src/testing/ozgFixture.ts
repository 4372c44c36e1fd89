/**
 * The real OZG workshop (shared/fixtures) for the tests and benchmarks of every
 * workspace package: they import it from `@pinnwand/shared/testing/ozgFixture`
 * rather than through a relative path that climbs out of their own package.
 * Tests only; product code ships its own copy (templates/ozgExample.ts), and
 * `structuredResults.test.ts` keeps the two equal.
 */
import fixture from '../../fixtures/ozg-erfahrungsaustausch-2023.json' with { type: 'json' };

export const OZG_FIXTURE = fixture;
