import { describe, expect, it } from 'vitest';
import { mappingQuestionnaire } from '../test-fixtures.ts';
import { crosstab, ResultError } from './crosstab.ts';
import type { Response } from './observations.ts';
import { pivotByCode } from './pivot.ts';
import { summarize } from './summaries.ts';

const q = mappingQuestionnaire();
const resp = (respondent: string, answers: Record<string, unknown>): Response => ({ respondent, answers });
const responses: Response[] = [
  resp('FR', {
    staff: 16000,
    has_strategy: true,
    overall: 3,
    tools: ['xray', 'dogs'],
    contact: 'a@fr',
    organigram: { fileId: 'f1', name: 'o.pdf' },
    integrity: { leadership: { maturity: 4 }, transparency: { maturity: 2 } },
    competencies: { C1: { officers: 10 }, C2: { officers: 4 } },
    initiatives: [
      { initiative_title: 'A', initiative_factor: 'leadership_commitment', initiative_budget: 100 },
      { initiative_title: 'B', initiative_factor: 'transparency', initiative_budget: 50 },
    ],
  }),
  resp('DE', {
    staff: 39000,
    has_strategy: true,
    overall: 4,
    tools: ['xray'],
    integrity: { leadership: { maturity: 3 } },
    competencies: { C1: { officers: 20 } },
    initiatives: [
      { initiative_title: 'C', initiative_factor: 'leadership_commitment', initiative_budget: 30 },
    ],
  }),
  resp('NL', {
    staff: 5000,
    has_strategy: false,
    overall: 3,
    tools: ['dogs', 'lab'],
    competencies: { C1: { officers: 6 } },
  }),
  resp('BE', {
    staff: 3500,
    has_strategy: true,
    overall: 3,
    tools: ['xray'],
    integrity: { leadership: { maturity: 5 } },
  }),
];

describe('results', () => {
  it('summarises choices (multiple choice counts respondents), numbers and text', () => {
    expect(summarize(q, responses, 'has_strategy')).toEqual({
      kind: 'choice',
      code: 'has_strategy',
      n: 4,
      multiple: false,
      categories: [
        { value: 'yes', count: 3, percent: 75 },
        { value: 'no', count: 1, percent: 25 },
      ],
    });
    const tools = summarize(q, responses, 'tools');
    expect(tools).toMatchObject({ multiple: true, n: 4 });
    if (tools.kind !== 'choice') throw new Error('kind');
    expect(tools.categories.map((c) => [c.value, c.count, c.percent])).toEqual([
      ['xray', 3, 75],
      ['dogs', 2, 50],
      ['lab', 1, 25],
    ]);
    expect(summarize(q, responses, 'staff')).toEqual({
      kind: 'number',
      code: 'staff',
      n: 4,
      count: 4,
      mean: 15875,
      median: 10500,
      q1: 4625,
      q3: 21750,
      min: 3500,
      max: 39000,
    });
    expect(summarize(q, responses, 'contact')).toEqual({
      kind: 'text',
      code: 'contact',
      n: 1,
      values: ['a@fr'],
    });
    // a question in a repeat group: every entry counts as a value, n counts respondents
    expect(summarize(q, responses, 'initiative_budget')).toMatchObject({ n: 2, count: 3, mean: 60 });
    // a matrix column: a number per row
    expect(summarize(q, responses, 'maturity')).toMatchObject({ kind: 'choice', n: 3, multiple: true });
  });

  it('in aggregate-only mode hides small cells, min and max, text and files', () => {
    const s = summarize(q, responses, 'has_strategy', { aggregateOnly: true });
    // "no" rests on 1 administration; "yes" would give it by subtraction from n, so both go
    expect(s).toMatchObject({
      n: 4,
      categories: [
        { value: 'yes', count: null },
        { value: 'no', count: null },
      ],
    });
    const staff = summarize(q, responses, 'staff', { aggregateOnly: true });
    expect(staff).toMatchObject({ n: 4, mean: 15875 });
    expect(staff).not.toHaveProperty('min');
    expect(staff).not.toHaveProperty('max');
    expect(summarize(q, responses, 'contact', { aggregateOnly: true })).toEqual({
      kind: 'text',
      code: 'contact',
      n: null,
      withheld: true,
    });
    expect(summarize(q, responses, 'organigram', { aggregateOnly: true })).toMatchObject({ withheld: true });
    expect(summarize(q, responses.slice(0, 2), 'staff', { aggregateOnly: true })).toMatchObject({
      n: null,
      mean: null,
    });
  });

  it('cross-tabulates two choice questions with totals, and protects it', () => {
    const t = crosstab(q, responses, 'has_strategy', 'overall');
    expect(t.rows).toEqual(['yes', 'no']);
    expect(t.cols).toEqual(['1', '2', '3', '4', '5']);
    expect(t.cells).toEqual([
      [0, 0, 2, 1, 0],
      [0, 0, 1, 0, 0],
    ]);
    expect(t.rowTotals).toEqual([3, 1]);
    expect(t.colTotals).toEqual([0, 0, 3, 1, 0]);
    expect(t.total).toBe(4);
    const p = crosstab(q, responses, 'has_strategy', 'overall', { aggregateOnly: true });
    expect(p.cells.flat().every((c) => c === null)).toBe(true);
    expect(p.total).toBe(4);
    expect(() => crosstab(q, responses, 'tools', 'overall')).toThrow(ResultError);
  });

  it('pivots by platform code across matrices, repeat groups and bound questions', () => {
    expect(pivotByCode(q, responses, { list: 'arusha_factor' })).toEqual([
      // integrity rows bound to leadership_commitment / transparency (leadership, transparency) + initiatives' factor
      { code: 'leadership_commitment', respondents: 3, observations: 5, sum: null, mean: null },
      { code: 'transparency', respondents: 1, observations: 2, sum: null, mean: null },
    ]);
    expect(pivotByCode(q, responses, { list: 'arusha_factor', measure: 'initiative_budget' })).toEqual([
      { code: 'leadership_commitment', respondents: 2, observations: 2, sum: 130, mean: 65 },
      { code: 'transparency', respondents: 1, observations: 1, sum: 50, mean: 50 },
    ]);
    expect(pivotByCode(q, responses, { list: 'competency', measure: 'officers' })).toEqual([
      { code: 'C1', respondents: 3, observations: 3, sum: 36, mean: 12 },
      { code: 'C2', respondents: 1, observations: 1, sum: 4, mean: 4 },
    ]);
    expect(
      pivotByCode(q, responses, { list: 'competency', measure: 'officers', aggregateOnly: true }),
    ).toEqual([
      { code: 'C1', respondents: 3, observations: 3, sum: 36, mean: 12 },
      { code: 'C2', respondents: null, observations: null, sum: null, mean: null },
    ]);
    expect(pivotByCode(q, responses, { list: 'indicator' })).toEqual([
      { code: 'STAFF', respondents: 4, observations: 4, sum: 63500, mean: 15875 },
    ]);
  });
});
