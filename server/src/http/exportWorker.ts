/**
 * Worker thread of ExportThread.ts: writes the text exports of a workshop
 * (textExport.ts), seconds of CPU for a large one that would otherwise stop
 * the event loop every workshop on the server shares.
 */
import { serve } from '../storage/threads/workerProtocol.ts';
import { renderTextExport } from './textExport.ts';

serve({ render: renderTextExport });
