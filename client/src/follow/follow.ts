// Follow mode over awareness. A facilitator publishes the part of the board
// they see (`viewRect`, world coordinates, so screens of any size can show the
// same part) and, on "bring everyone here", a numbered `summon`. A follower
// shows the facilitator's board and view until they act themselves (press,
// wheel, key): any own interaction ends following. What lies over the
// canvas's edges — the banners at its top (board/BoardBanners.tsx, with the
// follow button), the toolbar at its bottom — is left out on both sides: a
// facilitator publishes what they see between theirs, and a follower is shown
// it between their own, so nothing shown lies under a banner or the toolbar
// (measured: a phone's toolbar grows a row while notes are selected). A
// summoned view is fitted clear of the notice that says so, too.
import type { BoardId, ClusterId } from '@pinnwand/shared/model/ids';
import { fitRectInside, type Insets, type Rect, visibleInside } from '../canvas/viewport.ts';
import { selectBoard } from '../commands/boardCommands.ts';
import type { Editor } from '../editor/Editor.ts';
import { publish, say, serverNow } from '../facilitation/facilitation.ts';

export interface ViewRect extends Rect {
  boardId: string;
}

interface Summon {
  seq: number;
  at: number;
  view: ViewRect;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function readViewRect(raw: unknown): ViewRect | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const v = raw as Record<string, unknown>;
  if (typeof v.boardId !== 'string' || !isNum(v.x) || !isNum(v.y)) return null;
  if (!isNum(v.width) || !isNum(v.height) || v.width <= 0 || v.height <= 0) return null;
  return { boardId: v.boardId, x: v.x, y: v.y, width: v.width, height: v.height };
}

function readSummon(raw: unknown): Summon | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const s = raw as Record<string, unknown>;
  const view = readViewRect(s.view);
  return view && isNum(s.seq) && isNum(s.at) ? { seq: s.seq, at: s.at, view } : null;
}

/** The facilitators present (by server-stamped role), with what they publish. */
export function facilitatorStates(
  editor: Editor,
): { clientId: number; name: string; view: ViewRect | null; summon: Summon | null }[] {
  const out = [];
  for (const [clientId, raw] of editor.awareness.getStates()) {
    if (clientId === editor.awareness.clientID) continue;
    const state = raw as Record<string, unknown>;
    if (state.role !== 'facilitator') continue;
    const user = state.user as { name?: unknown } | undefined;
    out.push({
      clientId,
      name: typeof user?.name === 'string' ? user.name : '',
      view: readViewRect(state.viewRect),
      summon: readSummon(state.summon),
    });
  }
  return out.sort((a, b) => a.clientId - b.clientId);
}

export function currentViewRect(editor: Editor): ViewRect | null {
  const boardId = editor.boardId.get();
  if (!boardId) return null;
  const seen = visibleInside(editor.viewport.get(), editor.stageSize.get(), coveredEdges(editor));
  return { boardId, ...seen };
}

/** Shows `view`'s board and fits `view` clear of what lies over the canvas (and a notice). */
export function showView(editor: Editor, view: ViewRect, clearOfNotice = false): void {
  if (editor.boardId.get() !== view.boardId) {
    if (!editor.index.boards().some((b) => b.id === view.boardId)) return;
    selectBoard(editor, view.boardId as BoardId);
  }
  fitView(editor, view, clearOfNotice);
}

function fitView(editor: Editor, view: Rect, clearOfNotice = false): void {
  const covered = coveredEdges(editor, clearOfNotice);
  editor.viewport.set(fitRectInside(view, editor.stageSize.get(), covered, 0, 4));
}

/**
 * What lies over this person's canvas: the banners at its top, the toolbar at
 * its bottom — and, with `notice`, the notice shown above the toolbar.
 */
function coveredEdges(editor: Editor, notice = false): Insets {
  const toolbar = editor.canvas.bottomInset.get();
  const bottom = notice ? Math.max(toolbar, editor.canvas.noticeInset.get()) : toolbar;
  return { top: editor.canvas.topInset.get(), bottom };
}

/** Whether `view` is seen whole on this person's canvas, clear of what lies over it. */
function seenWhole(editor: Editor, view: ViewRect): boolean {
  if (editor.boardId.get() !== view.boardId) return false;
  const seen = visibleInside(
    editor.viewport.get(),
    editor.stageSize.get(),
    coveredEdges(editor, true),
  );
  const slack = 0.5 / editor.viewport.get().scale;
  return (
    view.x >= seen.x - slack &&
    view.y >= seen.y - slack &&
    view.x + view.width <= seen.x + seen.width + slack &&
    view.y + view.height <= seen.y + seen.height + slack
  );
}

