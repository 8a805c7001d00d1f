import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applyMeasure,
  type GoodsLine,
  type GoodsMeasure,
  measuresFromAnnexCsv,
  screenGoods,
} from './goods.ts';
import { ParseError } from './parsers/common.ts';
import { sanctionsData } from './paths.ts';

const measures = measuresFromAnnexCsv(
  readFileSync(sanctionsData('goods/eu_833_2014_annex_XL_XLVIII_hs6.csv'), 'utf8'),
);
const line = (over: Partial<GoodsLine> = {}): GoodsLine => ({
  lineId: '1',
  code: '8457 10 10',
  direction: 'export',
  destination: 'RU',
  date: '2026-08-01',
  ...over,
});

describe('goods measures from the Reg. 833/2014 annex CSV', () => {
  it('builds Annex XL (50 HS-6 codes) and Annex XLVIII (2 codes): export and transit to RU from 2026-07-24', () => {
    expect(measures.map((m) => [m.id, m.codePrefixes.length])).toEqual([
      ['eu-833-2014-annex-XL', 50],
      ['eu-833-2014-annex-XLVIII', 2],
    ]);
    for (const m of measures) {
      expect(m.directions).toEqual(['export', 'transit']);
      expect(m.country).toEqual({ role: 'destination', countries: ['RU'] });
      expect(m.validFrom).toBe('2026-07-24');
    }
    expect(measures[0]!.legalBasis).toMatch(
      /^Articles 2, 2a, 12g and 12gb of Council Regulation \(EU\) No 833\/2014/,
    );
    expect(measures[1]!.legalBasis).toMatch(/^Article 12gb/);
  });

  it('hits only when code, direction, country and date all apply', () => {
    const hit = screenGoods([line()], measures).hits;
    expect(hit).toHaveLength(1);
    expect(hit[0]).toMatchObject({ measureId: 'eu-833-2014-annex-XL', matchedPrefix: '845710' });
    expect(hit[0]!.explanation.join(' | ')).toMatch(/Machining centres/);
    expect(
      screenGoods([line({ direction: 'transit', destination: 'Russian Federation' })], measures).hits,
    ).toHaveLength(1);
    expect(screenGoods([line({ code: '8536 50 11' })], measures).hits[0]!.measureId).toBe(
      'eu-833-2014-annex-XLVIII',
    );
    // each condition failing on its own
    expect(applyMeasure(line({ code: '0101 21 00' }), measures[0]!).notApplying).toBe('code not covered');
    expect(applyMeasure(line({ direction: 'import' }), measures[0]!).notApplying).toMatch(/direction import/);
    expect(applyMeasure(line({ destination: 'DE' }), measures[0]!).notApplying).toMatch(/destination DE/);
    expect(applyMeasure(line({ date: '2026-07-23' }), measures[0]!).notApplying).toMatch(/before 2026-07-24/);
    expect(applyMeasure(line({ code: '8457' }), measures[0]!).notApplying).toBe('code not covered');
  });

  it('applies validity end dates and exemptions of a measure', () => {
    const m: GoodsMeasure = {
      ...measures[0]!,
      id: 'custom',
      validTo: '2026-12-31',
      exemptions: [
        {
          id: 'ex-1',
          description: 'authorised by the competent authority',
          flag: 'AUTH',
          codePrefixes: ['8457'],
        },
      ],
    };
    expect(applyMeasure(line({ date: '2027-01-01' }), m).notApplying).toMatch(/after 2026-12-31/);
    const r = screenGoods(
      [line({ exemptionFlags: ['AUTH'] }), line({ lineId: '2', code: '8458 11', exemptionFlags: ['AUTH'] })],
      [m],
    );
    expect(r.exempted.map((x) => x.lineId)).toEqual(['1']);
    expect(r.hits.map((x) => x.lineId)).toEqual(['2']);
  });

  it('rejects a malformed annex file with line and reason', () => {
    const head = 'hs6,display_code,eu_annex,chpl_tier,eu_description,eu_legal_basis,consolidated_version\n';
    expect(() => measuresFromAnnexCsv(`${head}84571,8457 1,XL,,x,Article 2,02014R0833-20260724\n`)).toThrow(
      ParseError,
    );
    try {
      measuresFromAnnexCsv(
        `${head}845710,8457 10,XL,,x,Article 2,02014R0833-20260724\n845711,8457 11,XL,,x,Article 2,none\n`,
      );
    } catch (e) {
      expect((e as ParseError).line).toBe(3);
      expect((e as ParseError).reason).toMatch(/has no date/);
    }
  });
});
