/**
 * German word formation that a Snowball stemmer leaves alone.
 *
 * Snowball removes inflection ("Strukturen" → "struktur") but keeps
 * derivation: "Strukturierung" stays "strukturier", "finanziell" stays
 * "finanziell". Workshop notes mix those forms freely, so the derivational
 * root is added as a further feature of the word.
 */

/**
 * Suffixes stripped, longest first, repeatedly ("fachlichkeit" → "fachlich" →
 * "fach"): -isier/-ier (verbs and their -ung nouns: "Digitalisierung",
 * "Finanzierung"), -keit/-heit, -lich, -iell, -isch and -ik
 * ("politisch"/"Politik").
 */
const DERIVATIONS = ['isier', 'keit', 'heit', 'lich', 'iell', 'isch', 'ier', 'ik'] as const;
/** Shorter roots would join unrelated words ("tech" is fine, "pol" is not). */
const MIN_ROOT = 4;

export function derivationalRoot(stem: string): string {
  let root = stem;
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of DERIVATIONS) {
      if (root.endsWith(suffix) && root.length - suffix.length >= MIN_ROOT) {
        root = root.slice(0, root.length - suffix.length);
        changed = true;
        break;
      }
    }
  }
  return root;
}

/**
 * Whether two words are within `max` edits (insert, delete, substitute, swap
 * two neighbours: the optimal-string-alignment distance), with an early exit.
 */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let beforePrevious = new Int32Array(b.length + 1);
  let previous = Int32Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, beforePrevious[j - 2]! + 1);
      }
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return false;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[b.length]! <= max;
}
