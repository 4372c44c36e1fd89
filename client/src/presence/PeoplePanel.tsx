// Who is here: everyone connected to this workshop, with what they are doing.
import { distinctInitials, initials, type NamedPerson } from '@pinnwand/shared/model/initials';
import { useMemo, useSyncExternalStore } from 'react';
import type { Editor } from '../editor/Editor.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useStore } from '../ui/store.ts';
import { Avatar } from './Avatar.tsx';
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

/**
 * The avatar's short label for a participant id: initials made unique among the
 * people here, this person included ("FMü" and "FMe"), the same on every device.
 */
export function useInitials(editor: Editor): (id: string, name: string) => string {
  const people = usePeople(editor);
  const me = useStore(editor.user);
  const named = [
    { id: editor.userId as string, name: me.name },
    ...people.map((p) => ({ id: p.user.id, name: p.user.name })),
  ];
  // Keyed by the names, not the array: presence hands a new one on every cursor
  // move, the labels change only when someone comes, leaves or is renamed.
  const key = JSON.stringify(named);
  const labels = useMemo(() => distinctInitials(JSON.parse(key) as NamedPerson[]), [key]);
  return (id, name) => labels.get(id) ?? initials(name);
}

export function PeoplePanel({ editor }: { editor: Editor }) {
  const t = useT();
  const people = usePeople(editor);
  const me = useStore(editor.user);
  const label = useInitials(editor);
  const boards = editor.index.boards();
  return (
    <section aria-labelledby="people-h">
      <h2 id="people-h" className="panel-title">
        {t('presence.heading')}
      </h2>
      <ul className="people">
        <li>
          <Avatar label={label(editor.userId, me.name)} color={me.color} />
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
              <Avatar label={label(p.user.id, p.user.name)} color={p.user.color} />
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
