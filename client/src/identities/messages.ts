// The strings of the facilitator's list of participant identities and of what a
// revoked participant is told: an i18n namespace (i18n/messages.ts), German
// first (the default) and English.
import { defineNamespace, type Namespace } from '../i18n/messages.ts';

export const ide = {
  'identities.heading': 'Teilnahme-Zugänge',
  'identities.intro':
    'Jedes Gerät, das über den Teilnahmelink beitritt, erhält einen eigenen Zugang; Stimmen zählen je Zugang. Hat sich jemand einen zweiten Zugang verschafft, um doppelt abzustimmen, widerrufen Sie ihn hier.',
  'identities.count':
    '{count, plural, one {1 Zugang} other {# Zugänge}} ausgegeben (höchstens {limit})',
  'identities.countUnnamed':
    '{count, plural, one {1 Zugang} other {# Zugänge}} ausgegeben, dazu {unnamed, plural, one {1 Gerät} other {# Geräte}} ohne Namen (höchstens {limit} Zugänge)',
  'identities.unnamedHint': 'Kein Name bekannt – etwa ein Gerät, das nur den Link geöffnet hat',
  'identities.loading': 'Die Zugänge werden geladen …',
  'identities.error': 'Die Zugänge konnten nicht geladen werden: {reason}',
  'identities.retry': 'Erneut laden',
  'identities.empty': 'Noch hat niemand einen Zugang erhalten.',
  'identities.noName': 'Ohne Namen',
  'identities.code': 'Kennung {code}',
  'identities.you': '(Sie)',
  'identities.connected': 'verbunden',
  'identities.notConnected': 'nicht verbunden',
  'identities.issued': 'seit {time}',
  'identities.revokedAt': 'widerrufen {time}',
  'identities.activity':
    '{notes, plural, one {1 Notiz} other {# Notizen}} · {votes, plural, one {1 Stimme} other {# Stimmen}}',
  'identities.sameName': 'Gleicher Name wie ein anderer Zugang',
  'identities.revoke': 'Widerrufen …',
  'identities.revokeLabel': 'Zugang von {name} widerrufen …',
  'identities.revokeTitle': 'Zugang von {name} widerrufen?',
  'identities.revokeVotes':
    '{votes, plural, one {Die eine Stimme dieses Zugangs wird} other {Die # Stimmen dieses Zugangs werden}} zurückgenommen.',
  'identities.revokeText':
    'Das Gerät wird getrennt und kann in diesem Workshop nicht mehr schreiben oder abstimmen; es erfährt das mit einer Meldung. Seine Notizen bleiben. Das lässt sich nicht rückgängig machen.',
  'identities.revokeConfirm': 'Zugang widerrufen',
  'identities.revokeCancel': 'Abbrechen',
  'identities.revokeBusy': 'Wird widerrufen …',
  'identities.revokeFailed': 'Der Zugang konnte nicht widerrufen werden: {reason}',
  'identities.revoked': 'Der Zugang von {name} ist widerrufen.',
  'identities.revokedTitle': 'Ihr Zugang wurde widerrufen',
  'identities.revokedText':
    'Die Moderation hat den Zugang dieses Geräts zum Workshop widerrufen. Sie können hier nicht mehr schreiben oder abstimmen; Ihre Stimmen wurden zurückgenommen, Ihre bisherigen Notizen bleiben. Wenn das ein Irrtum war, sprechen Sie die Moderation an.',
} as const;

export type IdentityMessageKey = keyof typeof ide;

export const iden: Record<IdentityMessageKey, string> = {
  'identities.heading': 'Participant access',
  'identities.intro':
    'Every device that joins through the participant link gets its own access; votes count per access. If someone got a second access to vote twice, revoke it here.',
  'identities.count': '{count, plural, one {1 access} other {# accesses}} issued (at most {limit})',
  'identities.countUnnamed':
    '{count, plural, one {1 access} other {# accesses}} issued, and {unnamed, plural, one {1 device} other {# devices}} without a name (at most {limit} accesses)',
  'identities.unnamedHint': 'No name known – likely a device that only opened the link',
  'identities.loading': 'Loading the accesses …',
  'identities.error': 'The accesses could not be loaded: {reason}',
  'identities.retry': 'Load again',
  'identities.empty': 'Nobody has been given access yet.',
  'identities.noName': 'No name',
  'identities.code': 'ID {code}',
  'identities.you': '(you)',
  'identities.connected': 'connected',
  'identities.notConnected': 'not connected',
  'identities.issued': 'since {time}',
  'identities.revokedAt': 'revoked {time}',
  'identities.activity':
    '{notes, plural, one {1 note} other {# notes}} · {votes, plural, one {1 dot} other {# dots}}',
  'identities.sameName': 'Same name as another access',
  'identities.revoke': 'Revoke …',
  'identities.revokeLabel': 'Revoke the access of {name} …',
  'identities.revokeTitle': 'Revoke the access of {name}?',
  'identities.revokeVotes':
    '{votes, plural, one {The one dot of this access is} other {The # dots of this access are}} taken back.',
  'identities.revokeText':
    'The device is disconnected and can no longer write or vote in this workshop; it is told so with a message. Its notes stay. This cannot be undone.',
  'identities.revokeConfirm': 'Revoke access',
  'identities.revokeCancel': 'Cancel',
  'identities.revokeBusy': 'Revoking …',
  'identities.revokeFailed': 'The access could not be revoked: {reason}',
  'identities.revoked': 'The access of {name} is revoked.',
  'identities.revokedTitle': 'Your access was revoked',
  'identities.revokedText':
    'The facilitators revoked this device’s access to the workshop. You can no longer write or vote here; your votes were taken back, your notes stay. If this was a mistake, talk to the facilitators.',
};

export const identityMessages: Namespace<IdentityMessageKey> = defineNamespace(
  'identities',
  ide,
  iden,
);
