import { describe, expect, it } from 'vitest';
import { type ClusterSuggestions, suggestClusters } from './suggestClusters.ts';

/** A branded id like the model's `NoteId` (not imported: the test stays self-contained). */
type NoteId = string & { readonly brand: 'NoteId' };

const notesOf = (texts: readonly string[]) => texts.map((text, i) => ({ id: `n${i}`, text }));

/** The suggested groups as sets of texts, order-free, leftovers as their own list. */
function groupsOf(texts: readonly string[], result: ClusterSuggestions) {
  const text = (id: string) => texts[Number(id.slice(1))]!;
  return {
    groups: result.clusters.map((c) => c.noteIds.map(text).sort()).sort(),
    leftovers: result.leftovers.map(text).sort(),
  };
}

const COMPOUNDS_AND_SPELLINGS = [
  'Finanzierung der Projekte sichern',
  'Finanzierung langfristig klären',
  'Zusammenarbeit Bund-Länder stärken',
  'Bund/Länder-Zusammenarbeit verbessern',
  'Zusammenarbeit mit den Laendern',
  'Rollout in den Kommunen',
  'Roll-out Kommunen beschleunigen',
  'Flächen-Rollout planen',
  'Kaffeepause',
];

const ABBREVIATIONS_AND_COMPOUNDS = [
  'ÖZG-Umsetzung beschleunigen',
  'OZG Umsetzung im Land',
  'Umsetzung des OZG',
  'Datenschutz klären',
  'Datenschutzfragen früh klären',
  'Datenschutz-Folgenabschätzung',
  'Informationsaustausch verbessern',
  'regelmäßiger Austausch',
  'Austausch der Länder',
  'Weihnachtsfeier',
];

const TYPOS = [
  'Digitalisierung vorantreiben',
  'Digitalisirung der Verwaltung',
  'digitale Verwaltung',
  'Nutzerfreundlichkeit erhöhen',
  'nutzerfreundliche Formulare',
  'Schulungen für Mitarbeitende',
  'Schulung der Beschäftigten',
  'Weiterbildung Mitarbeitende',
];

/** A board of another workshop ("digital arbeiten im Amt"), typos included. */
const ANOTHER_WORKSHOP = [
  'Homeoffice-Regelung vereinfachen',
  'Mehr Home-Office ermöglichen',
  'Homeoffice Ausstattung (Laptop, Headset)',
  'VPN ist zu langsam',
  'VPN-Zugang stabiler machen',
  'E-Akte endlich einführen',
  'eAkte Schulung',
  'Führungskultur: Vertrauen statt Kontrolle',
  'Vertrauenskultur stärken',
  'Bürgerservice online',
  'Onlinedienste für Bürgerinnen und Bürger',
  'Datenschutz klären',
  'Datenschutzbeauftragten früh einbinden',
  'Datenschtz bei Cloud-Diensten',
  'Kantine',
  'Parkplätze',
];

