// The text of the accessibility statement, German (the legally relevant
// version) and English. Keep it in step with docs/accessibility.md.
import type { Lang } from '../i18n/messages.ts';

export interface Statement {
  title: string;
  scope: string;
  statusHeading: string;
  status: string;
  notAccessibleHeading: string;
  notAccessible: string[];
  madeHeading: string;
  made: string[];
  feedbackHeading: string;
  feedback: string;
  noContact: string;
  enforcementHeading: string;
  enforcement: string;
}

export const STATEMENT: Readonly<Record<Lang, Statement>> = {
  de: {
    title: 'Erklärung zur Barrierefreiheit',
    scope:
      'Diese Erklärung gilt für die Web-Anwendung Pinnwand in der hier betriebenen Version und für die Dokumente, die sie erzeugt (PDF, Markdown, CSV, PNG). Der Betreiber dieser Installation ist bestrebt, sie im Einklang mit der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und der Norm EN 301 549 barrierefrei zugänglich zu machen.',
    statusHeading: 'Stand der Vereinbarkeit mit den Anforderungen',
    status:
      'Die Anwendung ist mit den Anforderungen der BITV 2.0 teilweise vereinbar. Die Einschränkungen sind unten aufgeführt.',
    notAccessibleHeading: 'Nicht barrierefreie Inhalte',
    notAccessible: [
      'Die Pinnwand selbst ist eine Zeichenfläche (Canvas): Bildschirmlesegeräte lesen sie nicht. Alle Inhalte und Aktionen (Notizen schreiben, verschieben, clustern, abstimmen) sind in der Gliederung in der Seitenleiste mit Tastatur und Bildschirmleser erreichbar.',
      'Notizen per Ziehen anordnen geht nur mit Zeiger oder Finger; die Gliederung bietet dafür „Verschieben …“.',
      'Der PNG-Export ist ein Bild ohne Textalternative. Die barrierefreien Dokumente sind das PDF und das Markdown.',
      'Im PDF ist die Zeichnung eines großen Boards eine Übersicht mit kleiner Schrift; sie hat einen Alternativtext, und alle Texte folgen lesbar als Liste. Das PDF wurde mit poppler geprüft (getaggt, Strukturbaum, Sprache, Titel, eingebettete Schriften, Lesereihenfolge), nicht mit PAC oder veraPDF.',
      'Die Prüfung ist eine Selbstbewertung mit automatischen Werkzeugen; eine Prüfung mit Menschen, die assistive Technik nutzen, steht aus.',
    ],
    madeHeading: 'Erstellung dieser Erklärung',
    made: [
      'Die Erklärung beruht auf einer Selbstbewertung. Automatische Prüfungen laufen bei jeder Änderung: axe-core prüft in Chromium die Startseite, das Board mit Gliederung (Desktop und Telefon), die Moderationsdialoge, den Export- und den Import-Dialog, die Liste der Teilnahme-Zugänge mit dem Dialog zum Widerrufen auf schwerwiegende Verstöße (keine gefunden). Das PDF des Beispiel-Workshops wird mit pdfinfo und pdftotext geprüft: getaggt, Strukturbaum mit Überschriften, Tabellen und Listen, jede Notiz einmal in Lesereihenfolge, Deckblatt mit Titel, Datum und Lizenz.',
      'Einzelheiten: docs/accessibility.md im Quellcode.',
    ],
    feedbackHeading: 'Feedback und Kontaktangaben',
    feedback:
      'Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Dann wenden Sie sich bitte an den Betreiber dieser Installation:',
    noContact:
      'Der Betreiber hat noch keine Kontaktadresse hinterlegt. Bitte wenden Sie sich an die Stelle, die Sie zu diesem Workshop eingeladen hat.',
    enforcementHeading: 'Schlichtungsverfahren',
    enforcement:
      'Wenn auch nach Ihrem Feedback an den Betreiber keine zufriedenstellende Lösung gefunden wurde, können Sie sich an die Schlichtungsstelle nach § 16 BGG (bei Bundesbehörden) oder an die nach Landesrecht zuständige Durchsetzungs- bzw. Schlichtungsstelle wenden.',
  },
  en: {
    title: 'Accessibility statement',
    scope:
      'This statement applies to the Pinnwand web application in the version operated here and to the documents it produces (PDF, Markdown, CSV, PNG). The operator of this installation aims to make it accessible in line with the German BITV 2.0 and EN 301 549.',
    statusHeading: 'Compliance status',
    status:
      'The application is partially compliant with BITV 2.0. The exceptions are listed below.',
    notAccessibleHeading: 'Content that is not accessible',
    notAccessible: [
      'The board itself is a drawing surface (canvas) that screen readers do not read. All content and actions (writing, moving, clustering, voting) are available in the outline in the side panel, by keyboard and screen reader.',
      'Arranging notes by dragging needs a pointer or a finger; the outline offers “Move …” instead.',
      'The PNG export is a picture without a text alternative. The accessible documents are the PDF and the Markdown.',
      'In the PDF, the drawing of a large board is an overview in small type; it has alternative text, and all texts follow as a readable list. The PDF was checked with poppler (tagged, structure tree, language, title, embedded fonts, reading order), not with PAC or veraPDF.',
      'The assessment is a self-assessment with automated tools; a test with people who use assistive technology is still to be done.',
    ],
    madeHeading: 'Preparation of this statement',
    made: [
      'This statement is based on a self-assessment. Automated checks run on every change: axe-core in Chromium checks the start page, the board with its outline (desktop and phone), the facilitation dialogs, the export and import dialogs and the list of participant accesses with its revoke dialog for serious violations (none found). The example workshop’s PDF is checked with pdfinfo and pdftotext: tagged, a structure tree of headings, tables and lists, every note once in reading order, a title page with title, date and licence.',
      'Details: docs/accessibility.md in the source code.',
    ],
    feedbackHeading: 'Feedback and contact',
    feedback: 'If you notice a barrier, please contact the operator of this installation:',
    noContact:
      'The operator has not set a contact address yet. Please contact whoever invited you to the workshop.',
    enforcementHeading: 'Enforcement procedure',
    enforcement:
      'If your feedback to the operator does not lead to a satisfactory solution, you can turn to the conciliation body under § 16 BGG (for federal bodies) or to the enforcement or conciliation body of the federal state concerned.',
  },
};
