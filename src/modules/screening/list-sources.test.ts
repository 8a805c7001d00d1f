import { setImmediate as yieldLoop } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { emptyEntity } from '../../engines/screening/index.ts';
import { buildIndexSliced } from './index-cache.ts';
import { ListConfigError, parseListsConfig } from './list-sources.ts';

describe('SCREENING_LISTS', () => {
  it('reads [listId=]format:location entries, with format aliases and URLs', () => {
    expect(
      parseListsConfig(
        'un:/data/un.xml, ofac-sdn=ofac-csv:https://example.invalid/ofac/,eu833=eu-833-csv:./a.csv',
      ),
    ).toEqual([
      { listId: 'un', format: 'un-xml', location: '/data/un.xml' },
      { listId: 'ofac-sdn', format: 'ofac-csv', location: 'https://example.invalid/ofac/' },
      { listId: 'eu833', format: 'eu-833-csv', location: './a.csv' },
    ]);
    expect(parseListsConfig(undefined)).toEqual([]);
    expect(parseListsConfig('  ')).toEqual([]);
  });

  it('refuses unknown formats and entries without a location, saying why', () => {
    expect(() => parseListsConfig('xml:/x')).toThrow(ListConfigError);
    expect(() => parseListsConfig('xml:/x')).toThrow(/unknown format "xml"/);
    expect(() => parseListsConfig('un:')).toThrow(/no location/);
    expect(() => parseListsConfig('/just/a/path')).toThrow(/expected \[listId=\]format:location/);
  });
});

describe('index build', () => {
  it('yields to the event loop while building (requests are answered meanwhile)', async () => {
    const entities = Array.from({ length: 400 }, (_, i) => {
      const e = emptyEntity(`t-${i}`, 'organisation', 'test');
      e.names.push({ value: `Company Number ${i} Trading`, strength: 'primary' });
      return e;
    });
    const order: string[] = [];
    const build = buildIndexSliced(entities).then((ix) => {
      order.push('built');
      return ix;
    });
    await yieldLoop();
    order.push('other work');
    const ix = await build;
    expect(order).toEqual(['other work', 'built']);
    expect(ix.size).toBe(400);
  });

  it('keeps the first of two entries with the same id', async () => {
    const a = emptyEntity('x', 'person', 'l1');
    a.names.push({ value: 'Anna One', strength: 'primary' });
    const b = emptyEntity('x', 'person', 'l2');
    b.names.push({ value: 'Berta Two', strength: 'primary' });
    const dup: string[] = [];
    const ix = await buildIndexSliced([a, b], (e) => dup.push(e.sourceList));
    expect(ix.entity('x')?.sourceList).toBe('l1');
    expect(dup).toEqual(['l2']);
  });
});