describe('suggestClusters', () => {
  it('groups hyphenated and closed spellings, umlaut variants and compounds', () => {
    const texts = COMPOUNDS_AND_SPELLINGS;
    const { groups, leftovers } = groupsOf(texts, suggestClusters(notesOf(texts)));
    expect(groups).toContainEqual(
      [texts[2], texts[3], texts[4]].sort(), // Bund-Länder, Bund/Länder-, Laendern
    );
    expect(groups).toContainEqual([texts[5], texts[6], texts[7]].sort()); // Rollout, Roll-out
    expect(groups).toContainEqual([texts[0], texts[1]].sort());
    expect(leftovers).toContain('Kaffeepause');
  });

  it('lets "ÖZG" meet "OZG" and a compound meet its parts', () => {
    const texts = ABBREVIATIONS_AND_COMPOUNDS;
    const { groups, leftovers } = groupsOf(texts, suggestClusters(notesOf(texts)));
    expect(groups).toEqual(
      [
        [texts[0], texts[1], texts[2]].sort(),
        [texts[3], texts[4], texts[5]].sort(),
        [texts[6], texts[7], texts[8]].sort(),
      ].sort(),
    );
    expect(leftovers).toEqual(['Weihnachtsfeier']);
  });

  it('still groups a misspelt word with its correct spelling', () => {
    const texts = TYPOS;
    const { groups } = groupsOf(texts, suggestClusters(notesOf(texts)));
    const digital = groups.find((g) => g.includes('Digitalisirung der Verwaltung'));
    expect(digital).toEqual(expect.arrayContaining(['Digitalisierung vorantreiben']));
  });

  it('sorts another workshop’s board by topic and leaves the odd notes out', () => {
    const texts = ANOTHER_WORKSHOP;
    const { groups, leftovers } = groupsOf(texts, suggestClusters(notesOf(texts)));
    expect(groups).toContainEqual([texts[0], texts[1], texts[2]].sort()); // Homeoffice, Home-Office
    expect(groups).toContainEqual([texts[3], texts[4]].sort()); // VPN
    expect(groups).toContainEqual([texts[5], texts[6]].sort()); // E-Akte, eAkte
    expect(groups).toContainEqual([texts[11], texts[12], texts[13]].sort()); // Datenschtz
    expect(leftovers).toEqual(expect.arrayContaining(['Kantine', 'Parkplätze']));
  });

  it('heads each cluster with its shared terms as written, not as stems', () => {
    const result = suggestClusters(notesOf(ABBREVIATIONS_AND_COMPOUNDS));
    const titles = result.clusters.map((c) => c.title);
    expect(titles).toContain('OZG / Umsetzung');
    expect(titles.some((t) => t.startsWith('Austausch'))).toBe(true);
    const austausch = result.clusters.find((c) => c.title.startsWith('Austausch'))!;
    // "Informationsaustausch" counts as a note containing "Austausch".
    expect(austausch.terms[0]).toEqual({ text: 'Austausch', noteCount: 3 });
    const lander = suggestClusters(notesOf(COMPOUNDS_AND_SPELLINGS)).clusters.find((c) =>
      c.noteIds.includes('n2'),
    )!;
    expect(lander.terms.map((t) => t.text)).toEqual(expect.arrayContaining(['Länder']));
    expect(lander.terms.map((t) => t.text)).not.toContain('land');
  });

  it('reports cohesion between 0 and 1, tighter clusters higher', () => {
    const result = suggestClusters(
      notesOf(['Finanzierung', 'Finanzierung', 'Austausch der Länder', 'Austausch mit Kommunen']),
      { threshold: 0.1 },
    );
    const [a, b] = result.clusters;
    expect(a?.cohesion).toBeCloseTo(1);
    expect(b?.cohesion).toBeGreaterThan(0);
    expect(b?.cohesion).toBeLessThan(1);
  });

  it('is deterministic and does not depend on the order of the notes', () => {
    const texts = [...COMPOUNDS_AND_SPELLINGS, ...ABBREVIATIONS_AND_COMPOUNDS, ...TYPOS];
    const notes = notesOf(texts);
    const first = suggestClusters(notes);
    expect(suggestClusters(notes)).toEqual(first);
    const reversed = suggestClusters([...notes].reverse());
    expect(groupsOf(texts, reversed)).toEqual(groupsOf(texts, first));
  });

  it('honours an explicit threshold', () => {
    const notes = notesOf(ABBREVIATIONS_AND_COMPOUNDS);
    const strict = suggestClusters(notes, { threshold: 0.99 });
    expect(strict.clusters).toEqual([]);
    expect(strict.leftovers).toHaveLength(notes.length);
    const loose = suggestClusters(notes, { threshold: 0 });
    expect(loose.clusters).toHaveLength(1);
    expect(loose.threshold).toBe(0);
  });

  it('copes with empty boards, single notes and notes without words', () => {
    expect(suggestClusters([])).toEqual({ clusters: [], leftovers: [], threshold: 0.2 });
    expect(suggestClusters(notesOf(['Allein'])).leftovers).toEqual(['n0']);
    const blank = suggestClusters(notesOf(['', '???', 'und oder', 'Austausch', 'Austausch']));
    expect(blank.clusters.map((c) => c.noteIds)).toEqual([['n3', 'n4']]);
    expect(blank.leftovers).toEqual(['n0', 'n1', 'n2']);
  });

  it('keeps branded note ids', () => {
    const id = 'abc' as NoteId;
    const result = suggestClusters([
      { id, text: 'Austausch' },
      { id: 'def' as NoteId, text: 'Austausch' },
    ]);
    const ids: NoteId[] = result.clusters[0]!.noteIds;
    expect(ids).toContain(id);
  });
});
