// Who writes in the note this person wanted to write in: shown at the note
// (on the canvas) when the gate refused an editor because someone else writes
// there, with "Übernehmen" to ask the writer to hand it over (editor/writers.ts).
// Sits beside the canvas element, not in it: its buttons are form controls,
// not canvas input.
import { NOTE_HEIGHT } from '@pinnwand/shared/model/layout';
import type { Editor } from '../editor/Editor.ts';
import {
  askToTakeOver,
  dismissWriter,
  type WriterPrompt as WriterPromptState,
} from '../editor/writers.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useNote } from '../model/useDoc.ts';
import { useStore } from '../ui/store.ts';

export function WriterPrompt({ editor }: { editor: Editor }) {
  const prompt = useStore(editor.writing.prompt);
  if (prompt?.from !== 'canvas') return null;
  return <PromptAtNote editor={editor} prompt={prompt} />;
}

function PromptAtNote({ editor, prompt }: { editor: Editor; prompt: WriterPromptState }) {
  const view = useStore(editor.viewport);
  const size = useStore(editor.stageSize);
  const note = useNote(editor.index, prompt.id);
  if (!note || note.boardId !== editor.boardId.get()) return null;
  const left = Math.min(Math.max(8, note.x * view.scale + view.x), Math.max(8, size.width - 280));
  const top = Math.min(
    Math.max(8, (note.y + NOTE_HEIGHT) * view.scale + view.y + 6),
    Math.max(8, size.height - 120),
  );
  return (
    <div className="writer-prompt" role="alert" style={{ left, top }}>
      <WriterPromptBody editor={editor} prompt={prompt} />
    </div>
  );
}

/** Who writes, and the buttons to ask for the note or let it be: at the note and in the outline. */
export function WriterPromptBody({
  editor,
  prompt,
}: {
  editor: Editor;
  prompt: WriterPromptState;
}) {
  const t = useT();
  const name = prompt.writer.name;
  return (
    <>
      <p>
        <span className="writer-dot" style={{ background: prompt.writer.color }} aria-hidden />
        {prompt.asked ? t('writer.asked', { name }) : t('writer.prompt', { name })}
      </p>
      <div className="row">
        {!prompt.asked && (
          <button
            type="button"
            className="button small primary"
            onClick={() => askToTakeOver(editor)}
          >
            {t('writer.ask')}
          </button>
        )}
        <button type="button" className="button small" onClick={() => dismissWriter(editor)}>
          {t('writer.close')}
        </button>
      </div>
    </>
  );
}
