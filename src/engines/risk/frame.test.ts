import { describe, expect, it } from 'vitest';
import { DataError, frameFromRows, readFrame, readSample } from './frame.ts';
import type { Mapping } from './mapping.ts';
import { headLines, KCS_MAPPING, KCS_TRAIN, tmpDir, writeTemp } from './test-helpers.ts';

const mapping: Mapping = {
  format: 'eucab-risk-mapping',
  version: 1,
  columns: { id: 'id', date: 'date', hs: 'hs', value: 'value', mass: 'mass', fraud: 'label', note: 'text' },
};
const header = ['id', 'date', 'hs', 'value', 'mass', 'fraud', 'note'];

describe('frame', () => {
  it('parses by role and derives HS6/HS4/HS2', () => {
    const f = frameFromRows(mapping, header, [
      ['a', '2021-01-04', '8703.23', '1000', '10', '1', 'x'],
      ['b', '2021-01-05', '870423', '', '5', '', 'y'],
    ]);
    expect(f.n).toBe(2);
    expect(f.cats.get('hs')!.dict).toEqual(['870323', '870423']);
    expect(f.cats.get('hs4')!.dict).toEqual(['8703', '8704']);
    expect(f.cats.get('hs2')!.codes[1]).toBe(f.cats.get('hs2')!.codes[0]);
    expect(Number.isNaN(f.nums.get('value')![1]!)).toBe(true);
    expect(Array.from(f.label)).toEqual([1, -1]);
    expect(f.date[0]).toBe(Date.UTC(2021, 0, 4) / 86_400_000);
  });

  it('reports bad rows with line, column and reason', () => {
    try {
      frameFromRows(mapping, header, [
        ['a', '2021-02-30', '8703', '1,5', '10', 'maybe', ''],
        ['', '2021-01-01', 'HS87', '1', '1', '0', ''],
      ]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DataError);
      const p = (e as DataError).problems;
      expect(p).toContainEqual({ line: 2, column: 'date', reason: 'not a date (YYYY-MM-DD): "2021-02-30"' });
      expect(p).toContainEqual({ line: 2, column: 'value', reason: 'not a number: "1,5"' });
      expect(p.find((x) => x.column === 'fraud')!.reason).toMatch(/label must be 0\/1/);
      expect(p).toContainEqual({ line: 3, column: 'id', reason: 'empty id' });
      expect(p.find((x) => x.line === 3 && x.column === 'hs')!.reason).toMatch(/digits/);
    }
  });

  it('streams a KCS slice and reports the file line of a broken row', async () => {
    const dir = tmpDir();
    const lines = await headLines(KCS_TRAIN, 50);
    const good = writeTemp(dir, 'good.csv', lines);
    const f = await readFrame(good, { mapping: KCS_MAPPING, requireLabel: true });
    expect(f.n).toBe(50);
    expect(f.cats.get('origin')!.dict.length).toBeGreaterThan(1);
    const broken = lines.slice();
    broken[7] = broken[7]!.replace(/,([\d.]+),(\d),(\d)$/, ',heavy,$2,$3');
    const bad = writeTemp(dir, 'bad.csv', broken);
    await expect(readFrame(bad, { mapping: KCS_MAPPING })).rejects.toThrow(
      /line 8, column "Item Price": not a number: "heavy"/,
    );
    const unlabelled = lines.slice();
    unlabelled[20] = unlabelled[20]!.replace(/,(\d),(\d)$/, ',,$2');
    const u = writeTemp(dir, 'unlabelled.csv', unlabelled);
    await expect(readFrame(u, { mapping: KCS_MAPPING, requireLabel: true })).rejects.toThrow(
      /line 21, column "Fraud": label is empty/,
    );
    expect((await readFrame(u, { mapping: KCS_MAPPING })).label[19]).toBe(-1);
    const short = lines.slice();
    short[4] = short[4]!.split(',').slice(0, 5).join(',');
    const s = writeTemp(dir, 'short.csv', short);
    await expect(readFrame(s, { mapping: KCS_MAPPING })).rejects.toThrow(/line 5/);
  });

  it('reads JSON lines with the same mapping', async () => {
    const dir = tmpDir();
    const p = writeTemp(dir, 'd.jsonl', [
      JSON.stringify({ id: 'a', date: '2021-01-01', hs: '870323', value: 5, mass: 1, fraud: 1, note: null }),
      JSON.stringify({ id: 'b', date: '2021-01-02', hs: '870323', value: 7, mass: 2, fraud: 0, note: 'n' }),
    ]);
    const f = await readFrame(p, { mapping });
    expect(f.ids).toEqual(['a', 'b']);
    expect(Array.from(f.nums.get('value')!)).toEqual([5, 7]);
    const s = await readSample(p, 1);
    expect(s.header).toEqual(header);
    const bad = writeTemp(dir, 'bad.jsonl', ['{"id": "a"', '']);
    await expect(readFrame(bad, { mapping })).rejects.toThrow(/line 1.*invalid JSON/);
  });
});
