import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { proposeMapping } from '../../engines/risk/mapping.ts';
import { decodeChunk, outcomesTask, sampleTask, scoreTask, trainTask, validateTask } from './risk-tasks.ts';

const DIR = new URL('../../seed/kcs-sample/', import.meta.url);
const text = (f: string, n: number) =>
  readFileSync(new URL(f, DIR), 'utf8')
    .split('\n')
    .slice(0, n + 1)
    .join('\n');
const HISTORY = Buffer.from(text('history-2020.csv', 800));
const BATCH = Buffer.from(text('batch-2021q1.csv', 200));

describe('risk worker tasks', async () => {
  const s = await sampleTask({ bytes: HISTORY, fileName: 'h.csv', n: 500 });
  const { mapping } = proposeMapping(s.header, s.rows);

  it('validates every row into chunks, or reports line / column / reason and keeps nothing', async () => {
    const v = await validateTask({ bytes: HISTORY, fileName: 'h.csv', mapping, requireLabel: true });
    expect(v.problems).toEqual([]);
    expect(v.rows).toBe(800);
    expect(v.chunks.flatMap((c) => decodeChunk(c))).toHaveLength(800);
    const bad = HISTORY.toString().split('\n');
    bad[2] = bad[2]!.replace(/,0,0$/, ',maybe,0');
    bad[5] = bad[1]!; // duplicate id
    const b = await validateTask({
      bytes: Buffer.from(bad.join('\n')),
      fileName: 'h.csv',
      mapping,
      requireLabel: true,
    });
    expect(b.chunks).toEqual([]);
    expect(b.problems[0]).toMatchObject({ line: 3, column: 'Fraud' });
    expect(b.problems).toContainEqual(
      expect.objectContaining({
        line: 6,
        column: 'Declaration ID',
        reason: expect.stringContaining('duplicate id'),
      }),
    );
  });

  it('trains, then scores a batch: mandatory ids first, explanations that add up to the score', async () => {
    const v = await validateTask({ bytes: HISTORY, fileName: 'h.csv', mapping, requireLabel: true });
    const model = await trainTask({
      mapping,
      header: v.header,
      parts: [{ header: v.header, chunks: v.chunks }],
      seed: 1,
      rules: null,
      holdout: 0.2,
      nTrees: 20,
    });
    expect(model.rows).toBe(800);
    expect(model.metrics.validation?.rows).toBe(160);
    const header = BATCH.toString().split('\n')[0]!.split(',');
    const bm = { ...mapping, columns: Object.fromEntries(header.map((h) => [h, mapping.columns[h]!])) };
    const b = await validateTask({ bytes: BATCH, fileName: 'b.csv', mapping: bm, requireLabel: false });
    const firstId = BATCH.toString().split('\n')[1]!.split(',')[0]!;
    const sc = await scoreTask({
      document: model.document,
      header,
      mapping: bm,
      chunks: b.chunks,
      budget: { k: 10 },
      explorationShare: 0.2,
      seed: 1,
      mandatory: { [firstId]: ['src: hit'] },
      topK: 3,
    });
    expect(sc.selected).toHaveLength(11);
    expect(sc.selected[0]).toMatchObject({
      id: firstId,
      reason: 'mandatory',
      mandatoryReasons: ['src: hit'],
    });
    expect(sc.selected.filter((r) => r.reason === 'explore')).toHaveLength(2);
    for (const r of sc.selected) {
      expect(r.contributions.length).toBeLessThanOrEqual(3);
      expect(
        Math.abs(r.base + r.contributions.reduce((a, c) => a + c.value, 0) + r.rest - r.score),
      ).toBeLessThan(1e-12);
    }
  });

  it('matches outcomes to the batch ids, reports unmatched ids and bad rows', async () => {
    const v = await validateTask({ bytes: HISTORY, fileName: 'h.csv', mapping, requireLabel: true });
    const ids = v.chunks.flatMap((c) => decodeChunk(c)).map((r) => r[0]!);
    const ok = await outcomesTask({
      bytes: Buffer.from(`id,fraud,revenue\n${ids[0]},yes,10\n${ids[1]},no,\nX9,no,\n`),
      fileName: 'o.csv',
      header: v.header,
      idColumn: 'Declaration ID',
      chunks: v.chunks,
    });
    expect(ok).toEqual({
      matched: [
        [ids[0], 1, 10],
        [ids[1], 0, null],
      ],
      unmatched: [{ line: 4, id: 'X9' }],
      problems: [],
    });
    const bad = await outcomesTask({
      bytes: Buffer.from(`id,fraud,revenue\n${ids[0]},yes,-1\n`),
      fileName: 'o.csv',
      header: v.header,
      idColumn: 'Declaration ID',
      chunks: v.chunks,
    });
    expect(bad.matched).toEqual([]);
    expect(bad.problems).toEqual([
      { line: 2, column: 'revenue', reason: 'revenue must be a number ≥ 0: "-1"' },
    ]);
    const noCol = await outcomesTask({
      bytes: Buffer.from('ref,result\n1,yes\n'),
      fileName: 'o.csv',
      header: v.header,
      idColumn: 'Declaration ID',
      chunks: v.chunks,
    });
    expect(noCol.problems[0]!.reason).toMatch(/no id column/);
  });
});