let summonSeq = 0;

/** "Bring everyone here": to this view, or to a cluster's frame. */
export function bringEveryone(editor: Editor, clusterId?: ClusterId): void {
  let view = currentViewRect(editor);
  if (clusterId) {
    const boardId = editor.boardId.get();
    const c = boardId ? editor.index.clusters(boardId).find((x) => x.id === clusterId) : undefined;
    if (c && boardId) {
      view = { boardId, x: c.x - 24, y: c.y - 24, width: c.width + 48, height: c.height + 48 };
      fitView(editor, view);
    }
  }
  if (!view) return;
  summonSeq = Math.max(summonSeq + 1, Date.now());
  publish(editor, { summon: { seq: summonSeq, at: serverNow(editor), view } });
}

/** Starts publishing (facilitators) and following (everyone); returns the teardown. */
export function startFollow(editor: Editor): () => void {
  const following = editor.facilitation.following;
  const cleanup: (() => void)[] = [];
  if (editor.role === 'facilitator') {
    const push = () => publish(editor, { viewRect: currentViewRect(editor) }, true);
    cleanup.push(
      editor.viewport.subscribe(push),
      editor.stageSize.subscribe(push),
      editor.canvas.topInset.subscribe(push),
      editor.canvas.bottomInset.subscribe(push),
      editor.boardId.subscribe(push),
    );
    push();
  }
  const seen = new Map<number, number>();
  // The view a summon brought this person to, until they act themselves.
  let summoned: ViewRect | null = null;
  let applying = false;
  const apply = (view: ViewRect, clearOfNotice = false) => {
    applying = true;
    try {
      showView(editor, view, clearOfNotice);
    } finally {
      applying = false;
    }
  };
  const onChange = () => {
    const facilitators = facilitatorStates(editor);
    for (const fac of facilitators) {
      const s = fac.summon;
      if (!s) continue;
      const last = seen.get(fac.clientId);
      seen.set(fac.clientId, s.seq);
      // A summon is acted on once, and only while fresh (not one found on joining later).
      if (last === s.seq || (last === undefined && serverNow(editor) - s.at > 15_000)) continue;
      if (editor.role === 'facilitator') continue;
      summoned = s.view;
      say(editor, 'follow.brought');
      apply(s.view, true);
    }
    if (!following.get()) return;
    const view = facilitators.find((x) => x.view)?.view;
    if (view) apply(view);
  };
  editor.awareness.on('change', onChange);
  cleanup.push(() => editor.awareness.off('change', onChange));
  cleanup.push(following.subscribe(onChange));
  // A banner that comes or goes here, the toolbar growing, or a turned phone,
  // changes where the view fits.
  cleanup.push(
    editor.canvas.topInset.subscribe(onChange),
    editor.canvas.bottomInset.subscribe(onChange),
    editor.stageSize.subscribe(onChange),
  );
  // The summoned view is fitted again when its notice (shown just after it was
  // fitted), a banner or the toolbar comes to lie over it; not when they go,
  // so the view does not move again a few seconds later.
  const keepSummoned = () => {
    if (summoned && !seenWhole(editor, summoned)) apply(summoned, true);
  };
  cleanup.push(
    editor.canvas.noticeInset.subscribe(keepSummoned),
    editor.canvas.topInset.subscribe(keepSummoned),
    editor.canvas.bottomInset.subscribe(keepSummoned),
    editor.stageSize.subscribe(keepSummoned),
  );

  // Own interaction ends following and leaves the summoned view to the person;
  // a board switch made by following is not "own".
  const stop = (e: Event) => {
    if (applying) return;
    const target = e.target as HTMLElement | null;
    if (target?.closest?.('[data-follow-toggle]')) return;
    if (e instanceof KeyboardEvent && ['Shift', 'Control', 'Alt', 'Meta', 'Tab'].includes(e.key))
      return;
    summoned = null;
    if (following.get()) following.set(false);
  };
  const root = document;
  root.addEventListener('pointerdown', stop, true);
  root.addEventListener('wheel', stop, true);
  root.addEventListener('keydown', stop, true);
  cleanup.push(() => {
    root.removeEventListener('pointerdown', stop, true);
    root.removeEventListener('wheel', stop, true);
    root.removeEventListener('keydown', stop, true);
  });
  return () => {
    for (const fn of cleanup) fn();
  };
}
