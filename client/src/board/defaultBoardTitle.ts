// The title a board added without one gets ("Tafel 2" beside a blank
// workshop's "Tafel 1"): numbered after the boards there are, skipping a
// number another board already goes by, so no two boards share a name.

/** `named(n)` words board number n in the UI's language ("Tafel {number}"). */
export function defaultBoardTitle(
  existing: readonly string[],
  named: (n: number) => string,
): string {
  const taken = new Set(existing.map((title) => title.trim()));
  let n = existing.length + 1;
  while (taken.has(named(n))) n += 1;
  return named(n);
}
