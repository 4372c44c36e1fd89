/**
 * Fractional ordering. Boards and clusters carry a numeric `order`; moving one
 * writes a single number between its new neighbours instead of renumbering the
 * others, so two people reordering at once touch different keys and both
 * moves survive (ties, possible when both pick the same gap, are broken by id
 * everywhere order is read).
 */

export interface Ordered {
  id: string;
  order: number;
}

export function compareByOrder(a: Ordered, b: Ordered): number {
  if (a.order !== b.order) return a.order - b.order;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** An order value strictly between `before` and `after` (either may be absent). */
export function orderBetween(before: number | undefined, after: number | undefined): number {
  if (before === undefined && after === undefined) return 0;
  if (before === undefined) return (after as number) - 1;
  if (after === undefined) return before + 1;
  const mid = (before + after) / 2;
  // Floating point runs out after ~50 halvings of one gap; fall back to just
  // after `before` so the move still lands on the right side of it.
  return mid > before && mid < after
    ? mid
    : before + Number.EPSILON * Math.max(1, Math.abs(before));
}

/** The order for moving `id` to `toIndex` within `items` (sorted, possibly containing `id`). */
export function orderForIndex(items: readonly Ordered[], id: string, toIndex: number): number {
  const others = items.filter((item) => item.id !== id);
  const index = Math.max(0, Math.min(toIndex, others.length));
  return orderBetween(others[index - 1]?.order, others[index]?.order);
}

/** The order that places a new item after all `items`. */
export function orderAfterLast(items: readonly Ordered[]): number {
  let max: number | undefined;
  for (const item of items) if (max === undefined || item.order > max) max = item.order;
  return orderBetween(max, undefined);
}
