// The workshop administration's strings (invitations recovered on another
// device, deleting a workshop): an i18n namespace (i18n/messages.ts), German
// first (the default) and English.
import { defineNamespace, type Namespace } from '../i18n/messages.ts';

export const ade = {
  'admin.invites.loading': 'Die Einladungslinks werden geladen …',
  'admin.invites.error':
    'Die Einladungslinks konnten nicht geladen werden. Bitte später erneut versuchen.',
  'admin.delete.heading': 'Workshop löschen',
  'admin.delete.intro':
    'Löscht den Workshop mit allen Tafeln, Notizen und Zusammenfassungen endgültig vom Server. Alle Links werden ungültig.',
  'admin.delete.open': 'Workshop löschen …',
  'admin.delete.title': '„{title}“ endgültig löschen?',
  'admin.delete.warning':
    'Das kann nicht rückgängig gemacht werden. Alle Verbundenen werden getrennt. Laden Sie vorher bei Bedarf die Dokumentation herunter.',
  'admin.delete.typeTitle': 'Zur Bestätigung den Titel des Workshops eingeben: {title}',
  'admin.delete.confirm': 'Endgültig löschen',
  'admin.delete.cancel': 'Abbrechen',
  'admin.delete.busy': 'Wird gelöscht …',
  'admin.delete.failed': 'Der Workshop konnte nicht gelöscht werden: {reason}',
} as const;

export type AdminMessageKey = keyof typeof ade;

export const aen: Record<AdminMessageKey, string> = {
  'admin.invites.loading': 'Loading the invitation links …',
  'admin.invites.error': 'The invitation links could not be loaded. Please try again later.',
  'admin.delete.heading': 'Delete workshop',
  'admin.delete.intro':
    'Deletes the workshop with all boards, notes and summaries from the server for good. All links stop working.',
  'admin.delete.open': 'Delete workshop …',
  'admin.delete.title': 'Delete “{title}” for good?',
  'admin.delete.warning':
    'This cannot be undone. Everyone connected is disconnected. Download the documentation first if you need it.',
  'admin.delete.typeTitle': 'To confirm, type the workshop title: {title}',
  'admin.delete.confirm': 'Delete for good',
  'admin.delete.cancel': 'Cancel',
  'admin.delete.busy': 'Deleting …',
  'admin.delete.failed': 'The workshop could not be deleted: {reason}',
};

export const adminMessages: Namespace<AdminMessageKey> = defineNamespace('admin', ade, aen);
