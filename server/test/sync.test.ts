import { listBoards } from '@pinnwand/shared/read/lookups';
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { serverRound } from './helpers/serverRound.ts';
import { issueIdentity, synced, type TestServer, waitFor } from './helpers/testServer.ts';

describe('syncing through the relay', () => {
  const round = serverRound();
  let t: TestServer;
  beforeEach(async () => {
    t = await round.start();
  });
  const { open } = round;

  it('a new participant receives the workshop the template created', async () => {
    const w = await t.createWorkshop('retro', 'Sprint 12');
    const a = open(w.id, w.participantToken);
    await synced(a);
    expect(a.doc.getMap('meta').get('title')).toBe('Sprint 12');
    expect(a.doc.getMap('boards').size).toBeGreaterThan(0);
  });

  it('two clients see each other’s notes and awareness', async () => {
    const w = await t.createWorkshop();
    const identity = await issueIdentity(t.url, w.id, w.participantToken);
    const a = open(w.id, w.participantToken, { pkey: identity.participantKey });
    const b = open(w.id, w.facilitatorToken);
    await Promise.all([synced(a), synced(b)]);
    const note = new Y.Map<unknown>();
    a.doc.transact(() => {
      a.doc.getMap('notes').set('n1', note);
      note.set('boardId', listBoards(a.doc)[0]!.id);
      note.set('authorId', identity.participantId);
      note.set('text', new Y.Text('Hallo Welt'));
      note.set('x', 10);
    });
    await waitFor(() => b.doc.getMap('notes').has('n1'), 5000, 'note at b');
    const bNote = b.doc.getMap('notes').get('n1') as Y.Map<unknown>;
    expect((bNote.get('text') as Y.Text).toString()).toBe('Hallo Welt');

    a.awareness.setLocalStateField('user', { name: 'Ada' });
    await waitFor(
      () => b.awareness.getStates().get(a.doc.clientID) !== undefined,
      5000,
      'awareness',
    );
    const state = b.awareness.getStates().get(a.doc.clientID) as Record<string, unknown>;
    expect(state.user).toEqual({ name: 'Ada' });
    expect(state.role).toBe('participant');
  });

  it('a late joiner gets the full state', async () => {
    const w = await t.createWorkshop();
    const a = open(w.id, w.participantToken);
    await synced(a);
    for (let i = 0; i < 50; i++) a.doc.getMap('notes').set(`n${i}`, `note ${i}`);
    const b0 = open(w.id, w.viewerToken);
    await synced(b0);
    await waitFor(() => b0.doc.getMap('notes').size === 50, 5000, 'relay');
    const late = open(w.id, w.viewerToken);
    await synced(late);
    expect(late.doc.getMap('notes').size).toBe(50);
  });
});
