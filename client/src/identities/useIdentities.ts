// The identities list for the facilitator, kept fresh: fetched with this
// device's facilitator token (GET …/identities), again whenever the
// document's `identities` map changes (someone joined, an access was revoked
// — from any facilitator's device) and every few seconds for the connection
// counts, which only the server knows.
import { identitiesMap } from '@pinnwand/shared/model/schema';
import type { IdentityList } from '@pinnwand/shared/protocol/http';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchIdentities } from '../api/httpApi.ts';
import type { Editor } from '../editor/Editor.ts';
import { rememberedToken } from '../session/remembered.ts';

export type IdentitiesState =
  | { kind: 'loading' }
  | { kind: 'error'; reason: string }
  | { kind: 'ready'; list: IdentityList };

const REFRESH_MS = 10_000;
/** Joins come in bursts (a room full of people scanning the QR code): one fetch per burst. */
const SETTLE_MS = 300;

export function useIdentities(editor: Editor): { state: IdentitiesState; reload(): Promise<void> } {
  const [state, setState] = useState<IdentitiesState>({ kind: 'loading' });
  const alive = useRef(true);
  const reload = useCallback(async () => {
    const token = rememberedToken(editor.workshopId);
    if (!token) {
      setState({ kind: 'error', reason: 'no token' });
      return;
    }
    const result = await fetchIdentities(editor.workshopId, token);
    if (!alive.current) return;
    // A failed refresh keeps the list shown; only the first load reports the failure.
    if (result.ok) setState({ kind: 'ready', list: result.value });
    else setState((s) => (s.kind === 'ready' ? s : { kind: 'error', reason: result.message }));
  }, [editor.workshopId]);

  useEffect(() => {
    alive.current = true;
    void reload();
    const map = identitiesMap(editor.doc);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChange = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), SETTLE_MS);
    };
    map.observeDeep(onChange);
    const interval = setInterval(() => void reload(), REFRESH_MS);
    return () => {
      alive.current = false;
      map.unobserveDeep(onChange);
      clearTimeout(timer);
      clearInterval(interval);
    };
  }, [editor, reload]);

  return { state, reload };
}
