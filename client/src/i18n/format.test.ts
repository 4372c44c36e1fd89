import { describe, expect, it } from 'vitest';
import { format, translate } from './messages.ts';

describe('format', () => {
  it('fills placeholders', () => {
    expect(format('Tafel „{title}“', { title: 'A' })).toBe('Tafel „A“');
  });

  it('picks the singular for exactly one and the plural otherwise', () => {
    const t = '{count, plural, one {# Notiz passt} other {# Notizen passen}} nicht';
    expect(format(t, { count: 1 })).toBe('1 Notiz passt nicht');
    expect(format(t, { count: 0 })).toBe('0 Notizen passen nicht');
    expect(format(t, { count: 3 })).toBe('3 Notizen passen nicht');
  });

  it('counts in the outline read right in both languages', () => {
    expect(translate('de', 'outline.count', { count: 1 })).toBe('1 Notiz');
    expect(translate('de', 'outline.count', { count: 2 })).toBe('2 Notizen');
    expect(translate('en', 'outline.count', { count: 1 })).toBe('1 note');
    expect(translate('en', 'presence.count', { count: 1 })).toBe('1 here');
  });
});
