import { describe, expect, it } from 'vitest';
import { frameFromRows } from './frame.ts';
import type { Mapping } from './mapping.ts';
import { backtestRules, evaluateRules, type RuleSet, validateRules } from './rules.ts';

// Two administrations with different column names: the same rules run on both through roles.
const mapA: Mapping = {
  format: 'eucab-risk-mapping',
  version: 1,
  columns: {
    id: 'id',
    date: 'date',
    hs: 'hs',
    origin: 'origin',
    importer: 'importer',
    value: 'value',
    mass: 'mass',
    fraud: 'label',
    duty: 'revenue',
  },
};
const headerA = ['id', 'date', 'hs', 'origin', 'importer', 'value', 'mass', 'fraud', 'duty'];
const rowsA = [
  ['1', '2021-01-01', '870323', 'CN', 'IMP1', '100', '100', '1', '50'], // 1 €/kg, cheap car parts
  ['2', '2021-01-02', '870323', 'DE', 'IMP2', '10000', '100', '0', '0'], // 100 €/kg
  ['3', '2021-06-01', '930100', 'RU', 'IMP3', '500', '10', '1', '20'], // weapons from RU
  ['4', '2021-01-03', '610910', 'CN', 'IMP1', '30', '10', '0', '0'], // shirts
  ['5', '2021-01-04', '610910', 'BD', 'IMP4', '5', '10', '1', '30'], // 0.5 €/kg shirts
];
const mapB: Mapping = {
  format: 'eucab-risk-mapping',
  version: 1,
  columns: {
    DeclNo: 'id',
    Datum: 'date',
    TARIC: 'hs',
    Ursprung: 'origin',
    Einfuehrer: 'importer',
    Wert: 'value',
    Masse: 'mass',
    Betrug: 'label',
    Abgabe: 'revenue',
  },
};
const headerB = ['DeclNo', 'Datum', 'TARIC', 'Ursprung', 'Einfuehrer', 'Wert', 'Masse', 'Betrug', 'Abgabe'];

const rules: RuleSet = {
  rules: [
    {
      id: 'cn-origin',
      family: 'financial',
      weight: 0.5,
      rationale: 'origin CN',
      conditions: [{ op: 'equals', role: 'origin', value: 'CN' }],
    },
    {
      id: 'weapons',
      family: 'prohibitions_restrictions',
      weight: 2,
      rationale: 'arms',
      mandatory: true,
      conditions: [{ op: 'hsPrefix', prefixes: ['93'] }],
    },
    {
      id: 'sanctioned-origin',
      family: 'sanctions',
      weight: 1,
      rationale: 'sanctions',
      validFrom: '2021-03-01',
      conditions: [{ op: 'in', role: 'origin', values: ['RU', 'BY'] }],
    },
    {
      id: 'high-value',
      family: 'financial',
      weight: 0.3,
      rationale: 'value range',
      conditions: [{ op: 'range', role: 'value', min: 400, max: 20000 }],
    },
    {
      id: 'undervalued',
      family: 'financial',
      weight: 1,
      rationale: 'value per kg below half the reference for the HS heading',
      conditions: [{ op: 'ratio', numerator: 'value', denominator: 'mass', table: 'ref-eur-kg', below: 0.5 }],
    },
    {
      id: 'watchlist',
      family: 'security_safety',
      weight: 1.5,
      rationale: 'party list',
      validTo: '2021-01-02',
      conditions: [{ op: 'inList', role: 'importer', list: 'watch' }],
    },
    {
      id: 'cn-shirts',
      family: 'financial',
      weight: 0.1,
      rationale: 'all conditions must hold',
      conditions: [
        { op: 'hsPrefix', prefixes: ['6109'] },
        { op: 'equals', role: 'origin', value: 'CN' },
      ],
    },
  ],
  referenceTables: [{ id: 'ref-eur-kg', entries: { '8703': 20, '61': 2, '610910': 4 } }],
  partyLists: [{ id: 'watch', entries: ['IMP1', 'IMP9'] }],
};

const hitsOf = (hits: Uint8Array[]) =>
  Object.fromEntries(rules.rules.map((r, k) => [r.id, Array.from(hits[k]!)]));

describe('rules', () => {
  it('evaluates each condition kind, validity dates and AND of conditions', () => {
    const f = frameFromRows(mapA, headerA, rowsA);
    expect(hitsOf(evaluateRules(rules, f))).toEqual({
      'cn-origin': [1, 0, 0, 1, 0],
      weapons: [0, 0, 1, 0, 0],
      'sanctioned-origin': [0, 0, 1, 0, 0],
      'high-value': [0, 1, 1, 0, 0],
      // 1 €/kg < 0.5×20 (8703); 100 €/kg no; 930100 no reference; 3 €/kg vs 610910 → 4 (longest prefix): no; 0.5 < 2 yes
      undervalued: [1, 0, 0, 0, 1],
      watchlist: [1, 0, 0, 0, 0],
      'cn-shirts': [0, 0, 0, 1, 0],
    });
  });

  it('runs unchanged on another schema mapped to the same roles', () => {
    const a = frameFromRows(mapA, headerA, rowsA);
    const b = frameFromRows(mapB, headerB, rowsA);
    expect(hitsOf(evaluateRules(rules, b))).toEqual(hitsOf(evaluateRules(rules, a)));
  });

  it('backtests hits, precision, recall and revenue by hand', () => {
    const f = frameFromRows(mapA, headerA, rowsA);
    const bt = backtestRules(rules, f);
    const cn = bt.find((r) => r.id === 'cn-origin')!;
    // hits rows 1 and 4; frauds among them: row 1 → precision 1/2; 3 frauds in total → recall 1/3; revenue 50 of 100
    expect(cn).toMatchObject({ hits: 2, frauds: 1, precision: 0.5, revenue: 50, revenueShare: 0.5 });
    expect(cn.recall).toBeCloseTo(1 / 3, 12);
    const und = bt.find((r) => r.id === 'undervalued')!;
    expect(und).toMatchObject({ hits: 2, frauds: 2, precision: 1, revenue: 80 });
    expect(bt.find((r) => r.id === 'weapons')!.mandatory).toBe(true);
  });

  it('reads the former family name safety_security as security_safety', () => {
    const rs = validateRules({
      rules: [
        {
          id: 'old',
          family: 'safety_security',
          weight: 1,
          rationale: 'r',
          conditions: [{ op: 'hsPrefix', prefixes: ['93'] }],
        },
      ],
    });
    expect(rs.rules[0]!.family).toBe('security_safety');
  });

  it('rejects malformed rules with every reason', () => {
    expect(() =>
      validateRules({
        rules: [
          { id: 'x', family: 'tax', weight: 'high', rationale: '', conditions: [] },
          {
            id: 'x',
            family: 'financial',
            weight: 1,
            rationale: 'r',
            validFrom: '2021-13-01',
            conditions: [{ op: 'ratio', numerator: 'value', denominator: 'origin', table: 'none' }],
          },
          {
            id: 'y',
            family: 'financial',
            weight: 1,
            rationale: 'r',
            conditions: [{ op: 'like', role: 'hs' }],
          },
        ],
      }),
    ).toThrow(
      /family must be one of[\s\S]*weight must be a number[\s\S]*rationale is required[\s\S]*at least one condition[\s\S]*duplicate id[\s\S]*validFrom[\s\S]*ratio needs numeric roles[\s\S]*unknown reference table[\s\S]*unknown op "like"/,
    );
  });
});
