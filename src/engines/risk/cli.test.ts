import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from './cli.ts';
import { headLines, KCS_TRAIN, KCS_VALID, tmpDir, writeTemp } from './test-helpers.ts';

async function cli(args: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  let stderr = '';
  let stdout = '';
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    stderr += String(s);
    return true;
  });
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    stdout += String(s);
    return true;
  });
  try {
    const code = await run(args);
    return { code, stderr, stdout };
  } finally {
    e.mockRestore();
    o.mockRestore();
  }
}

function parseCsv(text: string): string[][] {
  // test data has no quoted commas except the explanation column, which is quoted when needed
  const rows: string[][] = [];
  for (const line of text.trim().split('\n')) {
    const cells: string[] = [];
    let cur = '';
    let q = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (q) {
        if (ch === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') q = false;
        else cur += ch;
      } else if (ch === '"') q = true;
      else if (ch === ',') {
        cells.push(cur);
        cur = '';
      } else cur += ch;
    }
    cells.push(cur);
    rows.push(cells);
  }
  return rows;
}

describe('cli', () => {
  let dir: string;
  let train: string;
  let valid: string;
  beforeAll(async () => {
    dir = tmpDir();
    train = writeTemp(dir, 'train.csv', await headLines(KCS_TRAIN, 2500));
    valid = writeTemp(dir, 'valid.csv', await headLines(KCS_VALID, 600));
  });

  it('propose-mapping → train → score (explanations add up) → select → evaluate → backtest', async () => {
    const mapping = join(dir, 'mapping.json');
    let r = await cli(['propose-mapping', '--input', train, '--out', mapping]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Critical Fraud → ignore/);
    const model = join(dir, 'model.json');
    r = await cli([
      'train',
      '--input',
      train,
      '--mapping',
      mapping,
      '--out',
      model,
      '--trees',
      '20',
      '--valid',
      valid,
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/validation: AUC/);
    const doc = JSON.parse(readFileSync(model, 'utf8'));
    expect(doc.metrics.validation.at.map((a: { n: number }) => a.n)).toEqual([1, 2, 5, 10]);

    const scores = join(dir, 'scores.csv');
    r = await cli(['score', '--model', model, '--input', valid, '--out', scores, '--full']);
    expect(r.code).toBe(0);
    const rows = parseCsv(readFileSync(scores, 'utf8'));
    const header = rows[0]!;
    expect(header.slice(0, 4)).toEqual(['id', 'rank', 'score', 'probability']);
    expect(rows.length).toBe(601);
    const base = header.indexOf('base');
    const firstC = header.findIndex((h) => h.startsWith('c:'));
    let prev = Number.POSITIVE_INFINITY;
    for (const row of rows.slice(1)) {
      const score = Number(row[2]);
      expect(score).toBeLessThanOrEqual(prev);
      prev = score;
      let sum = Number(row[base]);
      for (let c = firstC; c < row.length; c++) sum += Number(row[c]);
      expect(sum).toBe(score);
      expect(row[header.indexOf('explanation')]).toMatch(/^[^;]+ [+-]\d\.\d{4}(; [^;]+ [+-]\d\.\d{4}){4}$/);
    }

    // the one-pass compact writer gives the same ranking, scores and explanations as the full writer
    const compact = join(dir, 'compact.csv');
    r = await cli(['score', '--model', model, '--input', valid, '--out', compact]);
    expect(r.code).toBe(0);
    const crows = parseCsv(readFileSync(compact, 'utf8'));
    const ei = header.indexOf('explanation');
    expect(crows.map((x) => [x[0], x[2], x[ei], x[base]])).toEqual(
      rows.map((x) => [x[0], x[2], x[ei], x[base]]),
    );

    const sel = join(dir, 'sel.csv');
    r = await cli([
      'select',
      '--model',
      model,
      '--input',
      valid,
      '--out',
      sel,
      '--budget',
      '5%',
      '--exploration',
      '0.2',
    ]);
    expect(r.code).toBe(0);
    const srows = parseCsv(readFileSync(sel, 'utf8'));
    expect(srows.length - 1).toBe(30);
    expect(srows.filter((x) => x[4] === 'explore').length).toBe(6);

    r = await cli(['evaluate', '--model', model, '--input', valid]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).rows).toBe(600);

    const rules = join(dir, 'rules.json');
    writeFileSync(
      rules,
      JSON.stringify({
        rules: [
          {
            id: 'cn',
            family: 'financial',
            weight: 1,
            rationale: 'x',
            conditions: [{ op: 'equals', role: 'origin', value: 'CN' }],
          },
        ],
      }),
    );
    r = await cli([
      'simulate',
      '--mapping',
      mapping,
      '--history',
      train,
      '--input',
      valid,
      '--budget',
      '10%',
      '--exploration',
      '0.1',
      '--trees',
      '5',
    ]);
    expect(r.code).toBe(0);
    const sim = JSON.parse(r.stdout);
    expect(sim.periods.length).toBeGreaterThan(0);
    expect(sim.periods.reduce((a: number, p: { rows: number }) => a + p.rows, 0)).toBe(600);
    expect(r.stderr).toMatch(/period 1 .*norm/);

    r = await cli(['backtest', '--rules', rules, '--mapping', mapping, '--input', valid]);
    expect(r.code).toBe(0);
    const bt = JSON.parse(r.stdout);
    expect(bt.rules[0].hits).toBeGreaterThan(0);
    expect(bt.rules[0].precision).toBeGreaterThanOrEqual(0);
  });

  it('bad input: exit code 2, a clear reason, nothing written', async () => {
    const mapping = join(dir, 'm2.json');
    await cli(['propose-mapping', '--input', train, '--out', mapping]);
    const lines = await headLines(KCS_TRAIN, 30);
    lines[12] = lines[12]!.replace(/^(\d+),2020-\d\d-\d\d/, '$1,yesterday');
    const bad = writeTemp(dir, 'bad.csv', lines);
    const out = join(dir, 'never.json');
    let r = await cli(['train', '--input', bad, '--mapping', mapping, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 13, column "Date": not a date \(YYYY-MM-DD\): "yesterday"/);
    expect(existsSync(out)).toBe(false);

    const badMap = writeTemp(dir, 'badmap.json', [
      JSON.stringify({ columns: { 'Declaration ID': 'id', Date: 'when' } }),
    ]);
    r = await cli(['train', '--input', train, '--mapping', badMap, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown role "when"/);
    expect(existsSync(out)).toBe(false);

    r = await cli([
      'select',
      '--model',
      out,
      '--input',
      train,
      '--out',
      join(dir, 's.csv'),
      '--budget',
      '5%',
    ]);
    expect(r.code).toBe(2);
    r = await cli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command/);
  });
});
