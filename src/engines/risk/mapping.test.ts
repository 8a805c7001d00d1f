import { describe, expect, it } from 'vitest';
import { readSample } from './frame.ts';
import { compileMapping, MappingError, proposeMapping } from './mapping.ts';
import { KCS_MAPPING, KCS_TRAIN } from './test-helpers.ts';

describe('proposeMapping', () => {
  it('infers the KCS roles from header and sample rows, leaving the second outcome out', async () => {
    const s = await readSample(KCS_TRAIN, 500);
    const { mapping, inferred } = proposeMapping(s.header, s.rows);
    expect(mapping.columns).toEqual(KCS_MAPPING.columns);
    const crit = inferred.find((i) => i.column === 'Critical Fraud')!;
    expect(crit.role).toBe('ignore');
    expect(crit.reason).toMatch(/leakage/);
    expect(inferred.find((i) => i.column === 'Seller ID')!.reason).toMatch(/seller/);
  });

  it('recognises free text, dates by content and plain numerics', () => {
    const header = ['ref', 'when', 'goods description', 'weight kg', 'colour'];
    const rows = Array.from({ length: 30 }, (_, i) => [
      `R${i}`,
      `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
      `cotton shirts for men, assorted sizes, lot ${i}`,
      String(10.5 + i),
      i % 2 ? 'red' : 'blue',
    ]);
    const { mapping } = proposeMapping(header, rows);
    expect(mapping.columns).toEqual({
      ref: 'id',
      when: 'date',
      'goods description': 'text',
      'weight kg': 'mass',
      colour: 'categorical',
    });
  });
});

describe('compileMapping', () => {
  const header = ['id', 'hs', 'origin', 'fraud'];
  it('lists every problem', () => {
    try {
      compileMapping(
        { columns: { id: 'id', hs: 'hs', origin: 'hs', missing: 'value', fraud: 'colour' } },
        header,
      );
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(MappingError);
      const msg = (e as Error).message;
      expect(msg).toMatch(/role "hs" is given to both "hs" and "origin"/);
      expect(msg).toMatch(/"missing" is mapped but not in the header/);
      expect(msg).toMatch(/unknown role "colour"/);
    }
  });
  it('requires an id, a label to train, and a role for every column', () => {
    expect(() => compileMapping({ columns: { hs: 'hs', origin: 'origin', fraud: 'label' } }, header)).toThrow(
      /"id"/,
    );
    expect(() => compileMapping({ columns: { id: 'id', hs: 'hs', origin: 'origin' } }, header)).toThrow(
      /without a role.*fraud/,
    );
    expect(() =>
      compileMapping({ columns: { id: 'id', hs: 'hs', origin: 'origin', fraud: 'ignore' } }, header, {
        requireLabel: true,
      }),
    ).toThrow(/label/);
  });
});
