// Forgetting a deleted workshop on this device: everything Pinnwand keeps under
// its id in localStorage and sessionStorage (token, session, links, …), its
// entry in the recent list, and its IndexedDB databases (the document of
// y-indexeddb, `pinnwand-<id>`, and the hidden notes, `pinnwand-hidden-<id>-…`).
// Workshop ids are long random strings, so "contains the id" is exact enough.
import { isRecord, readJson, writeJson } from '../session/storage.ts';

const RECENT_KEY = 'pinnwand.recent';

function forgetIn(store: Storage | undefined, workshopId: string): void {
  if (!store) return;
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith('pinnwand.') && key.includes(workshopId)) keys.push(key);
  }
  for (const key of keys) store.removeItem(key);
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    // Completes once the open connection (the board being left) has closed.
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
  });
}

export async function forgetWorkshop(workshopId: string): Promise<void> {
  try {
    forgetIn(localStorage, workshopId);
    forgetIn(sessionStorage, workshopId);
    const recent = readJson(RECENT_KEY, Array.isArray);
    if (recent) {
      writeJson(
        RECENT_KEY,
        recent.filter((r: unknown) => !(isRecord(r) && r.workshopId === workshopId)),
      );
    }
  } catch {
    // storage disabled: nothing was remembered
  }
  if (typeof indexedDB === 'undefined') return;
  const names = new Set([`pinnwand-${workshopId}`]);
  try {
    for (const db of await indexedDB.databases()) {
      if (db.name?.startsWith('pinnwand-') && db.name.includes(workshopId)) names.add(db.name);
    }
  } catch {
    // databases() is missing in older browsers: the document's database is still deleted
  }
  await Promise.all([...names].map(deleteDatabase));
}
