/**
 * The PostgreSQL schema as versioned SQL, applied at start. Every process runs
 * `migrate` when it opens the database; a transaction-scoped advisory lock lets
 * one of several processes starting at once apply what is missing while the
 * others wait, and `schema_migrations` records what was applied. Migrations are
 * append-only: never edit one that has shipped, add the next version.
 *
 * Plain tables and built-in functions only: the role that runs Pinnwand owns
 * its database and needs neither superuser rights nor extensions.
 */
import type pg from 'pg';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'workshops, snapshots, update log, room leases',
    sql: `
CREATE TABLE workshops (
  id text PRIMARY KEY,
  title text NOT NULL,
  created_at bigint NOT NULL,
  facilitator_hash bytea NOT NULL,
  participant_hash bytea NOT NULL,
  viewer_hash bytea NOT NULL,
  sealed_invites bytea,
  -- ms since epoch of the last stored update (creation counts as one): retention
  last_update_at bigint NOT NULL,
  -- sequence number of the room's last update: each room counts its own, without gaps
  last_seq bigint NOT NULL DEFAULT 0
);
CREATE INDEX workshops_by_last_update ON workshops (last_update_at);

-- epoch: the lease epoch of the process that wrote the row (0: written at creation)
CREATE TABLE snapshots (
  workshop_id text PRIMARY KEY REFERENCES workshops (id) ON DELETE CASCADE,
  seq bigint NOT NULL,
  epoch bigint NOT NULL,
  data bytea NOT NULL
);

CREATE TABLE updates (
  workshop_id text NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
  seq bigint NOT NULL,
  epoch bigint NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (workshop_id, seq)
);

-- One row per room that some process has served: who serves it now (until
-- expires_at) and the epoch of that tenure. A takeover raises the epoch; every
-- write checks it in its own transaction (fencing).
CREATE TABLE room_leases (
  workshop_id text PRIMARY KEY REFERENCES workshops (id) ON DELETE CASCADE,
  epoch bigint NOT NULL,
  owner_id text NOT NULL,
  owner_url text NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX room_leases_by_owner ON room_leases (owner_id);
`,
  },
  {
    version: 2,
    name: 'room leases record their last renewal',
    // When the owner last claimed or renewed its lease: a process whose
    // renewals stopped (and whose INTERNAL_URL refuses connections) is dead,
    // and its rooms may be taken over before the lease runs out (roomLeases.ts).
    // Rows from before count as renewed long ago: their leases simply run out.
    sql: `ALTER TABLE room_leases ADD COLUMN renewed_at timestamptz NOT NULL DEFAULT 'epoch';`,
  },
  {
    version: 3,
    name: 'workshops count the participant identities they issued',
    // Storage.countIdentity: issuing an identity checks the cap against this
    // count instead of building the document to count its identities map.
    // Null for workshops from before: their document knows their count.
    sql: 'ALTER TABLE workshops ADD COLUMN identities_issued integer;',
  },
  {
    version: 4,
    name: 'the board preview of each snapshot',
    // Storage.loadPreview: read from the document each compaction merges and
    // written in its transaction (storage/storedPreview.ts), so that a room
    // whose document is not built answers the preview without building it.
    // seq: the snapshot's sequence number when stored; format: what it holds.
    sql: `
CREATE TABLE board_previews (
  workshop_id text PRIMARY KEY REFERENCES workshops (id) ON DELETE CASCADE,
  seq bigint NOT NULL,
  format text NOT NULL,
  data bytea NOT NULL
);`,
  },
  {
    version: 5,
    name: 'the cards of each stored board preview',
    // A new device asks for the board's cards first (GET …/board-cards);
    // projecting them from the stored preview cost the first joiner's path
    // 0.1–0.25 s of the event loop. Null in rows of an older preview format.
    sql: 'ALTER TABLE board_previews ADD COLUMN cards bytea;',
  },
];

/** Arbitrary constant naming Pinnwand's migration lock among other advisory locks. */
const MIGRATION_LOCK = 0x50_69_6e_6e;

/** Applies the missing migrations; resolves to the schema version now in force. */
export async function migrate(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const applied = new Set(
      (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map(
        (r) => r.version,
      ),
    );
    const known = new Set(MIGRATIONS.map((m) => m.version));
    const unknown = [...applied].filter((v) => !known.has(v));
    if (unknown.length > 0) {
      throw new Error(
        `the database has schema version ${Math.max(...unknown)}, newer than this Pinnwand knows; start a newer release`,
      );
    }
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    }
    await client.query('COMMIT');
    return Math.max(...MIGRATIONS.map((m) => m.version));
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
