import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTableInWorker } from './in-worker.ts';
import {
  DEFAULT_TABLE_LIMITS,
  readTable,
  type Table,
  TableError,
  type TableLimits,
  tableRecords,
} from './index.ts';
import { workbookParts, zipParts } from './test-zip.ts';

const limits = (l: Partial<TableLimits> = {}): TableLimits => ({ ...DEFAULT_TABLE_LIMITS, ...l });

async function refusal(p: Promise<unknown>): Promise<TableError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TableError) return e;
    throw e;
  }
  throw new Error('expected a TableError');
}

async function xlsx(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('data');
  build(ws, wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---- the reader before this change (exceljs loads the whole workbook), as the reference ----
function refCellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return refCellValue(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('error' in v) return null;
  }
  return v;
}
async function referenceXlsx(bytes: Buffer): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  let headerRow = 1;
  while (
    headerRow <= ws.rowCount &&
    String(refCellValue(ws.getRow(headerRow).getCell(1).value) ?? '').startsWith('#')
  )
    headerRow++;
  const columns: string[] = [];
  ws.getRow(headerRow).eachCell({ includeEmpty: false }, (cell, col) => {
    columns[col - 1] = String(refCellValue(cell.value) ?? '').trim();
  });
  const rows: Table['rows'] = [];
  for (let i = headerRow + 1; i <= ws.rowCount; i++) {
    const row = ws.getRow(i);
    if (!row.hasValues) continue;
    const cells: Record<string, unknown> = {};
    columns.forEach((c, idx) => {
      if (c) cells[c] = refCellValue(row.getCell(idx + 1).value);
    });
    rows.push({ line: i, cells });
  }
  return { columns: columns.filter(Boolean), rows };
}
function referenceCsv(bytes: Buffer): Table {
  let columns: string[] = [];
  const records = parse(bytes, {
    bom: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
    comment: '#',
    columns: (header: string[]) => {
      columns = header.map((h) => h.trim());
      return columns;
    },
  }) as { record: Record<string, string>; info: { lines: number } }[];
  return { columns, rows: records.map((r) => ({ line: r.info.lines, cells: r.record })) };
}

describe('table reader: normal files read as before', () => {
  it('an XLSX with strings, numbers, dates, booleans, rich text, formulas, links and a marking row', async () => {
    const bytes = await xlsx((ws) => {
      ws.addRow(['# TLP:GREEN — marking line of an export']);
      ws.addRow(['name', ' quantity ', 'date', 'active', 'note', 'total', 'link', '', 'tail']);
      ws.addRow([
        'Scanner X',
        12,
        new Date(Date.UTC(2024, 2, 15)),
        true,
        { richText: [{ text: 'rich ' }, { text: 'text', font: { bold: true } }] },
        { formula: 'B3*2', result: 24 },
        { text: 'EUCAB', hyperlink: 'https://example.eu' },
        'no header',
        'x',
      ]);
      ws.addRow([]);
      ws.addRow([
        'Détecteur « Ü »',
        3.5,
        new Date(Date.UTC(1999, 11, 31, 18, 0)),
        false,
        '',
        { formula: 'B5*2', result: 7 },
        null,
        null,
        null,
      ]);
      ws.getCell('C5').numFmt = 'dd/mm/yyyy hh:mm';
      ws.getCell('B5').numFmt = '0.00';
      ws.addRow([null, null, null, null, null, null, null, null, 'only tail']);
      ws.addRow(['=not a formula', '007', 'error cell']);
      ws.getCell('C7').value = { error: '#N/A' } as never;
    });
    const expected = await referenceXlsx(bytes);
    const got = await readTable('xlsx', bytes, { limits: limits() });
    expect(got).toEqual(expected);
    expect(got.rows[0]!.cells).toMatchObject({
      name: 'Scanner X',
      quantity: 12,
      date: '2024-03-15',
      active: true,
    });
  });

  it('an XLSX written by exceljs with 3,000 rows reads identically', async () => {
    const bytes = await xlsx((ws) => {
      ws.addRow(['id', 'label', 'value', 'day']);
      for (let i = 0; i < 3000; i++)
        ws.addRow([i, `label ${i % 17}`, i / 7, new Date(Date.UTC(2020, 0, 1 + (i % 400)))]);
    });
    expect(await readTable('xlsx', bytes, { limits: limits() })).toEqual(await referenceXlsx(bytes));
  });

  it('a CSV with a BOM, a comment line, quotes and line breaks in cells', async () => {
    const bytes = Buffer.from('\uFEFF# TLP:CLEAR\nname , qty\n"Scanner, X", 3\n\n"two\nlines",4\n', 'utf8');
    expect(await readTable('csv', bytes, { limits: limits(), comment: '#' })).toEqual(referenceCsv(bytes));
  });

  it('JSON lines: header from the first object, values by position', async () => {
    const recs: unknown[] = [];
    for await (const r of tableRecords('jsonl', Buffer.from('{"id":"a","n":1}\n\n{"id":"b","n":2,"x":3}\n'), {
      limits: limits(),
    }))
      recs.push(r);
    expect(recs).toEqual([
      { line: 1, values: ['id', 'n'] },
      { line: 1, values: ['a', 1] },
      { line: 3, values: ['b', 2] },
    ]);
  });
});

