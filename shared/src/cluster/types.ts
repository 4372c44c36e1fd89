/**
 * The input of the clustering functions: a note's id and its text, nothing
 * else. Generic in the id so a branded `NoteId` comes back as a `NoteId`.
 */
export interface ClusterNote<Id extends string = string> {
  readonly id: Id;
  readonly text: string;
}
