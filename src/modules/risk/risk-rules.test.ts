import { describe, expect, it } from 'vitest';
import { frameFromRows } from '../../engines/risk/frame.ts';
import { evaluateRules } from '../../engines/risk/rules.ts';
import { partyList } from '../../registry/kinds/risk/party-list.kind.ts';
import { referenceTable } from '../../registry/kinds/risk/reference-table.kind.ts';
import { riskRule } from '../../registry/kinds/risk/risk-rule.kind.ts';
import { parseData } from '../../registry/record-validation.ts';
import { convertRules } from './risk-rules.ts';

const rule = {
  rule_id: 'undervalued-cars',
  name: 'Undervalued cars',
  family: 'financial',
  weight: 1.5,
  rationale: 'value per kg below half the reference',
  valid_from: '2021-01-01',
  conditions: [
    { op: 'hsPrefix', prefixes: ['8703'] },
    { op: 'ratio', numerator: 'value', denominator: 'mass', table: 'ref-eur-kg', below: 0.5 },
  ],
};

describe('risk registry kinds', () => {
  it('validate a rule, a reference table and a party list; refuse a bad family and a bad operator', () => {
    expect(parseData(riskRule, rule).ok).toBe(true);
    expect(
      parseData(referenceTable, {
        table_id: 'ref-eur-kg',
        title: 'EUR/kg',
        entries: [{ key: '8703', value: 20 }],
      }).ok,
    ).toBe(true);
    expect(parseData(partyList, { list_id: 'watch', title: 'Watch', entries: [{ party: 'IMP1' }] }).ok).toBe(
      true,
    );
    // The family is a code of the shared risk_family list: the shape is checked here, the code
    // against the stored list when the record is saved (risk-sharing.int.test.ts refuses a former code).
    expect(parseData(riskRule, { ...rule, family: 42 }).ok).toBe(false);
    expect(parseData(riskRule, { ...rule, conditions: [{ op: 'like' }] }).ok).toBe(false);
  });
});

describe('registry records → engine rules', () => {
  const tables = [
    {
      owner: 'DE',
      data: { table_id: 'ref-eur-kg', title: 'shared', entries: [{ key: '8703', value: 1000 }] },
    },
    { owner: 'AT', data: { table_id: 'ref-eur-kg', title: 'own', entries: [{ key: '8703', value: 20 }] } },
  ];
  const lists = [{ owner: 'AT', data: { list_id: 'watch', title: 'W', entries: [{ party: 'IMP1' }] } }];

  it('resolves tables and lists (own organisation first) and evaluates like the engine', () => {
    const r = convertRules(
      'AT',
      [
        { owner: 'AT', data: rule },
        {
          owner: 'DE',
          data: {
            ...rule,
            rule_id: 'watch',
            family: 'sanctions',
            mandatory: true,
            conditions: [{ op: 'inList', role: 'importer', list: 'watch' }],
          },
        },
      ],
      tables,
      lists,
    );
    expect(r.skipped).toEqual([]);
    expect(r.ruleSet!.rules.map((x) => x.id)).toEqual(['AT.undervalued-cars', 'DE.watch']);
    expect(r.ruleSet!.referenceTables).toEqual([{ id: 'AT.ref-eur-kg', entries: { '8703': 20 } }]);
    const mapping = {
      format: 'eucab-risk-mapping' as const,
      version: 1 as const,
      columns: {
        id: 'id' as const,
        date: 'date' as const,
        hs: 'hs' as const,
        value: 'value' as const,
        mass: 'mass' as const,
        imp: 'importer' as const,
      },
    };
    const f = frameFromRows(
      mapping,
      ['id', 'date', 'hs', 'value', 'mass', 'imp'],
      [
        ['a', '2021-02-01', '870321', '50', '10', 'X'], // 5 EUR/kg < 0.5 × 20: hit
        ['b', '2021-02-01', '870321', '500', '10', 'IMP1'], // 50 EUR/kg: no; on the list
        ['c', '2020-02-01', '870321', '50', '10', 'X'], // before valid_from
      ],
    );
    const hits = evaluateRules(r.ruleSet!, f, null);
    expect(Array.from(hits[0]!)).toEqual([1, 0, 0]);
    expect(Array.from(hits[1]!)).toEqual([0, 1, 0]);
  });

  it('skips a rule whose table is not readable, with the reason', () => {
    const r = convertRules('AT', [{ owner: 'AT', data: rule }], [], []);
    expect(r.ruleSet).toBeNull();
    expect(r.skipped[0]!.reason).toContain('ref-eur-kg');
  });
});
