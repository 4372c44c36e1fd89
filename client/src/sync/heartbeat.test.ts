import { MessageType } from '@pinnwand/shared/protocol/wire';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { ASK_AFTER_MS, DEAD_AFTER_MS, SILENT_AFTER_MS, watchHeartbeat } from './heartbeat.ts';

/** The parts of a WebsocketProvider the heartbeat uses, with an open socket. */
function fakeProvider(answers = false) {
  const sent: Uint8Array[] = [];
  const provider = {
    messageHandlers: [] as unknown[],
    wsconnected: true,
    wsLastMessageReceived: Date.now(),
    ws: {
      readyState: 1,
      OPEN: 1,
      send: (data: Uint8Array) => {
        sent.push(data);
        // A server that answers: its heartbeat arrives a moment later.
        if (answers) setTimeout(() => (provider.wsLastMessageReceived = Date.now()), 20);
      },
    },
    disconnect: vi.fn(),
    connect: vi.fn(),
  };
  return { provider, sent, asProvider: provider as unknown as WebsocketProvider };
}

describe('heartbeat', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks after a quiet moment and stays quiet while the server answers', () => {
    const { sent, asProvider } = fakeProvider(true);
    const silent: boolean[] = [];
    const stop = watchHeartbeat(asProvider, (s) => silent.push(s));
    vi.advanceTimersByTime(ASK_AFTER_MS + 100);
    expect(sent.map((f) => [...f])).toEqual([[MessageType.heartbeat]]);
    vi.advanceTimersByTime(DEAD_AFTER_MS * 2);
    expect(silent).toEqual([]);
    expect(sent.length).toBeGreaterThan(10);
    stop();
  });

  it('reports silence when unanswered, and the end of it when the server answers again', () => {
    const { provider, asProvider } = fakeProvider();
    const silent: boolean[] = [];
    const stop = watchHeartbeat(asProvider, (s) => silent.push(s));
    vi.advanceTimersByTime(ASK_AFTER_MS + SILENT_AFTER_MS + 400);
    expect(silent).toEqual([true]);
    provider.wsLastMessageReceived = Date.now();
    vi.advanceTimersByTime(400);
    expect(silent).toEqual([true, false]);
    expect(provider.disconnect).not.toHaveBeenCalled();
    stop();
  });

  it('drops the socket and reconnects after a long silence', () => {
    const { provider, asProvider } = fakeProvider();
    const stop = watchHeartbeat(asProvider, () => undefined);
    vi.advanceTimersByTime(ASK_AFTER_MS + DEAD_AFTER_MS + 400);
    expect(provider.disconnect).toHaveBeenCalledTimes(1);
    expect(provider.connect).toHaveBeenCalledTimes(1);
    stop();
  });

  it('does not count a page that was busy as silence, and still notices a silent server after it', () => {
    const { sent, asProvider } = fakeProvider();
    const silent: boolean[] = [];
    const stop = watchHeartbeat(asProvider, (s) => silent.push(s));
    vi.advanceTimersByTime(ASK_AFTER_MS + 100);
    expect(sent).toHaveLength(1);
    // A long task (applying a large document): the clock runs on, no timer does.
    vi.setSystemTime(Date.now() + 2 * SILENT_AFTER_MS);
    vi.advanceTimersByTime(200);
    expect(silent).toEqual([]);
    expect(sent).toHaveLength(2);
    // The page is responsive again and the server still does not answer.
    vi.advanceTimersByTime(SILENT_AFTER_MS + 200);
    expect(silent).toEqual([true]);
    stop();
  });

  it('does not count a background tab waking up late as silence', () => {
    const { provider, sent, asProvider } = fakeProvider();
    const silent: boolean[] = [];
    const stop = watchHeartbeat(asProvider, (s) => silent.push(s));
    // The last message is a minute old when the (slowed) timer finally runs.
    provider.wsLastMessageReceived = Date.now() - 60_000;
    vi.advanceTimersByTime(200);
    expect(sent).toHaveLength(1);
    expect(silent).toEqual([]);
    stop();
  });
});