describe('table reader: limits, enforced while reading', () => {
  it('an XLSX bomb: a small file whose shared strings expand beyond the part limit (413)', async () => {
    // 20 MB of shared strings zip to a few kB.
    const si =
      '<si><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></si>';
    const bytes = zipParts(
      workbookParts('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', si.repeat(200_000)),
    );
    expect(bytes.length).toBeLessThan(200_000);
    const e = await refusal(readTable('xlsx', bytes, { limits: limits({ maxPartBytes: 1_048_576 }) }));
    expect(e.status).toBe(413);
    expect(e.limit).toBe('TABLE_MAX_PART_BYTES');
    expect(e.message).toBe(
      'Part xl/sharedStrings.xml of the workbook expands beyond 1 MB (TABLE_MAX_PART_BYTES).',
    );
  });

  it('an XLSX bomb in the sheet: refused by the declared size, before inflating', async () => {
    const rows = '<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(100_000);
    const bytes = zipParts(workbookParts(rows));
    const e = await refusal(readTable('xlsx', bytes, { limits: limits({ maxPartBytes: 1_048_576 }) }));
    expect(e.status).toBe(413);
    expect(e.message).toMatch(/^Part xl\/worksheets\/sheet1\.xml of the workbook expands beyond 1 MB/);
  });

  it('a zip whose declared sizes lie is stopped while inflating', async () => {
    const rows = '<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(200_000);
    const parts = workbookParts(rows);
    parts[parts.length - 1]!.declaredSize = 1000;
    const e = await refusal(readTable('xlsx', zipParts(parts), { limits: limits() }));
    expect(e.status).toBe(413);
    expect(e.message).toMatch(
      /xl\/worksheets\/sheet1\.xml .*expands beyond the 1,000 bytes its zip entry declares/,
    );
  });

  it('the whole workbook beyond TABLE_MAX_UNCOMPRESSED_BYTES (413)', async () => {
    const si = `<si><t>${'b'.repeat(90)}</t></si>`.repeat(10_000);
    const bytes = zipParts(workbookParts('<row r="1"><c t="s"><v>0</v></c></row>', si));
    const e = await refusal(
      readTable('xlsx', bytes, {
        limits: limits({ maxPartBytes: 2_000_000, maxUncompressedBytes: 500_000 }),
      }),
    );
    expect(e.status).toBe(413);
    expect(e.limit).toBe('TABLE_MAX_UNCOMPRESSED_BYTES');
  });

  it('one short shared string referenced by many cells cannot amplify beyond the text limit', async () => {
    const rows = Array.from(
      { length: 2000 },
      (_, i) => `<row r="${i + 1}"><c t="s"><v>0</v></c><c t="s"><v>0</v></c></row>`,
    ).join('');
    const bytes = zipParts(workbookParts(rows, `<si><t>${'c'.repeat(500)}</t></si>`));
    const e = await refusal(readTable('xlsx', bytes, { limits: limits({ maxUncompressedBytes: 300_000 }) }));
    expect(e.status).toBe(413);
    expect(e.limit).toBe('TABLE_MAX_UNCOMPRESSED_BYTES');
    expect(e.message).toMatch(/cells of the table hold more than 300,000 bytes of text/);
    expect(e.line).toBeLessThan(400);
  });

  it('too many rows (422, with the line where reading stopped)', async () => {
    const bytes = await xlsx((ws) => {
      ws.addRow(['a']);
      for (let i = 0; i < 30; i++) ws.addRow([i]);
    });
    const e = await refusal(readTable('xlsx', bytes, { limits: limits({ maxRows: 10 }) }));
    expect(e.status).toBe(422);
    expect(e.limit).toBe('TABLE_MAX_ROWS');
    expect(e.line).toBe(12);
    expect(e.message).toBe('The sheet has more than 10 rows (the limit, TABLE_MAX_ROWS): split it.');
    const comments = zipParts(
      workbookParts(
        Array.from(
          { length: 30 },
          (_, i) => `<row r="${i + 1}"><c t="inlineStr"><is><t>#</t></is></c></row>`,
        ).join(''),
      ),
    );
    const k = await refusal(readTable('xlsx', comments, { limits: limits({ maxRows: 10 }) }));
    expect([k.limit, k.line]).toEqual(['TABLE_MAX_ROWS', 11]);
    const csv = Buffer.from(`a\n${'1\n'.repeat(30)}`);
    const c = await refusal(readTable('csv', csv, { limits: limits({ maxRows: 10 }) }));
    expect([c.status, c.limit, c.line]).toEqual([422, 'TABLE_MAX_ROWS', 12]);
  });

  it('too many columns (422)', async () => {
    const bytes = await xlsx((ws) => {
      ws.addRow(Array.from({ length: 12 }, (_, i) => `c${i}`));
    });
    const e = await refusal(readTable('xlsx', bytes, { limits: limits({ maxColumns: 10 }) }));
    expect([e.status, e.limit, e.line]).toEqual([422, 'TABLE_MAX_COLUMNS', 1]);
    expect(e.message).toMatch(/has 11 columns, more than 10 \(the limit, TABLE_MAX_COLUMNS\)/);
    const csv = Buffer.from(`${Array.from({ length: 12 }, (_, i) => `c${i}`).join(',')}\n`);
    const c = await refusal(readTable('csv', csv, { limits: limits({ maxColumns: 10 }) }));
    expect([c.status, c.limit]).toEqual([422, 'TABLE_MAX_COLUMNS']);
    expect(c.message).toMatch(/12 columns/);
  });

  it('a too-long cell (422, with line and column)', async () => {
    const bytes = await xlsx((ws) => {
      ws.addRow(['name', 'note']);
      ws.addRow(['ok', 'short']);
      ws.addRow(['ok', 'n'.repeat(150)]);
    });
    const e = await refusal(readTable('xlsx', bytes, { limits: limits({ maxCellChars: 100 }) }));
    expect([e.status, e.limit, e.line, e.column]).toEqual([422, 'TABLE_MAX_CELL_CHARS', 3, 'note']);
    expect(e.message).toBe(
      'A cell on line 3 (column "note") has 150 characters, more than 100 (the limit, TABLE_MAX_CELL_CHARS).',
    );
    // An inline string is stopped while it is read.
    const inline = zipParts(
      workbookParts(
        `<row r="1"><c t="inlineStr"><is><t>h</t></is></c></row><row r="2"><c t="inlineStr"><is><t>${'z'.repeat(5000)}</t></is></c></row>`,
      ),
    );
    const i = await refusal(readTable('xlsx', inline, { limits: limits({ maxCellChars: 100 }) }));
    expect([i.line, i.column, i.limit]).toEqual([2, 'h', 'TABLE_MAX_CELL_CHARS']);
    const csv = Buffer.from(`name,note\nok,${'n'.repeat(150)}\n`);
    const c = await refusal(readTable('csv', csv, { limits: limits({ maxCellChars: 100 }) }));
    expect([c.status, c.line, c.column]).toEqual([422, 2, 'note']);
  });

  it('malformed files are 422 without a limit', async () => {
    const e = await refusal(readTable('xlsx', Buffer.from('not a zip at all'), { limits: limits() }));
    expect([e.status, e.limit]).toEqual([422, undefined]);
    expect(e.message).toMatch(/not a valid XLSX workbook/);
    const c = await refusal(readTable('csv', Buffer.from('a,b\n1,"x\n'), { limits: limits() }));
    expect(c.message).toMatch(/not valid CSV/);
  });
});

describe('readTableInWorker', () => {
  it('reads in a worker thread and keeps the TableError', async () => {
    const bytes = await xlsx((ws) => {
      ws.addRow(['a', 'b']);
      ws.addRow([1, 'x']);
    });
    expect(await readTableInWorker('xlsx', bytes, { limits: limits() })).toEqual({
      columns: ['a', 'b'],
      rows: [{ line: 2, cells: { a: 1, b: 'x' } }],
    });
    const e = await refusal(
      readTableInWorker('csv', Buffer.from('a\n1\n2\n3\n'), { limits: limits({ maxRows: 2 }) }),
    );
    expect(e).toBeInstanceOf(TableError);
    expect([e.status, e.limit, e.line]).toEqual([422, 'TABLE_MAX_ROWS', 4]);
  });
});
