// Starts a worker thread from TypeScript sources (tests, `pnpm dev`): Node 20
// does not apply `--import tsx` to a worker's entry module, so the worker
// starts here, registers tsx, then imports the .ts entry given as argv[2].
import { register } from 'tsx/esm/api';

register();
await import(process.argv[2]);
