// The export and import features' strings, German first and English. They go
// through the app's i18n layer (same language choice, `{name}` placeholders)
// but live in their own dictionary, so these features do not edit the
// board's message files.
import { format, type TranslateParams, useI18n } from '../i18n/I18nProvider.tsx';

export const xde = {
  'export.heading': 'Dokumentation exportieren',
  'export.intro':
    'Die Ergebnisse als Dokument: jede Tafel mit Leitfrage, Gruppen, Notizen, Punkten und Zusammenfassungen.',
  'export.pdf': 'PDF',
  'export.pdf.hint': 'zum Versenden und Ablegen',
  'export.md': 'Markdown',
  'export.md.hint': 'Text für Wiki und Mail',
  'export.csv': 'CSV',
  'export.csv.hint': 'Tabelle für Excel und Calc',
  'export.json': 'JSON-Sicherung',
  'export.json.hint': 'vollständig, zum Wiederherstellen',
  'export.png': 'PNG der Tafel',
  'export.png.hint': 'Bild der aktuellen Tafel in Druckauflösung',
  'export.authors': 'Namen der Autorinnen und Autoren aufnehmen',
  'export.license': 'Lizenzhinweis (optional)',
  'export.licensePlaceholder': 'z. B. CC BY 4.0',
  'export.busy': 'PDF wird erstellt … {percent} %',
  'export.done': '{file} heruntergeladen.',
  'export.failed': 'Export fehlgeschlagen: {reason}',
  'import.heading': 'Importieren',
  'import.intro': 'Notizen aus Text, CSV, Markdown, Ergebnis-JSON oder einer Sicherung übernehmen.',
  'import.open': 'Importieren …',
  'import.dialog': 'Notizen importieren',
  'import.file': 'Datei wählen',
  'import.paste': 'Oder Text einfügen',
  'import.pastePlaceholder': 'Eine Notiz pro Zeile …',
  'import.format': 'Format',
  'import.format.text': 'Text (eine Notiz pro Zeile)',
  'import.format.csv': 'CSV',
  'import.format.md': 'Markdown (Pinnwand-Export)',
  'import.format.structured': 'Ergebnis-JSON',
  'import.format.json': 'Pinnwand-Sicherung (JSON)',
  'import.target': 'Ziel',
  'import.target.board': 'Tafel „{board}“',
  'import.target.workshop': 'Als Tafeln übernehmen (gleichnamige ergänzen)',
  'import.preview': 'Vorschau',
  'import.preview.notes': '{count} Notizen',
  'import.preview.board': '{board}: {count} Notizen',
  'import.preview.clusters': 'Gruppen: {clusters}',
  'import.preview.noClusters': 'ohne Gruppen',
  'import.preview.empty': 'Noch nichts zu importieren.',
  'import.commit': '{count} Notizen importieren',
  'import.cancel': 'Abbrechen',
  'import.done': '{count} Notizen importiert.',
  'import.error': 'Fehler: {message}',
};

export type XKey = keyof typeof xde;

export const xen: Record<XKey, string> = {
  'export.heading': 'Export documentation',
  'export.intro':
    'The results as a document: every board with its guiding question, groups, notes, dots and summaries.',
  'export.pdf': 'PDF',
  'export.pdf.hint': 'to send and to file',
  'export.md': 'Markdown',
  'export.md.hint': 'text for wikis and mail',
  'export.csv': 'CSV',
  'export.csv.hint': 'table for Excel and Calc',
  'export.json': 'JSON backup',
  'export.json.hint': 'complete, to restore',
  'export.png': 'PNG of the board',
  'export.png.hint': 'picture of the current board at print resolution',
  'export.authors': 'Include authors’ names',
  'export.license': 'Licence line (optional)',
  'export.licensePlaceholder': 'e.g. CC BY 4.0',
  'export.busy': 'Building the PDF … {percent} %',
  'export.done': '{file} downloaded.',
  'export.failed': 'Export failed: {reason}',
  'import.heading': 'Import',
  'import.intro': 'Take over notes from text, CSV, Markdown, results JSON or a backup.',
  'import.open': 'Import …',
  'import.dialog': 'Import notes',
  'import.file': 'Choose a file',
  'import.paste': 'Or paste text',
  'import.pastePlaceholder': 'One note per line …',
  'import.format': 'Format',
  'import.format.text': 'Text (one note per line)',
  'import.format.csv': 'CSV',
  'import.format.md': 'Markdown (Pinnwand export)',
  'import.format.structured': 'Results JSON',
  'import.format.json': 'Pinnwand backup (JSON)',
  'import.target': 'Target',
  'import.target.board': 'Board “{board}”',
  'import.target.workshop': 'As boards (fill boards of the same title)',
  'import.preview': 'Preview',
  'import.preview.notes': '{count} notes',
  'import.preview.board': '{board}: {count} notes',
  'import.preview.clusters': 'Groups: {clusters}',
  'import.preview.noClusters': 'no groups',
  'import.preview.empty': 'Nothing to import yet.',
  'import.commit': 'Import {count} notes',
  'import.cancel': 'Cancel',
  'import.done': '{count} notes imported.',
  'import.error': 'Error: {message}',
};

export type XTranslate = (key: XKey, params?: TranslateParams) => string;

export function useXT(): XTranslate {
  const { lang } = useI18n();
  return (key, params) => format((lang === 'en' ? xen : xde)[key] ?? xde[key], params);
}
