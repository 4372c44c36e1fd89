// The invitation links for the share panel: remembered on the device that
// created the workshop, otherwise fetched with this device's facilitator token
// (GET /api/workshops/<id>/invites) and then remembered here too.
import { useEffect, useState } from 'react';
import {
  type InviteLinks,
  rememberedLinks,
  rememberedToken,
  rememberLinks,
} from '../session/remembered.ts';
import { fetchInvites } from './api.ts';

export type InviteLinksState =
  | { kind: 'ready'; links: InviteLinks }
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'error' };

export function useInviteLinks(workshopId: string, canFetch: boolean): InviteLinksState {
  const [state, setState] = useState<InviteLinksState>(() => {
    const links = rememberedLinks(workshopId);
    if (links) return { kind: 'ready', links };
    return canFetch ? { kind: 'loading' } : { kind: 'missing' };
  });
  useEffect(() => {
    const links = rememberedLinks(workshopId);
    if (links) {
      setState({ kind: 'ready', links });
      return;
    }
    const token = rememberedToken(workshopId);
    if (!canFetch || !token) {
      setState({ kind: 'missing' });
      return;
    }
    let cancelled = false;
    setState({ kind: 'loading' });
    void fetchInvites(workshopId, token).then((result) => {
      if (cancelled) return;
      if (result.ok) {
        rememberLinks(workshopId, result.links);
        setState({ kind: 'ready', links: result.links });
      } else {
        setState({ kind: result.reason === 'missing' ? 'missing' : 'error' });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [workshopId, canFetch]);
  return state;
}
