// The server's bundles, by output name: the main program and its worker
// threads (names as in src/storage/threads/workerEntry.ts). Paths relative to server/.
export const serverEntryPoints = {
  main: 'src/main.ts',
  sqliteWorker: 'src/storage/sqlite/sqliteWorker.ts',
  compactionWorker: 'src/storage/threads/compactionWorker.ts',
  checkpointWorker: 'src/storage/sqlite/checkpointWorker.ts',
  exportWorker: 'src/http/exportWorker.ts',
};
