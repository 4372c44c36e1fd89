// The invitation links for the share panel: remembered on the device that
// created the workshop, otherwise fetched with this device's facilitator token
// (GET /api/workshops/<id>/invites) and then remembered here too.
import { useEffect, useState } from 'react';
import { fetchInvites } from '../api/httpApi.ts';
import {
  type InviteLinks,
  rememberedLinks,
  rememberedToken,
  rememberLinks,
} from '../session/remembered.ts';

/** The facilitator link of this device, in the form the server hands out. */
function facilitatorLink(participantUrl: string, workshopId: string, token: string): string {
  const url = new URL(participantUrl, location.href);
  return `${url.origin}/w/${encodeURIComponent(workshopId)}#token=${encodeURIComponent(token)}`;
}

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
        const { participant, viewer } = result.value.urls;
        const links = {
          participant,
          viewer,
          facilitator: facilitatorLink(participant, workshopId, token),
        };
        rememberLinks(workshopId, links);
        setState({ kind: 'ready', links });
      } else {
        // 404: a workshop from before the links were stored.
        setState({ kind: result.reason === 'notFound' ? 'missing' : 'error' });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [workshopId, canFetch]);
  return state;
}
