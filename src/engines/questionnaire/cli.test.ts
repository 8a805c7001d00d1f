import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from './cli.ts';
import { mappingQuestionnaire } from './test-fixtures.ts';
import { workbook } from './xlsform/test-workbook.ts';

async function cli(args: string[]) {
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
    return { code: await run(args), stderr, stdout };
  } finally {
    e.mockRestore();
    o.mockRestore();
  }
}

describe('questionnaire cli', () => {
  let dir: string;
  let good: string;
  let blocked: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'questionnaire-cli-'));
    good = join(dir, 'good.xlsx');
    writeFileSync(
      good,
      await workbook({
        survey: [
          ['type', 'name', 'label', 'appearance'],
          ['integer', 'n', 'N', 'w2'],
        ],
      }),
    );
    blocked = join(dir, 'blocked.xlsx');
    writeFileSync(
      blocked,
      await workbook({
        survey: [
          ['type', 'name', 'label'],
          ['text', 'a', 'A'],
          ['geoshape', 'area', 'Area'],
        ],
      }),
    );
  });

  it('check prints warnings and blocking items with exit codes 0 and 3', async () => {
    const ok = await cli(['check', good]);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain('survey row 1 [appearance]: presentation column "appearance" ignored');
    expect(ok.stdout).toContain('ok: good');
    const bad = await cli(['check', blocked]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('survey row 3 [type] area: geoshape: lines and shapes are not supported');
    expect((await cli(['check', blocked, '--without-blocked'])).code).toBe(0);
  });

  it('convert gives JSON; export writes an XLSForm that converts back to the same questionnaire', async () => {
    const c = await cli(['convert', good, '--json']);
    expect(c.code).toBe(0);
    expect(JSON.parse(c.stdout).items[0]).toEqual({ type: 'integer', code: 'n', label: { default: 'N' } });
    const qPath = join(dir, 'q.json');
    writeFileSync(qPath, JSON.stringify(mappingQuestionnaire()));
    const out = join(dir, 'out.xlsx');
    expect((await cli(['export', qPath, '--out', out])).code).toBe(0);
    const back = join(dir, 'back.json');
    expect((await cli(['convert', out, '--json', '--out', back])).code).toBe(0);
    expect(JSON.parse(readFileSync(back, 'utf8'))).toEqual(mappingQuestionnaire());
  });

  it('gives clear errors with exit code 2', async () => {
    expect((await cli(['frobnicate', good])).code).toBe(2);
    expect((await cli(['convert', good])).stderr).toContain('give --json');
    expect((await cli(['check', join(dir, 'missing.xlsx')])).stderr).toContain('cannot read');
    const notXlsx = join(dir, 'bad.xlsx');
    writeFileSync(notXlsx, 'hello');
    expect((await cli(['check', notXlsx])).stderr).toContain('not a readable .xlsx workbook');
    const notQ = join(dir, 'x.json');
    writeFileSync(notQ, '{"format":"other"}');
    const r = await cli(['export', notQ, '--out', join(dir, 'x.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a questionnaire');
    const broken = mappingQuestionnaire();
    broken.items.push({ type: 'integer', code: 'staff', label: {} });
    writeFileSync(notQ, JSON.stringify(broken));
    expect((await cli(['export', notQ, '--out', join(dir, 'x.xlsx')])).stderr).toContain(
      'the name "staff" is used twice',
    );
    expect((await cli(['export', good])).stderr).toContain('missing --out');
  });
});
