import { describe, expect, it } from 'vitest';
import { screenGoods } from '../../../engines/screening/index.ts';
import { measureFromRecord } from '../../../modules/screening/goods-measures.ts';
import { dataSchema } from '../../field-schema.ts';
import { goodsMeasure } from './goods-measure.kind.ts';

const valid = {
  measure_id: 'nl-2026-01',
  title: 'Export ban on machine tools',
  code_prefixes: ['8457', '845811'],
  applies_export: true,
  country_role: 'destination',
  countries: ['RU', 'BY'],
  valid_from: '2026-01-01',
  legal_basis: 'National decree 2026/1, Article 2',
};

describe('goods_measure registry kind', () => {
  it('accepts a complete measure and refuses bad codes and roles', () => {
    const schema = dataSchema(goodsMeasure);
    expect(schema.safeParse(valid).success).toBe(true);
    expect(schema.safeParse({ ...valid, code_prefixes: ['84A7'] }).success).toBe(false);
    expect(schema.safeParse({ ...valid, country_role: 'anywhere' }).success).toBe(false);
    const { legal_basis: _, ...noBasis } = valid;
    expect(schema.safeParse(noBasis).success).toBe(false);
  });

  it('becomes an engine measure that hits only on code, direction, country and date', () => {
    const m = measureFromRecord('x', valid);
    const line = {
      lineId: 'L1',
      code: '8457 10 10',
      direction: 'export' as const,
      destination: 'BY',
      date: '2026-03-01',
    };
    expect(screenGoods([line], [m]).hits).toHaveLength(1);
    expect(screenGoods([{ ...line, direction: 'import' }], [m]).hits).toHaveLength(0);
    expect(screenGoods([{ ...line, destination: 'FR' }], [m]).hits).toHaveLength(0);
    expect(screenGoods([{ ...line, date: '2025-12-31' }], [m]).hits).toHaveLength(0);
  });
});
