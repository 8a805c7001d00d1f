import { describe, expect, it } from 'vitest';
import { readXlsForm, writeXlsForm } from '../../../engines/questionnaire/xlsform/index.ts';
import { competency, euLanguage, proficiencyLevel, trainingMode } from './training.codes.ts';
import { trainingNeeds2027 } from './training-needs.questionnaire.ts';

describe('the training-needs questionnaire', () => {
  it('reads back from its XLSForm file unchanged (the file the coordinator imports)', async () => {
    const q = trainingNeeds2027;
    const read = await readXlsForm(Buffer.from(await writeXlsForm(q)), { withoutBlocked: false, id: q.id });
    expect(read.blocking).toEqual([]);
    expect(read.questionnaire).toEqual(q);
  });

  it('is bound to the platform code lists: competencies as rows, levels, languages and modes as choices', () => {
    const matrix = trainingNeeds2027.items[0]!;
    expect(matrix.type).toBe('matrix');
    if (matrix.type !== 'matrix') return;
    expect(matrix.rows).toEqual({ codeList: competency.name });
    const sources = Object.fromEntries(
      matrix.columns.map((c) => [c.code, 'choices' in c ? c.choices : c.type]),
    );
    expect(sources).toEqual({
      level_needed: { codeList: proficiencyLevel.name },
      officers: 'integer',
      priority: { list: 'priorities' },
      preferred_language: { codeList: euLanguage.name },
      mode: { codeList: trainingMode.name },
    });
    for (const p of trainingNeeds2027.choiceLists.priorities!)
      expect(Object.keys(p.label).sort()).toEqual(['de', 'en', 'fr']);
  });

  it('the competency list has the four CustCompEU groups, the public operational competencies and the four levels', () => {
    const groups = new Set(competency.codes.map((c) => c.meta?.group));
    expect([...groups]).toEqual(['core_values', 'professional', 'operational', 'management']);
    const operational = competency.codes.filter((c) => c.meta?.group === 'operational').map((c) => c.code);
    expect(operational).toEqual(
      expect.arrayContaining([
        'customs_business',
        'tariff_classification',
        'valuation',
        'origin',
        'prohibitions_restrictions',
        'risk_analysis',
        'supply_chain',
      ]),
    );
    expect(proficiencyLevel.codes.map((c) => c.code)).toEqual(['aware', 'trained', 'advanced', 'expert']);
    expect(euLanguage.codes).toHaveLength(24);
    expect(euLanguage.codes.find((c) => c.code === 'de')?.labels).toEqual({
      en: 'German',
      fr: 'Allemand',
      de: 'Deutsch',
    });
  });
});
