import { describe, expect, test } from 'vitest';
import { linesToNotes, parsePrivate } from './clipboardCommands.ts';

describe('linesToNotes', () => {
  test('one note per non-empty line, list markers removed', () => {
    expect(linesToNotes('Erste Idee\r\n\n- Zweite Idee\n• Dritte  \n2) Vierte')).toEqual([
      'Erste Idee',
      'Zweite Idee',
      'Dritte',
      'Vierte',
    ]);
  });
  test('keeps umlauts and inner dashes', () => {
    expect(linesToNotes('Über-Prüfung – schnell')).toEqual(['Über-Prüfung – schnell']);
  });
});

describe('parsePrivate', () => {
  test('accepts copied notes and rejects junk', () => {
    expect(parsePrivate('[{"text":"a\\nb","color":"blue"}]')).toEqual([
      { text: 'a\nb', color: 'blue' },
    ]);
    expect(parsePrivate('{"x":1}')).toBeNull();
    expect(parsePrivate('nope')).toBeNull();
  });
});
