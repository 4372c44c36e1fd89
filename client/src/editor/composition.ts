// An input method composing in a bound textarea (compositionstart …
// compositionend): Japanese or Chinese input, dead keys, and phone keyboards,
// whose autocorrect composes every word. Rewriting the textarea's value
// mid-composition breaks it — the browser commits, doubles or drops the
// composed text and the caret jumps — so once the composition has changed
// the text, others' changes to the Y.Text are held here and shown when it
// ends.
//
// What is being composed is written to the Y.Text only then, as one change:
// until it is committed it is not yet the person's text (kana before their
// conversion, a word the keyboard may still correct), so others would watch
// half-words flicker, and undo would step back through them (an undo after
// "日本" could bring back "にほ"). Committed, the word is one change, which
// undo takes back with the typing around it like any typing (a step per
// pause, editor/undoSteps.ts). Others see it when it is committed: a word
// late, or on a phone, whose keyboard keeps a word composing until a space or
// a move of the caret, once the word is finished.
import type { TextDelta } from './textRebase.ts';

export class Composition {
  /** Between compositionstart and compositionend. */
  active = false;
  /** Others' changes since the textarea last matched the Y.Text, oldest first. */
  private held: TextDelta[] = [];

  start(): void {
    this.active = true;
  }

  end(): void {
    this.active = false;
  }

  /** Whether others' changes wait. */
  get holding(): boolean {
    return this.held.length > 0;
  }

  hold(delta: TextDelta): void {
    this.held.push(delta);
  }

  /** The held changes, handed over once. */
  release(): TextDelta[] {
    const held = this.held;
    this.held = [];
    return held;
  }
}
