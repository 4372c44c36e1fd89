// The facilitator's list of participant identities (docs/design.md,
// "Participant identities"), put together from what the server says (issued,
// revoked, connected now) and what the board shows about each: the names it
// wrote notes under and shows in presence, its notes and its votes. Names are
// what people typed in, so the same name on two identities is pointed out: it
// is how a second key made to vote twice shows itself. A device gets its
// identity as it opens the link, before its name prompt: one that went no
// further has no name, notes or votes, and is listed after the people, apart
// (`unnamed`), not counted among them. Pure, so it is tested.
import type { Note } from '@pinnwand/shared/model/note';
import type { IdentityList } from '@pinnwand/shared/protocol/http';

export interface IdentityRow {
  participantId: string;
  /** Names seen for it, most recent presence first, then note authors. */
  names: string[];
  issuedAt: number;
  revokedAt: number | null;
  /** Open connections right now (the server's count). */
  connected: number;
  notes: number;
  votes: number;
  /** This device's own identity (it cannot revoke itself). */
  own: boolean;
  /** Another identity still valid goes by one of the same names. */
  sharesName: boolean;
  /** No name known here and nothing written or voted: most likely a device that only opened the link. */
  unnamed: boolean;
}

/** How many valid identities stand for people, and how many for devices that only opened the link. */
export interface IdentityCounts {
  people: number;
  unnamed: number;
}

/** Somebody in presence: the participant id they claim and the name they show. */
export interface PresentPerson {
  id: string;
  name: string;
}

const key = (name: string) => name.trim().toLocaleLowerCase('de');

export function identityRows(
  identities: IdentityList['identities'],
  notes: readonly Note[],
  present: readonly PresentPerson[],
  ownId: string,
): IdentityRow[] {
  const rows = identities.map((identity): IdentityRow => {
    const id = identity.participantId;
    const names: string[] = [];
    const add = (name: string) => {
      const trimmed = name.trim();
      if (trimmed && !names.some((n) => key(n) === key(trimmed))) names.push(trimmed);
    };
    for (const p of present) if (p.id === id) add(p.name);
    let noteCount = 0;
    let votes = 0;
    // Newest notes first, so the name written last comes first.
    for (const note of [...notes].sort((a, b) => b.createdAt - a.createdAt)) {
      if (note.authorId === id) {
        noteCount += 1;
        add(note.author);
      }
      votes += (note.votes.byParticipant as Readonly<Record<string, number>>)[id] ?? 0;
    }
    return {
      participantId: id,
      names,
      issuedAt: identity.issuedAt,
      revokedAt: identity.revokedAt,
      connected: identity.connected,
      notes: noteCount,
      votes,
      own: id === ownId,
      sharesName: false,
      unnamed: names.length === 0 && noteCount === 0 && votes === 0 && id !== ownId,
    };
  });
  const valid = rows.filter((r) => r.revokedAt === null);
  for (const row of valid) {
    row.sharesName = valid.some(
      (other) => other !== row && other.names.some((n) => row.names.some((m) => key(m) === key(n))),
    );
  }
  // Valid ones first, in the order they were issued, those without a name
  // after the people; revoked ones last.
  return [
    ...valid.filter((r) => !r.unnamed),
    ...valid.filter((r) => r.unnamed),
    ...rows.filter((r) => r.revokedAt !== null),
  ];
}

export function identityCounts(rows: readonly IdentityRow[]): IdentityCounts {
  const valid = rows.filter((r) => r.revokedAt === null);
  const unnamed = valid.filter((r) => r.unnamed).length;
  return { people: valid.length - unnamed, unnamed };
}
