// The commands every board has. Features added later register their own list
// the same way (editor.commands.registerAll(votingCommands)).
import { boardCommands } from './boardCommands.ts';
import { copyCommand, pasteCommand } from './clipboardCommands.ts';
import { noteCommands } from './noteCommands.ts';
import { outlineCommands } from './outlineCommands.ts';
import type { AnyCommand } from './types.ts';
import { viewCommands } from './viewCommands.ts';

export const defaultCommands: AnyCommand[] = [
  ...noteCommands,
  ...viewCommands,
  ...boardCommands,
  ...outlineCommands,
  copyCommand,
  pasteCommand,
];
