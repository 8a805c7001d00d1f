// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions write references as ${name}
import { describe, expect, it } from 'vitest';
import type { Questionnaire } from './model.ts';
import { mappingQuestionnaire } from './test-fixtures.ts';
import { validateResponse } from './validate-response.ts';

const today = '2026-03-01';
const codeLists = {
  country: ['FR', 'DE', 'NL'],
  competency: ['C1', 'C2'],
  language: ['en', 'fr'],
  arusha_factor: ['leadership_commitment', 'regulatory_framework', 'transparency'],
};

function complete(): Record<string, unknown> {
  return {
    country: 'FR',
    staff: 16000,
    budget: 2.5,
    has_strategy: true,
    strategy_date: '2024-05-01',
    office_opens: '08:30',
    last_audit: '2025-11-02T10:00:00Z',
    tools: ['xray', 'other'],
    tools_other: 'Drones',
    zone: 'sea',
    region: 'harbour',
    overall: 3,
    confidence: 6,
    contact: 'desk@douane.example',
    mission: { en: 'Protect', fr: 'Protéger' },
    organigram: { fileId: 'f-1', name: 'org.pdf' },
    hq_location: { lat: 48.85, lon: 2.35 },
    integrity: {
      leadership: { maturity: 4, evidence: 'Code of conduct', planned: true },
      regulatory: { maturity: 2 },
      transparency: { maturity: 3, planned: false },
    },
    competencies: {
      C1: { level_needed: 4, officers: 12, priority: 'high', language: ['en', 'fr'], mode: 'classroom' },
    },
    initiatives: [
      {
        initiative_title: 'Rotation',
        initiative_factor: 'leadership_commitment',
        initiative_budget: 120,
        initiative_end: '2026-12-31',
      },
    ],
  };
}

const run = (answers: Record<string, unknown>, language?: string) =>
  validateResponse(mappingQuestionnaire(), answers, { today, codeLists, ...(language ? { language } : {}) });
const kinds = (r: ReturnType<typeof run>) => r.problems.map((p) => `${p.code}:${p.kind}`);

