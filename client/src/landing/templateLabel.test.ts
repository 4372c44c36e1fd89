import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/messages.ts';
import { templateLabel } from './LandingPage.tsx';

describe('template names in the select', () => {
  it('show the short name; the parenthesis becomes a hint below', () => {
    expect(templateLabel(translate('de', 'template.ozg-erfahrungsaustausch'))).toEqual({
      name: 'Erfahrungsaustausch',
      detail: 'Bewährtes, Aufgaben, Neues',
    });
    expect(templateLabel('Retrospektive')).toEqual({ name: 'Retrospektive', detail: '' });
  });

  it('are short enough for a phone-wide select in both languages', () => {
    for (const lang of ['de', 'en'] as const)
      for (const id of ['ozg-erfahrungsaustausch', 'retro', 'blank'] as const)
        expect(templateLabel(translate(lang, `template.${id}`)).name.length).toBeLessThanOrEqual(
          28,
        );
  });
});
