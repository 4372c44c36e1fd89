import { describe, expect, it } from 'vitest';
import { pickLang } from './I18nProvider.tsx';

describe('pickLang', () => {
  it('gives a German browser German', () => {
    expect(pickLang(null, ['de-DE', 'en'])).toBe('de');
    expect(pickLang(null, ['de-AT'])).toBe('de');
    expect(pickLang(null, ['de'])).toBe('de');
  });

  it('gives any other browser English', () => {
    expect(pickLang(null, ['en-GB', 'en'])).toBe('en');
    expect(pickLang(null, ['fr-FR', 'de-DE'])).toBe('en');
  });

  it('keeps German when the browser says nothing', () => {
    expect(pickLang(null, [])).toBe('de');
  });

  it('lets the remembered choice win', () => {
    expect(pickLang('de', ['en-GB'])).toBe('de');
    expect(pickLang('en', ['de-DE'])).toBe('en');
    expect(pickLang('xx', ['de-DE'])).toBe('de');
  });
});
