import { describe, expect, it } from 'vitest';
import { bindingProblems, codeListUses } from './code-list-bindings.ts';
import { ARUSHA_CODES, capacityForm } from './mapping-test-helpers.ts';

describe('code list bindings', () => {
  it('finds every list a questionnaire names: choices, matrix rows, bindings of items and choices', () => {
    const q = capacityForm();
    q.items.push(
      {
        type: 'select_one',
        code: 'competency',
        label: { en: 'Competency' },
        choices: { codeList: 'competency' },
        binding: { list: 'arusha_factor', code: 'automation' },
      },
      {
        type: 'matrix',
        code: 'per_unit',
        label: { en: 'Per unit' },
        rows: { codeList: 'unit' },
        columns: [{ type: 'integer', code: 'n', label: { en: 'n' } }],
      },
    );
    const uses = codeListUses(q);
    expect([...uses.keys()].sort()).toEqual(['arusha_factor', 'competency', 'unit']);
    expect([...uses.get('arusha_factor')!.codes].sort()).toEqual([...ARUSHA_CODES, 'automation'].sort());
    expect([...uses.get('arusha_factor')!.items].sort()).toEqual([
      'competency',
      'factors/f1',
      'factors/f2',
      'factors/f3',
    ]);
    expect(uses.get('unit')!.items).toEqual(new Set(['per_unit']));
  });

  it('names a list that does not exist and codes a list lacks; nothing when all exist', () => {
    const q = capacityForm();
    const known = new Map([['arusha_factor', new Set(ARUSHA_CODES)]]);
    expect(bindingProblems(q, known)).toEqual([]);
    const problems = bindingProblems(q, new Map([['arusha_factor', new Set(ARUSHA_CODES.slice(1))]]));
    expect(problems).toEqual([
      expect.objectContaining({ list: 'arusha_factor', missingCodes: ['leadership_commitment'] }),
    ]);
    expect(problems[0]!.reason).toBe(
      'The code list "arusha_factor" has no code "leadership_commitment" (bound by factors/f1, factors/f2, factors/f3): bind to codes of the list.',
    );
    expect(bindingProblems(q, new Map())).toEqual([
      expect.objectContaining({
        list: 'arusha_factor',
        missingCodes: [],
        items: ['factors/f1', 'factors/f2', 'factors/f3'],
      }),
    ]);
  });
});
