// Who is here: everyone connected to this workshop, with what they are doing.
import { useSyncExternalStore } from 'react';
import type { Editor } from '../editor/Editor.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useStore } from '../ui/store.ts';
import type { Peer } from './presenceTypes.ts';

/** One entry per person (a person with two tabs appears once). */
export function uniquePeople(peers: Peer[]): Peer[] {
  const seen = new Map<string, Peer>();
  for (const p of peers) if (!seen.has(p.user.id) || p.editing) seen.set(p.user.id, p);
  return [...seen.values()];
}

export function usePeople(editor: Editor): Peer[] {
  const peers = useSyncExternalStore(editor.presence.subscribe, editor.presence.peers);
  return uniquePeople(peers).filter((p) => p.user.id !== editor.userId);
}

export function PeoplePanel({ editor }: { editor: Editor }) {
  const t = useT();
  const people = usePeople(editor);
  const me = useStore(editor.user);
  const boards = editor.index.boards();
  return (
    <section aria-labelledby="people-h">
      <h2 id="people-h" className="panel-title">
        {t('presence.heading')}
      </h2>
      <ul className="people">
        <li>
          <span className="avatar" style={{ background: me.color }} aria-hidden="true">
            {initials(me.name)}
          </span>
          {t('presence.you', { name: me.name })}
          {/* A no-break space: the list item is a flex row, which drops a leading space. */}
          <span className="muted small">
            {'\u00a0· '}
            {t(`role.${editor.role}`)}
          </span>
        </li>
        {people.map((p) => {
          const board = boards.find((b) => b.id === (p.cursor?.boardId ?? p.view?.boardId));
          return (
            <li key={p.clientId} data-person={p.user.name}>
              <span className="avatar" style={{ background: p.user.color }} aria-hidden="true">
                {initials(p.user.name)}
              </span>
              {p.user.name}
              {p.role === 'facilitator' || p.role === 'viewer' ? (
                <span className="muted small">
                  {'\u00a0· '}
                  {t(`role.${p.role}`)}
                </span>
              ) : null}
              {board && (
                <span className="muted small">
                  {'\u00a0· '}
                  {board.title}
                </span>
              )}
              {p.editing && (
                <span className="muted small">
                  {'\u00a0· '}
                  {t('presence.editing')}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function initials(name: string): string {
  // Letters only: "Petra (Moderation)" is PM's name with a role, not "P(".
  const words = name
    .replace(/[([{].*?[)\]}]/gu, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => /\p{L}/u.test(w));
  const first = words[0] ?? '';
  const letters =
    words.length > 1
      ? `${[...first][0] ?? ''}${[...(words.at(-1) ?? '')][0] ?? ''}`
      : [...first].slice(0, 2).join('');
  return letters.toUpperCase() || '?';
}
