import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from './cli.ts';
import { sanctionsData } from './paths.ts';

const dir = mkdtempSync(join(tmpdir(), 'screening-cli-'));

describe('screening CLI', () => {
  afterEach(() => vi.restoreAllMocks());
  const quiet = () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    return vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  };

  it('exits 2 with a message on bad input', async () => {
    quiet();
    expect(await main([])).toBe(2);
    expect(await main(['bogus'])).toBe(2);
    expect(await main(['screen'])).toBe(2);
    expect(await main(['compare-pairs', join(dir, 'missing.csv')])).toBe(2);
    expect(await main(['screen', 'x', '--threshold', '7'])).toBe(2);
    expect(await main(['diff', 'nope', 'a', 'b'])).toBe(2);
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, '"Name"\t"City"\n');
    expect(await main(['diff', 'bis-dpl-tsv', bad, bad])).toBe(2);
  });

  it('compare-pairs writes name1,name2,score,match', async () => {
    quiet();
    const out = join(dir, 'pairs-out.csv');
    const inp = join(dir, 'pairs.csv');
    writeFileSync(
      inp,
      'schema,name1,name2\nCompany,Siemens AG,Siemens Aktiengesellschaft\nPerson,Pol Pot,Paul Murphy\n',
    );
    expect(await main(['compare-pairs', inp, '--out', out])).toBe(0);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toEqual([
      'name1,name2,score,match',
      'Siemens AG,Siemens Aktiengesellschaft,1.0000,true',
      expect.stringMatching(/^Pol Pot,Paul Murphy,0\.\d+,false$/),
    ]);
  });

  it('screens goods lines and diffs list versions', async () => {
    const stdout = quiet();
    const goods = join(dir, 'goods.csv');
    writeFileSync(
      goods,
      'line,code,direction,destination,date\n1,84571010,export,RU,2026-08-01\n2,84571010,export,DE,2026-08-01\n',
    );
    expect(await main(['goods', goods])).toBe(0);
    const text = stdout.mock.calls.map((c) => String(c[0])).join('');
    expect(text).toMatch(/^1,hit,eu-833-2014-annex-XL,845710/m);
    expect(text).not.toMatch(/^2,/m);
    stdout.mockClear();
    expect(
      await main(['diff', 'ofac-csv', sanctionsData('ofac/tiny_2025'), sanctionsData('ofac/tiny_2025')]),
    ).toBe(0);
    expect(stdout.mock.calls.map((c) => String(c[0])).join('')).toMatch(
      /added 0, removed 0, amended 0, unchanged 17/,
    );
  });

  it('batch-screens a CSV of parties with progress on stderr and a CSV report', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const inp = join(dir, 'parties.csv');
    const out = join(dir, 'report.csv');
    writeFileSync(
      inp,
      'id,name,kind,country\nA1,Iran Aircraft Manufacturing Industrial Company,organisation,Iran\nA2,Nobody Special Trading,,\n',
    );
    const list = `ofac-csv:${sanctionsData('ofac/tiny_2025')}`;
    expect(await main(['batch', inp, '--out', out, '--list', list])).toBe(0);
    const report = readFileSync(out, 'utf8').trim().split('\n');
    expect(report[0]).toBe('party_id,party_name,band,score,entity_id,list,listed_name,explanation');
    expect(report[1]).toMatch(
      /^A1,Iran Aircraft Manufacturing Industrial Company,match,1\.000,ofac-tiny_2025-11195,.*country IR listed/,
    );
    expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toMatch(/screened 2\/2 parties/);
    writeFileSync(inp, 'id,name\nA1,\n');
    expect(await main(['batch', inp, '--list', list])).toBe(2);
  });

  it('screens one name against a configured list', async () => {
    const stdout = quiet();
    const code = await main([
      'screen',
      'Dmitry Yuryevich Khoroshev',
      '--list',
      `ofac-csv:${sanctionsData('ofac/tiny_2025')}`,
    ]);
    expect(code).toBe(0);
    expect(stdout.mock.calls.map((c) => String(c[0])).join('')).toMatch(
      /MATCH\s+1\.000 ofac-tiny_2025-48603/,
    );
  });
});
