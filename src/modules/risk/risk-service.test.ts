import { describe, expect, it } from 'vitest';
import type { Mapping } from '../../engines/risk/mapping.ts';
import { HttpError } from '../../http/errors.ts';
import { batchMapping, compatibleMappings, hitRate } from './risk-service.ts';

const model: Mapping = {
  format: 'eucab-risk-mapping',
  version: 1,
  columns: {
    id: 'id',
    date: 'date',
    hs: 'hs',
    imp: 'importer',
    fraud: 'label',
    rev: 'revenue',
    note: 'text',
    x: 'ignore',
  },
};

describe('batch mapping from the model mapping', () => {
  it('keeps the model roles, ignores outcome and unknown columns', () => {
    const m = batchMapping(model, ['id', 'date', 'hs', 'imp', 'fraud', 'extra']);
    expect(m.columns).toEqual({
      id: 'id',
      date: 'date',
      hs: 'hs',
      imp: 'importer',
      fraud: 'ignore',
      extra: 'ignore',
    });
  });

  it('refuses a batch without a column the model uses (400 naming it)', () => {
    try {
      batchMapping(model, ['id', 'date', 'imp']);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(HttpError);
      expect((e as HttpError).status).toBe(400);
      expect((e as Error).message).toContain('hs (hs)');
      expect((e as Error).message).not.toContain('note');
    }
  });
});

describe('mapping compatibility and hit rate', () => {
  it('reports a column mapped to another role in a later dataset', () => {
    const other: Mapping = { ...model, columns: { ...model.columns, imp: 'exporter' } };
    expect(compatibleMappings(model, [model])).toEqual([]);
    expect(compatibleMappings(model, [other])).toEqual([
      'dataset 2: column "imp" is exporter, the first dataset has importer',
    ]);
  });

  it('hit rate = frauds found / controlled selections, none without outcomes', () => {
    expect(hitRate({ controlled: 0, frauds_found: 0 })).toBeNull();
    expect(hitRate({ controlled: 8, frauds_found: 6 })).toBe(0.75);
  });
});
