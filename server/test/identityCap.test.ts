/**
 * Issuing participant identities through the participant link stops at
 * MAX_IDENTITIES_PER_WORKSHOP, exactly, also when many ask at once and across
 * restarts: the count is kept in storage (Storage.countIdentity), so a cold
 * room answers without building its document, and every identity handed out
 * is in the document the facilitator and the device see.
 */
import path from 'node:path';
import { ApiRoute, apiPath, identityListSchema } from '@pinnwand/shared/protocol/http';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { serverRound } from './helpers/serverRound.ts';
import { makeDataDir, synced, type TestServer } from './helpers/testServer.ts';

const ENV = { MAX_IDENTITIES_PER_WORKSHOP: '3', IDENTITIES_PER_MINUTE: '100' };

async function ask(t: TestServer, id: string, token: string) {
  const res = await fetch(`${t.url}${apiPath(ApiRoute.identities, { id })}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
  });
  const body = (await res.json()) as { participantId?: string; participantKey?: string };
  return { status: res.status, ...body };
}

describe('the participant identity cap', () => {
  const round = serverRound();

  it('issues exactly the cap to participants asking at once and after a restart, facilitators beyond it, and records each one', async () => {
    const dataDir = makeDataDir();
    let t = await round.start(ENV, {}, dataDir);
    const w = await t.createWorkshop('blank', 'Begrenzt');
    const first = await Promise.all(
      Array.from({ length: 5 }, () => ask(t, w.id, w.participantToken)),
    );
    expect(first.map((a) => a.status).sort()).toEqual([201, 201, 201, 409, 409]);

    // After a restart the room is cold: the count is what storage kept.
    t = await round.start(ENV, {}, dataDir);
    expect((await ask(t, w.id, w.participantToken)).status).toBe(409);
    const facilitator = await ask(t, w.id, w.facilitatorToken);
    expect(facilitator.status).toBe(201);

    // The device connects with its key and sees its identity in the document.
    const p = round.open(w.id, w.facilitatorToken, { pkey: facilitator.participantKey! });
    await synced(p);
    expect(p.doc.getMap('identities').has(facilitator.participantId!)).toBe(true);

    const list = identityListSchema.parse(
      await (
        await fetch(`${t.url}${apiPath(ApiRoute.identities, { id: w.id })}`, {
          headers: { Authorization: `Bearer ${w.facilitatorToken}` },
        })
      ).json(),
    );
    const issued = [...first.filter((a) => a.status === 201), facilitator].map(
      (a) => a.participantId,
    );
    expect(list.identities.map((i) => i.participantId).sort()).toEqual(issued.sort());
  });

  it('counts a workshop from before counts were kept from its document, once', async () => {
    const dataDir = makeDataDir();
    const before = await round.start(ENV, {}, dataDir);
    const w = await before.createWorkshop('blank', 'Alt');
    expect((await ask(before, w.id, w.participantToken)).status).toBe(201);
    expect((await ask(before, w.id, w.participantToken)).status).toBe(201);
    await round.stop();
    // As a database migrated from before: no count kept, two identities in the document.
    const db = new Database(path.join(dataDir, 'pinnwand.sqlite'));
    db.prepare('UPDATE workshops SET identities_issued = NULL WHERE id = ?').run(w.id);
    db.close();
    const t = await round.start(ENV, {}, dataDir);
    const answers = await Promise.all(
      Array.from({ length: 3 }, () => ask(t, w.id, w.participantToken)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
  });
});
