export declare const serverEntryPoints: Record<
  'main' | 'sqliteWorker' | 'compactionWorker',
  string
>;
