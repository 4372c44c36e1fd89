// The notes of one cluster (or of a board outside its clusters) in the outline.
// A long list is rendered in chunks: a chunk's notes are rendered when it first
// comes near the visible part of the panel; until then one placeholder item
// of about their height stands for them. A board of thousands of notes then
// costs its first picture — and every frame after it (style, layout, paint of
// the page) — a few dozen list items, not thousands of them. A chunk once
// shown stays. The keyboard still reaches every note: a placeholder is
// a button, and focusing it shows its notes and moves on to the first; a
// note that is to take the focus (after a move) or is being written in from
// the outline is always shown.
import type { Note } from '@pinnwand/shared/model/note';
import type { BoardView } from '@pinnwand/shared/read/workshopView';
import { useEffect, useRef, useState } from 'react';
import type { Editor } from '../editor/Editor.ts';
import type { NoteRightsJudge } from '../gate/useNoteRights.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useStoreSelect } from '../ui/store.ts';
import { OutlineNote } from './OutlineNote.tsx';

/** Lists up to this long are rendered whole. */
const WHOLE = 100;
/** Notes per chunk of a longer list. */
const CHUNK = 50;
/** A placeholder's height per note it stands for: about one item (text, author, actions). */
const NOTE_REM = 5.2;

interface ListProps {
  editor: Editor;
  notes: Note[];
  boards: { current: BoardView[] };
  rights: NoteRightsJudge;
}

export function NoteList({ editor, notes, boards, rights }: ListProps) {
  const t = useT();
  if (notes.length === 0) return <p className="muted small">{t('outline.noNotes')}</p>;
  if (notes.length <= WHOLE)
    return (
      <ul className="outline-notes">
        {notes.map((note) => (
          <OutlineNote key={note.id} editor={editor} note={note} boards={boards} rights={rights} />
        ))}
      </ul>
    );
  const chunks: Note[][] = [];
  for (let i = 0; i < notes.length; i += CHUNK) chunks.push(notes.slice(i, i + CHUNK));
  return (
    <ul className="outline-notes">
      {chunks.map((chunk, i) => (
        // By position: a chunk shown stays shown whichever notes it holds now.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Chunk key={i} editor={editor} notes={chunk} boards={boards} rights={rights} />
      ))}
    </ul>
  );
}

/** The nearest ancestor that scrolls (the side panel), or null for the page. */
function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const overflow = getComputedStyle(p).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return p;
  }
  return null;
}

function Chunk({ editor, notes, boards, rights }: ListProps) {
  const t = useT();
  const [near, setNear] = useState(false);
  const holds = (id: string | null) => id !== null && notes.some((n) => n.id === id);
  const wanted = useStoreSelect(editor.outlineFocus, holds);
  const writing = useStoreSelect(editor.writing.outline, holds);
  const shown = near || wanted || writing;
  const placeholder = useRef<HTMLLIElement>(null);
  /** The list, remembered when the placeholder takes the focus: its first note takes it next. */
  const focusInto = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const el = placeholder.current;
    if (shown || !el) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      // A screen ahead: the notes are there before they scroll into view.
      { root: scrollParent(el), rootMargin: '100% 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [shown]);

  useEffect(() => {
    const list = focusInto.current;
    const first = notes[0];
    if (!shown || !list || !first) return;
    focusInto.current = null;
    const item = list.querySelector<HTMLElement>(`[data-note-id="${first.id}"]`);
    item?.querySelector<HTMLElement>('button, textarea, select')?.focus();
  }, [shown, notes]);

  if (shown)
    return notes.map((note) => (
      <OutlineNote key={note.id} editor={editor} note={note} boards={boards} rights={rights} />
    ));
  const show = (e: { currentTarget: HTMLElement }) => {
    focusInto.current = e.currentTarget.closest('ul');
    setNear(true);
  };
  return (
    <li
      ref={placeholder}
      className="outline-more"
      style={{ height: `${notes.length * NOTE_REM}rem` }}
    >
      <button type="button" className="link-button" onFocus={show} onClick={show}>
        {t('outline.moreNotes', { count: notes.length })}
      </button>
    </li>
  );
}
