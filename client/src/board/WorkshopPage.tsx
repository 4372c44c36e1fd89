// Opening a workshop: the gate (session/workshopGate.ts: token, what the server
// allows, this device's identity), a name, then the synced document and the board.
import type { SessionInfo } from '@pinnwand/shared/protocol/http';
import { CloseCode } from '@pinnwand/shared/protocol/wire';
import { useEffect, useState } from 'react';
import { dismissEarlyCards } from '../canvas/earlyCards.ts';
import { watchDocumentFormat } from '../editor/documentFormat.ts';
import { createEditor, type Editor } from '../editor/Editor.ts';
import { announceRefusals } from '../editor/refusals.ts';
import { participantId } from '../facilitation/participantKey.ts';
import type { MessageKey } from '../i18n/de.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { identityMessages } from '../identities/messages.ts';
import { navigate } from '../routing/useRoute.ts';
import { registerServiceWorkerWhenIdle } from '../serviceWorker.ts';
import { getIdentity, type Identity, useIdentity } from '../session/identity.ts';
import { NamePrompt } from '../session/NamePrompt.tsx';
import { rememberedToken, takeJustCreated } from '../session/remembered.ts';
import { type Gate, takeGate } from '../session/workshopGate.ts';
import {
  openingCards,
  showBoardPreview,
  startBoardPreview,
  takeBoardPreview,
} from '../sync/boardPreview.ts';
import { type Connection, openConnection } from '../sync/connection.ts';
import { dropEarlyConnection, takeEarlyConnection } from '../sync/earlyConnection.ts';
import { isNarrowScreen } from '../ui/narrowScreen.ts';
import { useStore } from '../ui/store.ts';
import { BoardPage } from './BoardPage.tsx';
import { workshopCommands, workshopOutlineExtras, workshopPanels } from './features.tsx';
import { WorkshopSkeleton } from './WorkshopSkeleton.tsx';

export function WorkshopPage({
  workshopId,
  token: fromUrl,
}: {
  workshopId: string;
  token: string | null;
}) {
  const [gate, setGate] = useState<Gate>({ kind: 'loading' });
  const identity = useIdentity();
  const [named, setNamed] = useState(() => getIdentity().name.trim() !== '');

  useEffect(() => {
    let cancelled = false;
    // Reached from within the app (the landing page's "create", a recent
    // workshop), not by opening the link: main.tsx asked for nothing, and the
    // skeleton and name prompt would lack the title, boards and question.
    // A no-op when main.tsx already asked for this workshop.
    const token = fromUrl ?? rememberedToken(workshopId);
    if (token) startBoardPreview(workshopId, token);
    void takeGate(workshopId, fromUrl).then((next) => {
      if (!cancelled) setGate(next);
    });
    return () => {
      cancelled = true;
      // Opened ahead for this page; not taken by a board that is not coming.
      dropEarlyConnection();
      dismissEarlyCards();
    };
  }, [workshopId, fromUrl]);

  if (gate.kind === 'loading') return <WorkshopSkeleton workshopId={workshopId} />;
  if (gate.kind === 'error') return <Message text={gate.message} error />;
  if (!named)
    return <NamingFirst session={gate.session} identity={identity} onDone={() => setNamed(true)} />;
  return <LiveWorkshop session={gate.session} token={gate.token} />;
}

/**
 * The name prompt of a device here for the first time, over the page's
 * skeleton (the workshop's title, boards and first cards, from the board's
 * cards asked for as the link opened) rather than over an empty page.
 */
function NamingFirst({
  session,
  identity,
  onDone,
}: {
  session: SessionInfo;
  identity: Identity;
  onDone(): void;
}) {
  const cards = useStore(openingCards);
  const question = cards?.boards.find((b) => b.id === cards.boardId)?.question ?? '';
  return (
    <>
      <WorkshopSkeleton workshopId={session.workshopId} role={session.role} />
      <NamePrompt
        identity={identity}
        viewer={session.role === 'viewer'}
        facilitator={session.role === 'facilitator'}
        joining={{ title: session.title, question }}
        onDone={onDone}
      />
    </>
  );
}

