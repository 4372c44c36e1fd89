/**
 * The contract every Storage backend must pass (conventions.md §10). Run it from
 * a backend's test file:
 *
 *   runStorageContract('SqliteStorage', async () => ({ storage, reopen, cleanup }));
 *
 * `reopen` (optional) closes the backend and opens it again on the same data,
 * to prove that what was committed is durable.
 */
import { describe } from 'vitest';
import { documentLogCases } from './documentLogContract.ts';
import type { StorageFactory } from './storageContractFixtures.ts';
import { storedPreviewCases } from './storedPreviewContract.ts';
import { workshopRecordCases } from './workshopRecordContract.ts';

export function runStorageContract(name: string, factory: StorageFactory): void {
  describe(`${name} fulfils the storage contract`, () => {
    workshopRecordCases(factory);
    documentLogCases(factory);
    storedPreviewCases(factory);
  });
}
