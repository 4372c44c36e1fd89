/**
 * Worker thread of CompactionThread.ts: merges a stored snapshot and its log
 * into one update and reads the board preview of the result (compactState.ts),
 * seconds of CPU for a large board that would otherwise stop the event loop.
 */
import { compactState } from '../compactState.ts';
import { serve } from './workerProtocol.ts';

serve({
  merge: (snapshot: Uint8Array | null, updates: Uint8Array[]) => compactState(snapshot, updates),
});
