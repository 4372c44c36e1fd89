/**
 * The example workshop that "open the example workshop" seeds: the results of
 * "OZG-Erfahrungsaustausch 2023 – Die Zukunft der föderalen OZG-Umsetzung"
 * (BMI), transcribed from the handwritten sticky notes of the original
 * workshop documentation by Dr. Pamela Müller-Niese and Petra Streiber,
 * published under CC BY 4.0; the attribution the licence asks for travels
 * with the workshop (`meta.attribution`) into every export. Texts are kept as transcribed, typos included:
 * real input is messy. The board "Neues" was never clustered in the original.
 *
 * A copy of the test fixture `shared/fixtures/ozg-erfahrungsaustausch-2023.json` as TypeScript data,
 * because product code ships this and must not read the fixture at run time.
 * Load it with `loadStructuredResults(doc, OZG_EXAMPLE, origin)`.
 */
import type { StructuredResults } from '../import/structuredResults.ts';

export const OZG_EXAMPLE: StructuredResults = {
  title: 'OZG-Erfahrungsaustausch 2023: Die Zukunft der föderalen OZG-Umsetzung',
  license: 'CC BY 4.0',
  organizer: 'Bundesministerium des Innern und für Heimat (BMI)',
  facilitators: 'Dr. Pamela Müller-Niese, Petra Streiber',
  // Only the year is known from the source.
  eventDate: '2023',
  attribution:
    '„OZG-Erfahrungsaustausch 2023: Die Zukunft der föderalen OZG-Umsetzung“ von Dr. Pamela Müller-Niese und Petra Streiber (BMI), lizenziert unter CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/deed.de). Die handschriftlichen Notizen wurden abgetippt, Tippfehler beibehalten.',
  boards: [
    {
      title: 'Bewährtes',
      question: 'Welche Strukturen, Format & weiteren Elemente haben sich bewährt?',
      clusters: [
        {
          title: 'Strukturen',
          notes: [
            'Finanzierung FIT-store?',
            'Austausch Bund-Länder-weite Aktivitäten',
            'Zusammenarbeit Bund-Länder',
            'fachliches Federführendes Bund-Länder (nicht zwanghaft in TF-Struktur)',
            'Informationsaustausch FITKO',
            'formalisierte Sitzungen vorbereitung bei ALÖZG / IT-PLR',
            'Lernen an Best-Practise-Beispielen z.B. Fokusprojekte',
            'FITKO-stadt',
            'ÖZG-Erfahrungsaustausch',
            'ÖZG-Koordination in den Ländern',
            'Einrichten einer zentralen Stelle im BL',
          ],
        },
        {
          title: 'Formate Info / Austausch',
          notes: [
            'Führertage',
            'Anforderungs-kis mit Ländern',
            'direkte Austausch Fachlichkeit -> U-land',
            'Widerspruch - Mailing Sozialplattform > 2000 Adressen',
            'Informeller ÖZG-Austausch',
            'Austausch Kooperations Spitzenverbände',
            'Digitaler Runder Tisch mit den Landbeiräten',
            'Lernen an Best-Practise-Beispielen z.B. Fokusprojekte',
            'ÖZG-Koordination in den Ländern',
            'Einrichten einer zentralen Stelle im BL',
          ],
        },
        {
          title: 'Weiteres',
          notes: [
            'Direkte Ansprache v. Ländern/Kommunen',
            'zentrale Finanzierung',
            'Finanzielle Fördermittel',
            'der direkte Austausch mit dem Bundesjahresort (Verständnis für Herausforderungen, Krisen etc.)',
            'Aufwand f. verarbeitete Inhalte Beschränken so viel wie möglich reduzieren / vermeiden',
          ],
        },
      ],
      notes: [],
    },
    {
      title: 'Aufgaben',
      question: 'Welche Aufgaben haben wir künftig gemeinsam zu meistern?',
      clusters: [
        {
          title: 'Nutzerorientierung',
          notes: ['Nutzererfahrungen', 'Leitmas d. Bürgerschaft'],
        },
        {
          title: 'Flächen-Rollout',
          notes: [
            'Organisator. in den Ländern flankieren',
            'Rollout im Kommunalvollzug braucht organisator. Unterstützung',
            'Roll-in Service im BL',
            'Roll-in Kommunen',
            'Finanzierung Roll-out Betrieb/Instandw.',
            'TF-bezogene Once-Only-Clusterprojekte',
            'ÖZG-Reifegrad "4"',
            'Vernetzung der Projekte miteinander',
            'Verzahnung Efa + Reg Mo',
            'Werkentwicklung & Pflege',
          ],
        },
        {
          title: 'Umsetzung organisator. Änderungen',
          notes: [
            'Standards! (für alle Projekte...)',
            "Weniger SI's ???",
            'Fachverfahren ausbinden',
            'Ende-zu-Ende Digitalisierung, Vernetzung der Projekte miteinander',
            'Digitale Umsetz. bei Gesetzgebung mit den Mitgliedern',
            'Digitale Umsetz. bei Gesetzgebung und mit den Mitgliedern',
            'Verbindliche Standards schaffen -> Rechts',
            'Wimmelbild auftrümmen',
            'Verstärkung der Strukturen',
            'Technische Infrastruktur überarbeiten & modernisieren',
            'Finanzierung',
            'Weniger Berater?',
            'Umsetzung organisator. Änderungen',
            'Interkommunale Zusammenarbeit',
            '(politische) Priorisierung & Steuerung',
            'Skeletts Verankerung "des Themas" in d. Fachministerkonferenz',
            'Digitalisierung ist eine Fachaufgabe!',
            'Harden in der Kommunikation -> Drop Down',
            'Wichtige & flexible Strukturen aufbauen',
            'Technische Infrastruktur überarbeiten & modernisieren',
            'Finanzierung',
          ],
        },
      ],
      notes: [],
    },
    {
      title: 'Neues',
      question: 'Was wollen wir künftig anders oder neu machen?',
      clusters: [],
      notes: [
        'Von TF etwas lösen → interdisziplinärer Verwaltung → Use-Cases/Cluster',
        'TF-Verantwortung lösen',
        'TF neu strukturieren',
        'Wie werden wir arbeiten? (z.B. mehr virtuell, mehr agil)',
        'Themenfeld-Strukturierung',
        'Themenfeldstruktur unter dem Aspekt d. Fachlichkeit weiterentwickeln',
        'Gleich auf LEIKA Ebene denken → Themenfeld der fachlich eng verbunden',
        'TFFF in bestehende Strukturen integrieren',
        'Zusammenarbeit/Kommunikation mit Kommunen',
        'Zusammenarbeit Bund-Land-Kommunen',
        'Stabile Rahmenbedingungen (technisch, finanziell)',
        '"Frankfurt-Wanderung" Zeitdruck gelassen?',
        'grundsätzliche Rechtsfragen besser kommunizieren',
        'Konsolidierung Basisdienste',
        'FIM',
        'Weniger aus dem DZG-Kontext vorstellen - für nicht DZG? Direkter Kontakt, kein Büro dazwischen',
        'Berater mit Kenntnissen',
        'kurze Kommunikationswege',
        'schlanke Kommunikation',
        'FAQ',
        'Fokussierung fortsetzen, stärker priorisieren',
        'SI A1+25',
        'Personalkapazitäten IT-/DZG-Kompetenzen: Digitalisierung + Fachlichkeit stärken, Netzwerke im Ressort aufbauen/stärken',
        'Standards: mehr Standards gemeinsam entwickelt in Gemeinschaft',
        'Weniger Leistungen zählen → eine gute Digitalisierung ist mehr als nur die Ende-zu-Ende-Realisierung',
        'DZG-Plattformen ist belastbar',
        'Nachgeprüfte Entscheidungen zu einer einheitlichen Digitalisierung',
        'Durchhalten von Entscheidungen',
        'Bessere Vernetzung von bestehenden Foren und die Verantwortung Operative',
        'bessere Eskalations-Strukturen',
        'Bund sollte die Verantwortung für Digitalisierung behalten',
        'Kein Controlling durch Bund, stattdessen Angebot',
        'Zentrale Entscheidung des Bundes für eine Lösung. Dem können Kommunen folgen',
        'Nachfragepunkte erkennen: politisch, finanziell, rechtlich',
        'Ein Bund/Leitlinien für die Lösung, keine individuellen Wege',
      ],
    },
  ],
  summary:
    'Wir haben viel zu tun (Durchhaltevermögen).\n\nFöderale Zusammenarbeit ist einzigartig, die gilt es weiterzuentwickeln (viel hat sich bewährt, einiges nachjustieren).\n\n→ neues Selbstverständnis der Zusammenarbeit entstanden\n\n→ es geht gemeinsam weiter',
};
