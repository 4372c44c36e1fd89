// Migrations run at the server, once, when a room's document is loaded from
// storage: a workshop stored in an older format reaches every client already
// migrated (stored first, then relayed), the step never runs twice, and a
// document newer than the server knows is left untouched.
import { rmSync } from 'node:fs';
import type { Migration } from '@pinnwand/shared/model/migrations';
import { META, metaMap, notesMap } from '@pinnwand/shared/model/schema';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { serverRound } from './helpers/serverRound.ts';
import { makeDataDir, synced, type TestServer, waitFor } from './helpers/testServer.ts';

/** A step from format 1 to 2 that marks every note and logs each run. */
const markNotes: Migration = {
  id: '2-test-mark-notes',
  from: 1,
  description: 'marks every note (test only)',
  up(doc) {
    notesMap(doc).forEach((note) => {
      if (note instanceof Y.Map) note.set('marked', true);
    });
    const log = metaMap(doc).get('testMigrationRuns');
    if (log instanceof Y.Array) log.push([markNotes.id]);
    else metaMap(doc).set('testMigrationRuns', Y.Array.from([markNotes.id]));
  },
};
const toVersion2 = { migrations: [markNotes], currentVersion: 2 };

describe('migrations at the server', () => {
  const dataDir = makeDataDir();
  // Registered before the round, so that it runs after the round has closed the server.
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });
  const round = serverRound();
  let server: TestServer;

  async function open(id: string, token: string): Promise<WebsocketProvider> {
    const p = round.open(id, token);
    await synced(p);
    return p;
  }

  async function restart(migrations?: typeof toVersion2): Promise<void> {
    server = await round.start({}, migrations ? { migrations } : {}, dataDir);
  }

  it('a workshop stored in format 1 is migrated once when its room loads; a newer one is left alone', async () => {
    await restart();
    const workshop = await server.createWorkshop('blank', 'Alt');
    const writer = await open(workshop.id, workshop.facilitatorToken);
    const note = new Y.Map<unknown>();
    writer.doc.transact(() => {
      notesMap(writer.doc).set('n1', note);
      note.set('text', new Y.Text('vor der Migration'));
    });
    await waitFor(() => writer.synced && writer.ws?.bufferedAmount === 0, 5000, 'note sent');
    // The note is stored once the room has committed it: a second client sees it.
    const check = await open(workshop.id, workshop.participantToken);
    await waitFor(() => notesMap(check.doc).has('n1'), 5000, 'note stored');
    expect(metaMap(check.doc).get(META.schemaVersion)).toBe(1);

    // A server that knows format 2 loads the room and migrates it.
    await restart(toVersion2);
    const participant = await open(workshop.id, workshop.participantToken);
    await waitFor(
      () => metaMap(participant.doc).get(META.schemaVersion) === 2,
      5000,
      'the migrated format at the participant',
    );
    const migrated = notesMap(participant.doc).get('n1') as Y.Map<unknown>;
    expect(migrated.get('marked')).toBe(true);
    expect((migrated.get('text') as Y.Text).toString()).toBe('vor der Migration');

    // It was stored: loaded again, the room is in format 2 and the step ran once.
    await restart(toVersion2);
    const again = await open(workshop.id, workshop.participantToken);
    expect(metaMap(again.doc).get(META.schemaVersion)).toBe(2);
    const runs = metaMap(again.doc).get('testMigrationRuns') as Y.Array<string>;
    expect(runs.toArray()).toEqual([markNotes.id]);

    // A server that knows only format 1 neither migrates nor downgrades it; a
    // write by a client reaches the others with the format unchanged.
    await restart();
    const older = await open(workshop.id, workshop.facilitatorToken);
    const reader = await open(workshop.id, workshop.participantToken);
    older.doc.transact(() => notesMap(older.doc).set('n2', new Y.Map<unknown>()));
    await waitFor(() => notesMap(reader.doc).has('n2'), 5000, 'a later write');
    expect(metaMap(reader.doc).get(META.schemaVersion)).toBe(2);
    expect((metaMap(reader.doc).get('testMigrationRuns') as Y.Array<string>).length).toBe(1);
  });
});
