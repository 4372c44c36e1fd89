/**
 * The short label on a person's avatar ("FM" for Fritz Müller), and the rule
 * that keeps it unique among the people in a workshop: two people whose
 * initials clash get as many further letters of their last name as it takes
 * to tell them apart ("FMü" and "FMe" for Fritz Müller and Frieda Meier); people
 * whose names give no difference (two "Anna Schmidt") are numbered in the
 * order of their participant ids. Pure and ordered by id, so every device
 * that sees the same people shows the same labels.
 */

/** Further letters tried before numbering. */
const MAX_EXTRA = 3;

/** The words of a name that carry letters, without a role in brackets. */
function nameWords(name: string): string[] {
  // Letters only: "Petra (Moderation)" is PM's name with a role, not "P(".
  return name
    .replace(/[([{].*?[)\]}]/gu, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => /\p{L}/u.test(w));
}

/** Two letters: first and last word's first letters, or the first two of a single word. */
export function initials(name: string): string {
  const words = nameWords(name);
  const first = words[0] ?? '';
  const letters =
    words.length > 1
      ? `${[...first][0] ?? ''}${[...(words.at(-1) ?? '')][0] ?? ''}`
      : [...first].slice(0, 2).join('');
  return letters.toUpperCase() || '?';
}

/** The letters after the initials, from the word the last initial came from. */
function furtherLetters(name: string): string[] {
  const words = nameWords(name);
  const last = [...(words.at(-1) ?? '')];
  return (words.length > 1 ? last.slice(1) : last.slice(2)).map((c) => c.toLowerCase());
}

export interface NamedPerson {
  /** Participant id: the same person on every device. */
  id: string;
  name: string;
}

/** Each person's label by id, unique among `people` (a person listed twice counts once). */
export function distinctInitials(people: readonly NamedPerson[]): Map<string, string> {
  const byId = new Map<string, string>();
  for (const p of people) if (!byId.has(p.id)) byId.set(p.id, p.name);
  const ids = [...byId.keys()].sort();
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const base = initials(byId.get(id) ?? '');
    groups.set(base, [...(groups.get(base) ?? []), id]);
  }
  const labels = new Map<string, string>();
  for (const [base, group] of groups) {
    if (group.length === 1) {
      labels.set(group[0] as string, base);
      continue;
    }
    let open = group;
    for (let extra = 1; extra <= MAX_EXTRA && open.length > 0; extra++) {
      const tried = new Map<string, string>();
      for (const id of open)
        tried.set(
          id,
          base +
            furtherLetters(byId.get(id) ?? '')
              .slice(0, extra)
              .join(''),
        );
      const counts = new Map<string, number>();
      for (const label of tried.values()) counts.set(label, (counts.get(label) ?? 0) + 1);
      // A name out of letters stays open: its shorter label could be one
      // already given at fewer letters ("FMü" for "Fritz Mü" and Fritz Müller).
      const told = open.filter((id) => {
        const label = tried.get(id) ?? base;
        return [...label].length === [...base].length + extra && counts.get(label) === 1;
      });
      for (const id of told) labels.set(id, tried.get(id) ?? base);
      open = open.filter((id) => !told.includes(id));
    }
    open.forEach((id, i) => {
      labels.set(id, `${base}${i + 1}`);
    });
  }
  return labels;
}
