// Each language writes a percentage its own way: German with a space
// before the sign ("80 %", DIN 5008), English without one ("80%").
import { describe, expect, it } from 'vitest';
import { adminMessages } from '../admin/messages.ts';
import { exchangeMessages } from '../export/messages.ts';
import { facilitationMessages } from '../facilitation/messages.ts';
import { identityMessages } from '../identities/messages.ts';
import { boardMessages, type Namespace } from './messages.ts';

const namespaces: Namespace<string>[] = [
  boardMessages,
  adminMessages,
  exchangeMessages,
  facilitationMessages,
  identityMessages,
];

function percentages(ns: Namespace<string>, lang: 'de' | 'en'): string[] {
  return Object.values(ns[lang]).filter((text) => text.includes('{percent}'));
}

describe('percent signs', () => {
  it('English has none after a space', () => {
    const english = namespaces.flatMap((ns) => percentages(ns, 'en'));
    expect(english.length).toBeGreaterThan(0);
    for (const text of english) expect(text).not.toMatch(/\{percent\}\s%/);
  });

  it('German keeps the space', () => {
    const german = namespaces.flatMap((ns) => percentages(ns, 'de'));
    expect(german.length).toBeGreaterThan(0);
    for (const text of german) expect(text).toMatch(/\{percent\} %/);
  });
});
