import { describe, expect, it } from 'vitest';
import { findDuplicates, similarityPercent } from './findDuplicates.ts';

const notesOf = (texts: readonly string[]) => texts.map((text, i) => ({ id: `n${i}`, text }));

describe('findDuplicates', () => {
  it('finds exact duplicates regardless of case, umlaut spelling and punctuation', () => {
    const groups = findDuplicates(
      notesOf([
        'ÖZG-Koordination in den Ländern',
        'Austausch',
        'OZG Koordination in den Laendern!',
      ]),
    );
    expect(groups).toEqual([{ noteIds: ['n0', 'n2'], similarity: 1, identical: false }]);
    // Same words, different spelling: similar, but not shown as "100 %".
    expect(similarityPercent(groups[0]!)).toBe(99);
  });

  it('finds near duplicates: an added word, a typo', () => {
    const groups = findDuplicates(
      notesOf([
        'Digitale Umsetz. bei Gesetzgebung mit den Mitgliedern',
        'Lernen an Best-Practice-Beispielen',
        'Digitale Umsetz. bei Gesetzgebung und mit den Mitgliedern',
        'Lernen an Best-Practise-Beispielen',
      ]),
    );
    expect(groups.map((g) => g.noteIds)).toEqual([
      ['n0', 'n2'],
      ['n1', 'n3'],
    ]);
    for (const group of groups) {
      expect(group.similarity).toBeGreaterThan(0.7);
      expect(group.similarity).toBeLessThan(1);
      expect(similarityPercent(group)).toBe(Math.floor(group.similarity * 100));
    }
  });

  it('does not call a note that only contains another a duplicate', () => {
    const groups = findDuplicates(
      notesOf([
        'Vernetzung der Projekte miteinander',
        'Ende-zu-Ende Digitalisierung, Vernetzung der Projekte miteinander',
        'Finanzierung',
        'zentrale Finanzierung',
      ]),
    );
    expect(groups).toEqual([]);
  });

  it('counts stop words: "mit" and "ohne" keep short notes apart', () => {
    // A duplicate must say the same, not merely be about the same.
    const groups = findDuplicates(notesOf(['Beratung mit Kosten', 'Beratung ohne Kosten']));
    expect(groups).toEqual([]);
  });

  it('groups three copies once, sorted by similarity, and ignores empty notes', () => {
    const groups = findDuplicates(
      notesOf([
        '',
        'Finanzierung',
        '  ',
        'Finanzierung',
        'Austausch Bund',
        'Finanzierung',
        'Austausch Bund!',
      ]),
    );
    expect(groups).toEqual([
      { noteIds: ['n1', 'n3', 'n5'], similarity: 1, identical: true },
      { noteIds: ['n4', 'n6'], similarity: 1, identical: false },
    ]);
    expect(groups.map(similarityPercent)).toEqual([100, 99]);
  });

  it('takes a stricter or looser threshold', () => {
    const notes = notesOf(['Finanzierung', 'zentrale Finanzierung']);
    expect(findDuplicates(notes, { threshold: 0.4 })).toHaveLength(1);
    expect(findDuplicates(notes, { threshold: 0.99 })).toEqual([]);
  });
});
