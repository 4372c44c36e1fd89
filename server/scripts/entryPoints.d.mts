export declare const serverEntryPoints: Record<
  'main' | 'sqliteWorker' | 'compactionWorker' | 'checkpointWorker',
  string
>;