function LiveWorkshop({ session, token }: { session: SessionInfo; token: string }) {
  const [live, setLive] = useState<{ connection: Connection; editor: Editor } | null>(null);
  useEffect(() => {
    const connection =
      takeEarlyConnection(session.workshopId, token) ?? openConnection(session.workshopId, token);
    const editor = createEditor({
      workshopId: session.workshopId,
      doc: connection.doc,
      awareness: connection.awareness,
      connectionStatus: connection.status,
      role: session.role,
      commands: workshopCommands,
      panels: workshopPanels,
      outlineNoteExtras: workshopOutlineExtras,
      // Votes and authorship use the id the server derives from this device's key.
      identity: { ...getIdentity(), id: participantId(session.workshopId) },
      narrowScreen: isNarrowScreen(),
      ...(session.role === 'facilitator' && takeJustCreated(session.workshopId)
        ? { initialPanel: 'share' }
        : {}),
    });
    // Once the document is here, check its format; the server migrates, never this client.
    let unwatch = () => {};
    const unsubscribe = connection.loaded.subscribe(() => {
      if (!connection.loaded.get()) return;
      unsubscribe();
      unwatch = watchDocumentFormat(editor);
      // Not before: its install downloads the app again (serviceWorker.ts).
      registerServiceWorkerWhenIdle();
    });
    const stopRefusals = announceRefusals(editor, connection.refused, connection.offlineWrites);
    // Drawn until the server's document is applied, when this device has none yet.
    const stopPreview = showBoardPreview(
      editor,
      takeBoardPreview(session.workshopId, token),
      connection,
    );
    setLive({ connection, editor });
    return () => {
      stopPreview();
      unsubscribe();
      stopRefusals();
      unwatch();
      editor.destroy();
      connection.destroy();
    };
  }, [session.workshopId, session.role, token]);
  if (!live) return <WorkshopSkeleton workshopId={session.workshopId} role={session.role} />;
  return <Denied connection={live.connection} editor={live.editor} session={session} />;
}

function Denied({
  connection,
  editor,
  session,
}: {
  connection: Connection;
  editor: Editor;
  session: SessionInfo;
}) {
  const code = useStore(connection.deniedCode);
  // workshopDeleted: the workshop was deleted while this board was open.
  if (code === CloseCode.unknownWorkshop || code === CloseCode.workshopDeleted)
    return <Message text="session.notFound" error />;
  if (code === CloseCode.badToken) return <Message text="session.badToken" error />;
  // 4403: the facilitator revoked this device's participant identity.
  if (code === CloseCode.forbidden) return <Revoked />;
  return <BoardPage connection={connection} editor={editor} session={session} />;
}

/** What a participant whose access the facilitator revoked sees instead of the board. */
function Revoked() {
  const t = useT();
  useEffect(dismissEarlyCards, []);
  const it = useT(identityMessages);
  return (
    <main className="message-page">
      <h1>{it('identities.revokedTitle')}</h1>
      <p role="alert">{it('identities.revokedText')}</p>
      <button type="button" className="button" onClick={() => navigate('/')}>
        {t('session.backHome')}
      </button>
    </main>
  );
}

function Message({ text, error }: { text: MessageKey; error?: boolean }) {
  const t = useT();
  // No board is coming: nor are its first cards.
  useEffect(dismissEarlyCards, []);
  return (
    <main className="message-page">
      <h1>{t('app.name')}</h1>
      <p role={error ? 'alert' : 'status'}>{t(text)}</p>
      {error && (
        <button type="button" className="button" onClick={() => navigate('/')}>
          {t('session.backHome')}
        </button>
      )}
    </main>
  );
}
