/**
 * Adjusted Rand index (Hubert & Arabie 1985): agreement of two partitions of
 * the same items, corrected for chance. 1 = identical groupings; ~0 = no
 * better than random, which is where trivial answers land ("everything in one
 * cluster", "every note alone"); it can go slightly negative.
 *
 * Labels are compared only for equality, so any string or number works, and
 * the two labellings need not use the same label values.
 */

function pairs(count: number): number {
  return (count * (count - 1)) / 2;
}

function countBy<T>(items: Iterable<T>): Map<T, number> {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

export function adjustedRandIndex(
  a: readonly (string | number)[],
  b: readonly (string | number)[],
): number {
  if (a.length !== b.length) {
    throw new RangeError(`labellings differ in length: ${a.length} vs ${b.length}`);
  }
  const n = a.length;
  // JSON keeps "1" and 1 apart in the contingency key.
  const joint = countBy(a.map((label, i) => JSON.stringify([label, b[i]])));
  let index = 0;
  for (const count of joint.values()) index += pairs(count);
  let rowPairs = 0;
  for (const count of countBy(a).values()) rowPairs += pairs(count);
  let columnPairs = 0;
  for (const count of countBy(b).values()) columnPairs += pairs(count);
  const total = pairs(n);
  const expected = total > 0 ? (rowPairs * columnPairs) / total : 0;
  const maximum = (rowPairs + columnPairs) / 2;
  // Both partitions trivial and equal (all apart, or all together): perfect agreement.
  if (maximum === expected) return 1;
  return (index - expected) / (maximum - expected);
}
