import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from './cli.ts';
import { EU_NAMES, euFileLines } from './eu-test-files.ts';
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
    if (code !== 0 && process.env.DEBUG_CLI) console.log(args.join(' '), stderr.slice(-1500));
    return { code, stderr, stdout };
  } finally {
    e.mockRestore();
    o.mockRestore();
  }
}

describe('cli with EU declaration files', () => {
  let dir: string;
  let train: string;
  let fresh: string;
  beforeAll(async () => {
    dir = tmpDir();
    train = writeTemp(
      dir,
      'history.csv',
      euFileLines(await headLines(KCS_TRAIN, 2500), { names: EU_NAMES, dateSeparator: '/', outcomes: true }),
    );
    fresh = writeTemp(
      dir,
      'new.csv',
      euFileLines(await headLines(KCS_VALID, 400), { names: EU_NAMES, dateSeparator: '/', outcomes: false }),
    );
  });

  it('propose-mapping → train → score a file without outcome columns, no hand edits', async () => {
    const mapping = join(dir, 'mapping.json');
    let r = await cli(['propose-mapping', '--input', train, '--out', mapping]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/delimiter semicolon/);
    expect(r.stderr).toMatch(/decimal comma/);
    expect(r.stderr).toMatch(/dates as dd\/mm\/yyyy/);
    expect(r.stderr).toMatch(/MRN → id \(confidence 0\.9\)/);
    expect(r.stderr).toMatch(/Irregularity → label/);
    const doc = JSON.parse(readFileSync(mapping, 'utf8'));
    expect(doc.columns.Severity).toBe('ignore');
    expect(doc.columns['Statistical value (99 06)']).toBe('value');
    const model = join(dir, 'model.json');
    r = await cli(['train', '--input', train, '--mapping', mapping, '--out', model, '--trees', '20']);
    expect(r.code).toBe(0);
    const out = join(dir, 'scores.csv');
    r = await cli(['score', '--model', model, '--input', fresh, '--out', out]);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(401);
    // an extra column is ignored with a warning
    const extra = writeTemp(
      dir,
      'extra.csv',
      readFileSync(fresh, 'utf8')
        .trim()
        .split('\n')
        .map((l, i) => `${l};${i === 0 ? 'Officer note' : 'n/a'}`),
    );
    r = await cli(['score', '--model', model, '--input', extra, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: .*columns not in the mapping are ignored: Officer note/);
    // the same declarations with other names for the single-role columns, scored with a mapping given to score
    const other: Record<string, string> = {
      MRN: 'Declaration number',
      'Commodity code (18 09)': 'CN code',
      'Country of origin (16 08)': 'Origin country',
      'Importer EORI (13 04)': 'Importer',
    };
    const freshLines = readFileSync(fresh, 'utf8').trim().split('\n');
    const header = freshLines[0]!.split(';').map((h) => other[h] ?? h);
    const otherFile = writeTemp(dir, 'other.csv', [header.join(';'), ...freshLines.slice(1, 51)]);
    const otherMapping = join(dir, 'other-mapping.json');
    const columns = Object.fromEntries(
      Object.entries(doc.columns as Record<string, string>).map(([c, role]) => [other[c] ?? c, role]),
    );
    writeFileSync(otherMapping, JSON.stringify({ columns }));
    r = await cli(['score', '--model', model, '--input', otherFile, '--mapping', otherMapping, '--out', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(51);
    // without the mapping: exit 2 naming what is missing
    r = await cli(['score', '--model', model, '--input', otherFile, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/columns the model reads are not in the file: .*MRN \(id\)/);
  }, 180_000);

  it('malformed files: exit 2 with line and column, no stack trace; gzip accepted; overrides', async () => {
    const mapping = join(dir, 'mapping.json');
    const unclosed = writeTemp(dir, 'unclosed.csv', ['MRN;Remarks', '1;ok', '2;"never closed', '3;x', '4;y']);
    let r = await cli(['propose-mapping', '--input', unclosed]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 3, column "Remarks": a quote opened/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const random = join(dir, 'random.csv');
    writeFileSync(random, Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 2654435761) % 251)));
    r = await cli(['propose-mapping', '--input', random]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/binary, not text/);
    expect(r.stderr).not.toMatch(/unexpected error/);
    const gz = join(dir, 'history.csv.gz');
    writeFileSync(gz, gzipSync(readFileSync(train)));
    r = await cli(['propose-mapping', '--input', gz, '--sample', '200', '--out', join(dir, 'gz.json')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/gzip-compressed/);
    r = await cli([
      'propose-mapping',
      '--input',
      train,
      '--delimiter',
      'comma',
      '--out',
      join(dir, 'x.json'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/delimiter comma \(given\)/);
    expect(r.stderr).toMatch(/line 2.*read with the delimiter comma: give the right one/);
    r = await cli(['propose-mapping', '--input', train, '--encoding', 'latin9']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--encoding must be one of utf-8, utf-8-bom, utf-16le, windows-1252/);
    expect(mapping).toBeTruthy();
  });
});