describe('validateResponse', () => {
  it('accepts a complete response and returns the computed values', () => {
    const r = run(complete());
    expect(r.problems).toEqual([]);
    expect(r.valid).toBe(true);
    expect(r.calculated).toEqual({ budget_per_staff: 156.25 });
    expect(r.answers.budget_per_staff).toBe(156.25);
    expect(r.answers.tools_other).toBe('Drones');
    expect(r.answers.integrity).toEqual(complete().integrity);
  });

  it('requires answers only when relevant, and reports and clears answers that do not apply', () => {
    const a = complete();
    delete a.staff;
    delete a.strategy_date;
    expect(kinds(run(a))).toEqual(['staff:required', 'strategy_date:required']);
    const b = { ...complete(), has_strategy: false };
    const r = run(b);
    expect(kinds(r)).toEqual(['strategy_date:not_relevant', 'integrity:not_relevant']);
    expect(r.answers).not.toHaveProperty('strategy_date');
    expect(r.answers).not.toHaveProperty('integrity');
    // a value that does not apply is '' in expressions: initiative_end's constraint then compares with ''
    const q = mappingQuestionnaire();
    const c: Record<string, unknown> = { ...complete(), has_strategy: false };
    delete c.strategy_date;
    delete c.integrity;
    const strict = JSON.parse(JSON.stringify(q).replace("${strategy_date} = '' or ", '')) as typeof q;
    const s = validateResponse(strict, c, { today, codeLists });
    expect(kinds(s)).toEqual(['initiatives[0].initiative_end:constraint']);
  });

  it("gives the form's constraint and required messages in the requested language, else a clear default", () => {
    const r = run({ ...complete(), staff: -5, budget: 0 }, 'fr');
    expect(r.problems).toEqual([
      { code: 'staff', kind: 'constraint', message: 'Entre 0 et 200 000' },
      { code: 'budget', kind: 'constraint', message: "Cette réponse n'est pas acceptée (règle : . > 0)." },
    ]);
    const a = complete();
    delete a.staff;
    expect(run(a, 'de').problems[0]!.message).toBe('Personalzahl angeben');
    expect(run({ ...complete(), budget: 0 }).problems[0]!.message).toBe(
      'This answer is not accepted (rule: . > 0).',
    );
  });

  it('checks the type of every answer', () => {
    const r = run({
      ...complete(),
      staff: 1.5,
      budget: '2',
      has_strategy: 'yes',
      office_opens: '25:00',
      last_audit: '2025-13-01T10:00',
      overall: 6,
      confidence: 5,
      mission: { en: 3 },
      organigram: { name: 'x.pdf' },
      hq_location: { lat: 95, lon: 0 },
      tools: ['xray', 'xray'],
      contact: 42,
    });
    expect(kinds(r)).toEqual([
      'staff:type',
      'budget:type',
      'has_strategy:type',
      // has_strategy has no valid answer now, so the strategy questions do not apply
      'strategy_date:not_relevant',
      'office_opens:type',
      'last_audit:type',
      'tools:type',
      'tools_other:not_relevant',
      'overall:type',
      'confidence:type',
      'contact:type',
      'mission:type',
      'organigram:type',
      'hq_location:type',
      'integrity:not_relevant',
    ]);
    expect(r.problems.find((p) => p.code === 'confidence')!.message).toBe(
      'Expected a level of the scale (0, 2, 4, 6, 8, 10).',
    );
    expect(run({ ...complete(), strategy_date: '2025-02-30' }).problems[0]).toMatchObject({
      code: 'strategy_date',
      kind: 'type',
    });
  });

  it('checks choices: own lists, platform code lists, other-specify text and choice_filter', () => {
    expect(kinds(run({ ...complete(), country: 'XX' }))).toEqual(['country:choice']);
    expect(kinds(run({ ...complete(), tools: ['xray', 'sonar'] }))).toEqual([
      'tools:choice',
      'tools_other:not_relevant',
    ]);
    const a = complete();
    delete a.tools_other;
    expect(kinds(run(a))).toEqual(['tools_other:other_text']);
    expect(kinds(run({ ...complete(), zone: 'land' }))).toEqual(['region:choice_filter']);
    expect(kinds(run({ ...complete(), tools: ['xray', 'lab', 'dogs'], tools_other: undefined }))).toEqual([
      'tools:constraint',
    ]);
  });

  it('checks repeat groups: counts, entries, references to the top level', () => {
    const entry = { initiative_title: 'X', initiative_end: '2026-01-01' };
    const r = run({
      ...complete(),
      initiatives: [
        entry,
        { initiative_budget: -1 },
        entry,
        entry,
        entry,
        { ...entry, initiative_end: '2020-01-01' },
      ],
    });
    expect(kinds(r)).toEqual([
      'initiatives:repeat_max',
      'initiatives[1].initiative_title:required',
      'initiatives[1].initiative_budget:constraint',
      'initiatives[5].initiative_end:constraint',
    ]);
    expect(r.problems.at(-1)!.message).toBe('After the strategy');
    expect(kinds(run({ ...complete(), initiatives: {} }))).toEqual(['initiatives:type']);
  });

  it('checks matrix cells by column type, every row of an own list, and unknown rows', () => {
    const r = run({
      ...complete(),
      integrity: { leadership: { maturity: 7 }, regulatory: {}, bogus: { maturity: 1 } },
      competencies: { C1: { officers: -1, priority: 'urgent', language: ['xx'] }, C9: { officers: 1 } },
    });
    expect(kinds(r)).toEqual([
      'integrity.bogus:row',
      'integrity.leadership.maturity:type',
      'integrity.regulatory.maturity:required',
      'integrity.transparency.maturity:required',
      'competencies.C9:row',
      'competencies.C1.officers:constraint',
      'competencies.C1.priority:choice',
      'competencies.C1.language:choice',
    ]);
  });

  it('reports answers to unknown questions and computes repeat_count', () => {
    const q: Questionnaire = {
      format: 'eucab-questionnaire',
      id: 'r',
      title: '',
      version: '1',
      languages: [],
      choiceLists: {},
      items: [
        { type: 'integer', code: 'n', label: {} },
        {
          type: 'repeat',
          code: 'sites',
          label: {},
          repeatCount: '${n}',
          items: [{ type: 'text', code: 's', label: {} }],
        },
      ],
      leftOut: [],
    };
    const r = validateResponse(q, { n: 2, sites: [{ s: 'a', x: 1 }], extra: true }, { today });
    expect(r.problems).toEqual([
      { code: 'sites', kind: 'repeat_count', message: 'Exactly 2 entries are expected, not 1.' },
      { code: 'sites[0].x', kind: 'unknown', message: 'There is no question "x" here.' },
      { code: 'extra', kind: 'unknown', message: 'There is no question "extra" here.' },
    ]);
    expect(r.answers).toEqual({ n: 2, sites: [{ s: 'a' }] });
  });
});
