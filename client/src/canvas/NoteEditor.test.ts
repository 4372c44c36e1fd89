import { NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import { describe, expect, it } from 'vitest';
import { editorBox } from './NoteEditor.tsx';
import { NOTE_FOOTER, NOTE_PADDING, TEXT_WIDTH } from './noteStyle.ts';

describe('the note editor box', () => {
  it('leaves the author line visible', () => {
    expect(editorBox().height).toBeLessThanOrEqual(NOTE_HEIGHT - NOTE_FOOTER);
  });

  it('wraps text at the same width as the canvas draws it', () => {
    const box = editorBox();
    // CSS shorthand "top sides bottom"
    const [top, sides, bottom] = box.padding.split(' ').map((v) => Number.parseFloat(v));
    expect(box.width).toBe(NOTE_WIDTH);
    expect(top).toBe(NOTE_PADDING);
    expect(box.width - 2 * (sides ?? 0)).toBe(TEXT_WIDTH);
    expect(bottom).toBe(0);
  });
});
