import type { Editor } from '../editor/Editor.ts';
import { asOneStep } from '../editor/undoSteps.ts';
import { mayChange, tellRefusal, type Verdict } from '../gate/noteGate.ts';
import type { AnyCommand, Command, Shortcut } from './types.ts';

export function matchesShortcut(event: KeyboardEvent, shortcut: Shortcut): boolean {
  const mod = event.ctrlKey || event.metaKey;
  if (!!shortcut.mod !== mod) return false;
  if (!!shortcut.alt !== event.altKey) return false;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const want = shortcut.key.length === 1 ? shortcut.key.toLowerCase() : shortcut.key;
  if (key !== want) return false;
  // Shift is implied by characters like '?' and '+'; only check it for letters and named keys.
  if (/^[a-z]$/.test(want) || want.length > 1) return !!shortcut.shift === event.shiftKey;
  return true;
}

/** Apple's keyboards: ⌘ and ⌥ where others have Ctrl and Alt. */
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The shortcut as printed on keys, e.g. "Strg+⇧+Z" (German) or "Ctrl+⇧+Z". */
export function describeShortcut(
  shortcut: Shortcut,
  mac: boolean,
  lang: 'de' | 'en' = 'de',
): string {
  const parts: string[] = [];
  if (shortcut.mod) parts.push(mac ? '⌘' : lang === 'de' ? 'Strg' : 'Ctrl');
  if (shortcut.shift) parts.push('⇧');
  if (shortcut.alt) parts.push(mac ? '⌥' : 'Alt');
  const names: Record<string, string> = {
    Delete: lang === 'de' ? 'Entf' : 'Del',
    Backspace: '⌫',
    Escape: 'Esc',
    ArrowUp: '↑',
    ArrowDown: '↓',
    ArrowLeft: '←',
    ArrowRight: '→',
    Enter: '↵',
    ContextMenu: lang === 'de' ? 'Menütaste' : 'Menu key',
  };
  parts.push(names[shortcut.key] ?? shortcut.key.toUpperCase());
  return parts.join('+');
}

/** The shortcut in the syntax of aria-keyshortcuts, e.g. "Control+Shift+Z". */
export function ariaShortcut(shortcut: Shortcut): string {
  const parts: string[] = [];
  if (shortcut.mod) parts.push('Control');
  if (shortcut.shift) parts.push('Shift');
  if (shortcut.alt) parts.push('Alt');
  parts.push(
    shortcut.key === ' '
      ? 'Space'
      : shortcut.key.length === 1
        ? shortcut.key.toUpperCase()
        : shortcut.key,
  );
  return parts.join('+');
}

export class CommandRegistry {
  private commands = new Map<string, AnyCommand>();
  private listeners = new Set<() => void>();

  /** Each command is registered once; a second command with the same id is a mistake. */
  register<Arg>(command: Command<Arg>): void {
    if (this.commands.has(command.id)) throw new Error(`command ${command.id} registered twice`);
    this.commands.set(command.id, command as AnyCommand);
    for (const l of this.listeners) l();
  }

  registerAll(commands: readonly AnyCommand[]): void {
    for (const c of commands) this.register(c);
  }

  get(id: string): AnyCommand | undefined {
    return this.commands.get(id);
  }

  all(): AnyCommand[] {
    return [...this.commands.values()];
  }

  /**
   * What the gate says to the command now: for a change, whether anything may
   * change (the board loading, a viewer, a locked board, a newer document),
   * then the command's own question (only the facilitator changes frames …).
   */
  verdict(editor: Editor, command: AnyCommand): Verdict {
    if (command.mutates) {
      const change = mayChange(editor, { boardInArg: command.boardInArg === true });
      if (!change.allowed) return change;
    }
    return command.gate ? command.gate(editor) : { allowed: true };
  }

  /** The gate allows it and it applies now (something is selected …). */
  available(editor: Editor, command: AnyCommand): boolean {
    if (!this.verdict(editor, command).allowed) return false;
    return command.enabled ? command.enabled(editor) : true;
  }

  /**
   * Whether pressing its key or button does something: the command runs, or
   * the gate refuses it and says why. Only a command that does not apply
   * (nothing selected, nothing to undo) and that nobody refuses is inert.
   */
  offered(editor: Editor, command: AnyCommand): boolean {
    return !this.verdict(editor, command).allowed || this.available(editor, command);
  }

  /**
   * True when the command ran and did not refuse. Every way in (keys, the
   * toolbar, menus, the canvas, the outline, panels) comes through here, so a
   * refusal of the gate is said here, the same way for all of them; a
   * command that does not apply right now does nothing, silently.
   */
  run<Arg>(editor: Editor, id: string, arg?: Arg): boolean {
    const command = this.commands.get(id);
    if (!command || !this.ask(editor, id)) return false;
    if (command.enabled && !command.enabled(editor)) return false;
    return asOneStep(editor.undo, () => command.run(editor, arg)) !== false;
  }

  /**
   * Asks the gate about a command without running it — a gesture that would
   * end in it (dragging notes on a locked board) — and says a refusal.
   */
  ask(editor: Editor, id: string): boolean {
    const command = this.commands.get(id);
    if (!command) return false;
    const verdict = this.verdict(editor, command);
    if (!verdict.allowed) tellRefusal(editor, verdict.denial);
    return verdict.allowed;
  }

  /** The first command bound to this key event that is offered (runs, or says why not). */
  forKey(editor: Editor, event: KeyboardEvent): AnyCommand | undefined {
    for (const command of this.commands.values()) {
      if (!command.shortcuts?.some((s) => matchesShortcut(event, s))) continue;
      if (this.offered(editor, command)) return command;
    }
    return undefined;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
