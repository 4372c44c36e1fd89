// A command is one user action, registered once and reached from everywhere:
// keyboard shortcut, toolbar, context menu, outline. Labels are i18n keys.

import type { Editor } from '../editor/Editor.ts';
import type { Verdict } from '../gate/noteGate.ts';
import type { MessageKey } from '../i18n/de.ts';
import type { IconName } from '../ui/Icon.tsx';

export interface Shortcut {
  /** `KeyboardEvent.key`, compared case-insensitively for letters. */
  key: string;
  /** Ctrl on Windows/Linux, ⌘ on macOS. */
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
  /** An alternative binding not listed in the shortcut help (e.g. "=" for "+"). */
  alternate?: boolean;
}

export interface Command<Arg = void> {
  id: string;
  label: MessageKey;
  /** The icon shown on a toolbar button (ui/Icon.tsx). */
  icon?: IconName;
  shortcuts?: Shortcut[];
  /** Whether the action changes the board (hidden from viewers). */
  mutates: boolean;
  /**
   * The command names its board in its argument (outline, menus): the gate
   * judges that board's lock, not the lock of the board shown on the canvas.
   */
  boardInArg?: boolean;
  /** Applies right now (e.g. something is selected, there is something to undo). */
  enabled?(editor: Editor): boolean;
  /**
   * The gate's question for this command beyond "may anything change"
   * (gate/noteGate.ts), e.g. whether this person may change frames. Asked by
   * the registry before `enabled`, so a refusal is said, not left silent.
   */
  gate?(editor: Editor): Verdict;
  /** `false` when nothing was done because it was refused (the gate has said why). */
  // biome-ignore lint/suspicious/noConfusingVoidType: most commands return nothing; refusing ones say false
  run(editor: Editor, arg: Arg): void | boolean;
}

/**
 * A command of any argument type, as the registry holds them. `run` is declared
 * with method syntax, so a Command<NoteColor> is assignable here.
 */
export type AnyCommand = Command<unknown>;
