import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDate, parseNumber, unclosedQuoteLine } from './dialect.ts';
import { DataError, readFrame, readSample } from './frame.ts';
import type { Mapping } from './mapping.ts';
import { tmpDir } from './test-helpers.ts';

const SEMI = 'id;date;value;name\n1;01.02.2020;1.234,56;ACME 5" PIPES\n2;13.02.2020;12,5;Müller\n';
const mapping: Mapping = {
  format: 'eucab-risk-mapping',
  version: 1,
  columns: { id: 'id', date: 'date', value: 'value', name: 'categorical' },
};

describe('file dialect', () => {
  let dir: string;
  const file = (name: string, bytes: Buffer | string) => {
    const p = join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };
  beforeAll(() => {
    dir = tmpDir();
  });

  it('parses numbers and dates written the European way', () => {
    expect(parseNumber('1.234,56', ',')).toBe(1234.56);
    expect(parseNumber('12,5', ',')).toBe(12.5);
    expect(parseNumber('1 234,5', ',')).toBe(1234.5);
    expect(parseNumber('1,234.56', '.')).toBe(1234.56);
    expect(parseNumber('1,5', '.')).toBeNaN();
    expect(parseDate('13.02.2020', 'dmy')).toBe(Date.UTC(2020, 1, 13) / 86_400_000);
    expect(parseDate('13/02/2020', 'dmy')).toBe(Date.UTC(2020, 1, 13) / 86_400_000);
    expect(parseDate('02/13/2020', 'mdy')).toBe(Date.UTC(2020, 1, 13) / 86_400_000);
    expect(parseDate('2020-02-13', 'dmy')).toBe(Date.UTC(2020, 1, 13) / 86_400_000);
    expect(parseDate('31.02.2020', 'dmy')).toBeNaN();
  });

  it.each([
    ['UTF-8', 'utf8.csv', Buffer.from(SEMI, 'utf8'), /^encoding UTF-8$/m],
    [
      'UTF-8 with BOM',
      'bom.csv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SEMI)]),
      /byte order mark/,
    ],
    [
      'UTF-16 LE',
      'u16.csv',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SEMI, 'utf16le')]),
      /UTF-16 LE/,
    ],
    ['Windows-1252', 'w1252.csv', Buffer.from(SEMI, 'latin1'), /Windows-1252/],
    ['gzip', 'semi.csv.gz', gzipSync(Buffer.from(SEMI)), /gzip-compressed/],
  ])(
    'detects and reports %s, semicolons, decimal commas and dd.mm.yyyy',
    async (_name, fname, bytes, note) => {
      const p = file(fname, bytes);
      const s = await readSample(p, 10);
      expect(s.header).toEqual(['id', 'date', 'value', 'name']);
      expect(s.rows[0]).toEqual(['1', '01.02.2020', '1.234,56', 'ACME 5" PIPES']);
      expect(s.rows[1]![3]).toBe('Müller');
      expect(s.dialect.notes.join('\n')).toMatch(note);
      expect(s.dialect.dialect).toMatchObject({ delimiter: 'semicolon', decimal: ',', dateFormat: 'dmy' });
      const f = await readFrame(p, { mapping });
      expect(Array.from(f.nums.get('value')!)).toEqual([1234.56, 12.5]);
      expect(f.date[1]).toBe(Date.UTC(2020, 1, 13) / 86_400_000);
    },
  );

  it('detects tabs, and takes overrides', async () => {
    const p = file('tab.csv', 'id\tdate\tvalue\tname\n1\t2020-01-02\t3.5\tx\n');
    const s = await readSample(p, 10);
    expect(s.dialect.dialect.delimiter).toBe('tab');
    expect(s.rows[0]).toEqual(['1', '2020-01-02', '3.5', 'x']);
    const forced = await readSample(file('w.csv', Buffer.from(SEMI, 'latin1')), 10, {
      dialect: { encoding: 'utf-8' },
    });
    expect(forced.dialect.notes[0]).toMatch(/utf-8 \(given\)/);
    expect(forced.rows[1]![3]).not.toBe('Müller');
  });

  it('reports an unclosed quote at its own line, binary data clearly, and a wrong delimiter with a hint', async () => {
    const unclosed = file('unclosed.csv', 'id,v\n1,a\n2,"abc\n3,4\n4,5\n');
    await expect(
      readFrame(unclosed, {
        mapping: { format: 'eucab-risk-mapping', version: 1, columns: { id: 'id', v: 'categorical' } },
      }),
    ).rejects.toThrow(/line 3, column "v": a quote opened in the record starting on line 3 is never closed/);
    const random = Buffer.alloc(3000);
    for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + 13) % 256;
    await expect(readSample(file('random.csv', random), 5)).rejects.toThrow(/binary, not text/);
    const big = Array.from({ length: 3000 }, (_, i) => `${i};01.02.2020;${i * 7919},5;n${(i * 31) % 977}`);
    const whole = gzipSync(Buffer.from(`id;date;value;name\n${big.join('\n')}\n`));
    const damaged = whole.subarray(0, Math.floor(whole.length / 2));
    const err = await readSample(file('damaged.csv.gz', damaged), 5000).catch((e) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as Error).message).toMatch(/gzip data is damaged or truncated/);
    const ragged = file('ragged.csv', 'id;v\n1;2\n3;4;5\n');
    await expect(readSample(ragged, 5)).rejects.toThrow(/line 3.*3 values for 2 columns/);
  });
});

describe('unclosedQuoteLine', () => {
  it('finds the line where the never-closed quote opens; stray quotes are characters', () => {
    expect(unclosedQuoteLine('id;v\n1;a\n2;"open\n3;x\n', ';')).toBe(3);
    expect(unclosedQuoteLine('id;v\n1;ACME 5" PIPES\n2;"closed\nover lines"\n', ';')).toBeNull();
  });
});
