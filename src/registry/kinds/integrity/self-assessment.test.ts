import { describe, expect, it } from 'vitest';
import { checkKeeps, compareVersions } from '../../../engines/questionnaire/versions.ts';
import { readXlsForm, writeXlsForm } from '../../../engines/questionnaire/xlsform/index.ts';
import { arushaFactor } from './integrity-initiative.codes.ts';
import { selfAssessment2025, selfAssessment2026 } from './self-assessment.questionnaire.ts';

describe('the integrity self-assessment questionnaire', () => {
  it('reads back from its XLSForm file unchanged (the file the coordinator imports)', async () => {
    for (const q of [selfAssessment2025, selfAssessment2026]) {
      const read = await readXlsForm(Buffer.from(await writeXlsForm(q)), { withoutBlocked: false, id: q.id });
      expect(read.blocking).toEqual([]);
      expect(read.questionnaire).toEqual(q);
    }
  });

  it('2026 keeps every code of 2025, so the trend compares them', () => {
    expect(checkKeeps(selfAssessment2025, selfAssessment2026)).toEqual([]);
    const cmp = compareVersions(selfAssessment2025, selfAssessment2026);
    expect(cmp.kept).toEqual(expect.arrayContaining(['arusha_factors', 'maturity']));
    expect(cmp.added).toEqual(['integrity_strategy']);
    expect(cmp.removed).toEqual([]);
  });

  it('labels the five maturity levels in English, French and German; the rows are the ten key factors', () => {
    const levels = selfAssessment2025.choiceLists.maturity_levels!;
    expect(levels.map((l) => l.name)).toEqual(['1', '2', '3', '4', '5']);
    for (const l of levels) expect(Object.keys(l.label).sort()).toEqual(['de', 'en', 'fr']);
    const matrix = selfAssessment2025.items[0]!;
    expect(matrix.type === 'matrix' && matrix.rows).toEqual({ codeList: arushaFactor.name });
  });
});
