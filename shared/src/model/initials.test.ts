import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinctInitials, initials } from './initials.ts';

const label = (people: { id: string; name: string }[]) => {
  const labels = distinctInitials(people);
  return people.map((p) => labels.get(p.id));
};

describe('initials', () => {
  it('takes initials from letters only', () => {
    expect(initials('Petra (Moderation)')).toBe('PE');
    expect(initials('Jana Schäfer')).toBe('JS');
    expect(initials('Özlem')).toBe('ÖZ');
    expect(initials('Anna-Lena Berg (Moderation)')).toBe('AB');
    expect(initials('— 42 —')).toBe('?');
  });
});

describe('initials unique within the workshop', () => {
  it('keeps plain initials where nobody shares them', () => {
    expect(
      label([
        { id: 'p1', name: 'Fritz Müller' },
        { id: 'p2', name: 'Anna Schmidt' },
      ]),
    ).toEqual(['FM', 'AS']);
  });

  it('adds the next letter of the last name when initials clash', () => {
    expect(
      label([
        { id: 'p1', name: 'Fritz Müller' },
        { id: 'p2', name: 'Frieda Meier' },
        { id: 'p3', name: 'Jana Schäfer' },
      ]),
    ).toEqual(['FMü', 'FMe', 'JS']);
  });

  it('takes as many letters as it needs, each person as few as possible', () => {
    expect(
      label([
        { id: 'a', name: 'Fritz Müller' },
        { id: 'b', name: 'Franz Mühlberg' },
        { id: 'c', name: 'Frieda Meier' },
      ]),
    ).toEqual(['FMül', 'FMüh', 'FMe']);
  });

  it('numbers people the letters cannot tell apart, in the order of their ids', () => {
    expect(
      label([
        { id: 'z', name: 'Anna Schmidt' },
        { id: 'a', name: 'Anna Schmidt' },
        // Tells apart only at the sixth letter: more than is worth showing.
        { id: 'm', name: 'Anna Schmitz' },
      ]),
    ).toEqual(['AS3', 'AS1', 'AS2']);
  });

  it('extends single names after their first two letters', () => {
    expect(
      label([
        { id: '1', name: 'Anna' },
        { id: '2', name: 'Andreas' },
      ]),
    ).toEqual(['ANn', 'ANd']);
  });

  it('a name that runs out of letters is numbered, not given another’s label', () => {
    expect(
      label([
        { id: '1', name: 'Fritz Mü' },
        { id: '2', name: 'Fritz Müller' },
        { id: '3', name: 'Franz Müh' },
      ]),
    ).toEqual(['FM1', 'FMül', 'FMüh']);
  });

  it('counts a person listed twice (two tabs) once', () => {
    expect(
      label([
        { id: 'p1', name: 'Fritz Müller' },
        { id: 'p1', name: 'Fritz Müller' },
      ]),
    ).toEqual(['FM', 'FM']);
  });

  it('gives every person a unique label, the same whatever order the people come in', () => {
    const person = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      name: fc.constantFrom(
        'Fritz Müller',
        'Frieda Meier',
        'Franz Mühlberg',
        'Anna Schmidt',
        'Anna',
        'Andreas',
        'F M',
        'Fritz Mü',
        '—',
      ),
    });
    fc.assert(
      fc.property(fc.uniqueArray(person, { selector: (p) => p.id, maxLength: 12 }), (people) => {
        const labels = distinctInitials(people);
        const values = people.map((p) => labels.get(p.id));
        expect(new Set(values).size).toBe(people.length);
        const reversed = distinctInitials([...people].reverse());
        for (const p of people) expect(reversed.get(p.id)).toBe(labels.get(p.id));
      }),
    );
  });
});
