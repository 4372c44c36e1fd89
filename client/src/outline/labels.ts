// What the outline's buttons say to a screen reader: what will happen, to
// which note ("Notiz „Mehr Schulungen“ in Cluster „Qualifizierung“
// verschieben"), with enough of the note's text to tell similar notes apart.
import type { BoardView } from '@pinnwand/shared/read/workshopView';
import type { MessageKey } from '../i18n/de.ts';

/** Long enough to tell notes apart, short enough to listen to. */
const LABEL_CHARS = 120;

export function noteLabel(text: string, empty: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return empty;
  return flat.length > LABEL_CHARS ? `${flat.slice(0, LABEL_CHARS - 1)}…` : flat;
}

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The move button's label once a target is chosen (`board:<id>` or `cluster:<id>`). */
export function moveTargetLabel(
  t: T,
  label: string,
  target: string,
  boards: readonly BoardView[],
): string | null {
  const [kind, value] = target.split(':');
  if (!value) return null;
  for (const b of boards) {
    if (kind === 'board' && b.id === value)
      return t('outline.moveToBoard', { text: label, board: b.title });
    const c = b.clusters.find((x) => x.id === value);
    if (kind === 'cluster' && c)
      return t('outline.moveToCluster', {
        text: label,
        cluster: c.title.trim() || t('outline.untitledCluster'),
        board: b.title,
      });
  }
  return null;
}

/**
 * Puts the focus on a note's first button in the outline (after it moved into
 * a cluster or onto another board): its board's section opens. False when this
 * copy of the outline is not shown (the phone's or the side panel's).
 */
export function focusNoteItem(item: HTMLElement): boolean {
  const details = item.closest('details');
  if (details && !details.open) details.open = true;
  const button = item.querySelector<HTMLElement>('.outline-actions button');
  if (!button || button.offsetParent === null) return false;
  button.focus();
  return true;
}
