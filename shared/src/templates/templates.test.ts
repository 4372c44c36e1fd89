import { describe, expect, it } from 'vitest';
import { LANGS } from '../model/lang.ts';
import { isTemplateId, TEMPLATE_IDS, TEMPLATES, templateIdSchema } from './templates.ts';

describe('templates', () => {
  it('offers the three templates of design.md, validated by the enum', () => {
    expect(TEMPLATE_IDS).toEqual(['ozg-erfahrungsaustausch', 'retro', 'blank']);
    expect(templateIdSchema.parse('retro')).toBe('retro');
    expect(isTemplateId('kanban')).toBe(false);
  });

  it('carries every text in German and English', () => {
    for (const id of TEMPLATE_IDS) {
      const template = TEMPLATES[id];
      expect(template.id).toBe(id);
      expect(template.boards.length).toBeGreaterThan(0);
      for (const lang of LANGS) {
        expect(template.name[lang]).not.toBe('');
        for (const board of template.boards) {
          expect(board.title[lang]).not.toBe('');
          expect(typeof board.question[lang]).toBe('string');
        }
      }
    }
  });

  it('calls a board "Tafel" in German, as the interface does', () => {
    for (const id of TEMPLATE_IDS) {
      const { name, description } = TEMPLATES[id];
      expect(`${name.de} ${description.de}`).not.toMatch(/Board/);
    }
  });

  it('has the retro boards of the issue', () => {
    expect(TEMPLATES.retro.boards.map((b) => b.title.de)).toEqual([
      'Was lief gut?',
      'Was lief nicht gut?',
      'Was ändern wir?',
    ]);
  });
});
