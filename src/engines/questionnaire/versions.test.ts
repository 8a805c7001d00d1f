import { describe, expect, it } from 'vitest';
import type { Questionnaire } from './model.ts';
import { mappingQuestionnaire } from './test-fixtures.ts';
import { checkKeeps, compareVersions } from './versions.ts';

describe('versions', () => {
  const before = (): Questionnaire => ({
    ...mappingQuestionnaire(),
    version: '2025.1',
    previous: undefined as never,
  });
  it('lists kept, added, removed and changed-type codes', () => {
    const a = before();
    const b = mappingQuestionnaire();
    const general = b.items[0]!;
    if (general.type !== 'group') throw new Error('fixture');
    general.items = general.items
      .filter((i) => i.code !== 'hq_photo')
      .map((i) => (i.code === 'budget' ? { ...i, type: 'integer' as const } : i));
    general.items.push({ type: 'integer', code: 'ports', label: { en: 'Ports' } });
    const cmp = compareVersions(a, b);
    expect(cmp.added).toEqual(['ports']);
    expect(cmp.removed).toEqual(['hq_photo']);
    expect(cmp.changedType).toEqual([{ code: 'budget', before: 'decimal', after: 'integer' }]);
    expect(cmp.kept).toContain('staff');
    expect(cmp.kept).toContain('integrity');
    expect(checkKeeps(a, b)).toEqual([]);
    b.previous = { version: '2025.1', keeps: ['staff', 'budget', 'hq_photo'] };
    expect(checkKeeps(a, b)).toEqual([
      { code: 'budget', reason: '"budget" changed from decimal to integer' },
      { code: 'hq_photo', reason: '"hq_photo" is no longer in the questionnaire' },
    ]);
  });
});
