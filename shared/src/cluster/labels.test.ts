import { describe, expect, it } from 'vitest';
import { extractFeatures } from './features.ts';
import { describeCluster } from './labels.ts';
import { inverseDocumentFrequency } from './vectors.ts';

function headingOf(texts: string[], members: number[], maxTerms = 3) {
  const features = extractFeatures(texts);
  const idf = inverseDocumentFrequency(features.map((f) => f.words));
  return describeCluster(members, features, idf, maxTerms);
}

describe('describeCluster', () => {
  it('names the cluster after its strongest shared term, as written', () => {
    const { title, terms } = headingOf(
      ['Austausch der Länder', 'regelmäßiger Austausch', 'Austausch mit Kommunen', 'Kaffee'],
      [0, 1, 2],
    );
    expect(title).toBe('Austausch');
    expect(terms).toEqual([{ text: 'Austausch', noteCount: 3 }]);
  });

  it('adds a second term when at least half the notes share it', () => {
    const { title } = headingOf(
      ['Zusammenarbeit Bund-Länder', 'Zusammenarbeit mit den Ländern', 'Zusammenarbeit Bund'],
      [0, 1, 2],
    );
    expect(title).toMatch(/^Zusammenarbeit \/ (Länder|Ländern|Bund)$/);
  });

  it('prefers the capitalised spelling on a tie and capitalises the heading', () => {
    const { terms, title } = headingOf(
      ['direkte Ansprache v. Ländern', 'direkter Draht ins U-land'],
      [0, 1],
    );
    expect(terms.map((t) => t.text)).toContain('Ländern');
    expect(title.charAt(0)).toBe(title.charAt(0).toUpperCase());
  });

  it('shows a compound-only term as the board writes it alone', () => {
    const { terms } = headingOf(
      ['Informationsaustausch', 'Erfahrungsaustausch', 'Austausch'],
      [0, 1],
    );
    expect(terms[0]).toEqual({ text: 'Austausch', noteCount: 2 });
  });

  it('says so honestly when the notes share no word', () => {
    expect(headingOf(['ÖZG', 'DZG'], [0, 1]).title).toBe('Ähnliche Notizen');
  });

  it('reports no more than maxTerms, without overlapping terms', () => {
    const { terms } = headingOf(
      ['Bund-Länder Austausch Finanzierung', 'Bund-Länder Austausch Finanzierung Standards'],
      [0, 1],
      2,
    );
    expect(terms).toHaveLength(2);
    expect(terms.map((t) => t.text)).not.toEqual(expect.arrayContaining(['Bund-Länder', 'Bund']));
  });
});
