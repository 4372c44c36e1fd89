import { describe, expect, it } from 'vitest';
import { noteRights } from './noteRights.ts';

const participant = { readOnly: false, role: 'participant' as const, userId: 'p-me' as never };
const facilitator = { readOnly: false, role: 'facilitator' as const, userId: 'p-fac' as never };

describe('noteRights', () => {
  it('lets a participant delete only their own notes', () => {
    expect(noteRights(participant, { authorId: 'p-me' }, false)).toEqual({
      canEdit: true,
      canDelete: true,
    });
    expect(noteRights(participant, { authorId: 'p-other' }, false)).toEqual({
      canEdit: true,
      canDelete: false,
    });
  });

  it('offers a participant nothing on a locked board', () => {
    expect(noteRights(participant, { authorId: 'p-me' }, true)).toEqual({
      canEdit: false,
      canDelete: false,
    });
  });

  it('lets the facilitator edit and delete any note, locked or not', () => {
    expect(noteRights(facilitator, { authorId: 'p-other' }, true)).toEqual({
      canEdit: true,
      canDelete: true,
    });
  });

  it('offers nothing when the editor is read-only', () => {
    expect(
      noteRights({ ...participant, readOnly: true }, { authorId: 'p-me' }, false).canEdit,
    ).toBe(false);
  });
});
