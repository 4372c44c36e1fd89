// Creating a workshop through the real HTTP API, for journeys and benchmarks
// alike; the answer is checked against the shared contract.
import {
  ApiRoute,
  type CreatedWorkshop,
  createdWorkshopSchema,
} from '@pinnwand/shared/protocol/http';
import type { WorkshopTemplateId } from '@pinnwand/shared/templates/templates';

export async function createWorkshopViaApi(
  baseUrl: string,
  template: WorkshopTemplateId,
  title = 'Test-Workshop',
): Promise<CreatedWorkshop> {
  const res = await fetch(`${baseUrl}${ApiRoute.workshops}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title, template }),
  });
  if (res.status !== 201)
    throw new Error(`POST ${ApiRoute.workshops}: ${res.status} ${await res.text()}`);
  return createdWorkshopSchema.parse(await res.json());
}
