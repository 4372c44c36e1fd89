/**
 * Test helper: an editor on a document, made the way every client unit test
 * needs one (workshop 'w', a wide screen, the default commands, a fresh
 * Awareness of the document, participant 'me'), so a test names only what it
 * is about. The editor is destroyed when the test finishes, so its observers
 * never reach into the next test.
 */
import type { BoardId } from '@pinnwand/shared/model/ids';
import type { Role } from '@pinnwand/shared/protocol/roles';
import { onTestFinished } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { defaultCommands } from '../commands/defaultCommands.ts';
import type { AnyCommand } from '../commands/types.ts';
import { createEditor, type Editor } from '../editor/Editor.ts';
import type { Identity } from '../session/identity.ts';

export interface TestEditorOptions {
  /** Default 'participant'. */
  role?: Role;
  /** Replaces fields of the default identity { id: 'me', name: 'Me', color: '#123456' }. */
  identity?: Partial<Identity>;
  /** Default: the default commands. */
  commands?: readonly AnyCommand[];
  /** Default: a fresh Awareness of the document (pass one to connect two editors). */
  awareness?: Awareness;
  /** The board shown from the start; default none. */
  board?: BoardId;
  /** A phone-sized screen; default a wide one. */
  narrowScreen?: boolean;
}

export function testEditor(doc: Y.Doc, options: TestEditorOptions = {}): Editor {
  const editor = createEditor({
    workshopId: 'w',
    doc,
    awareness: options.awareness ?? new Awareness(doc),
    role: options.role ?? 'participant',
    commands: options.commands ?? defaultCommands,
    identity: { id: 'me', name: 'Me', color: '#123456', ...options.identity },
    narrowScreen: options.narrowScreen ?? false,
  });
  if (options.board) editor.boardId.set(options.board);
  onTestFinished(() => editor.destroy());
  return editor;
}
