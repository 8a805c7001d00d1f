import { describe, expect, it } from 'vitest';
import { DEFAULT_TABLE_LIMITS } from '../../core/table-reader/limits.ts';
import { parseUserCsv } from './user-import.ts';

describe('parseUserCsv', () => {
  it('parses valid rows with optional columns and a BOM', async () => {
    const r = await parseUserCsv(
      '\uFEFFemail,display_name,roles\na@b.eu,A,risk_analyst; screening_reviewer\n',
      ['risk_analyst', 'screening_reviewer'],
      { worker: false },
    );
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      {
        line: 2,
        email: 'a@b.eu',
        display_name: 'A',
        locale: 'en',
        roles: ['risk_analyst', 'screening_reviewer'],
      },
    ]);
  });
  it('reports malformed CSV with its line', async () => {
    const r = await parseUserCsv('email,display_name\na@b.eu,"unterminated\n', [], { worker: false });
    expect(r.rows).toEqual([]);
    expect(r.errors[0]!.reason).toMatch(/not valid CSV/);
  });
  it('reports a wrong column count', async () => {
    const r = await parseUserCsv('email,display_name\na@b.eu,A,extra\n', [], { worker: false });
    expect(r.errors[0]!.reason).toMatch(/not valid CSV/);
  });
  it('refuses files over the row limit', async () => {
    const r = await parseUserCsv(`email,display_name\n${'a@b.eu,A\n'.repeat(3)}`, [], {
      maxRows: 2,
      worker: false,
    });
    expect(r.errors[0]!.reason).toMatch(/more than 2 rows/);
  });
  it("throws the reader's limit errors (TABLE_MAX_ROWS, TABLE_MAX_CELL_CHARS)", async () => {
    const limits = { ...DEFAULT_TABLE_LIMITS, maxRows: 2, maxCellChars: 50 };
    await expect(
      parseUserCsv(`email,display_name\n${'a@b.eu,A\n'.repeat(3)}`, [], { limits, worker: false }),
    ).rejects.toMatchObject({ status: 422, limit: 'TABLE_MAX_ROWS', line: 4 });
    await expect(
      parseUserCsv(`email,display_name\na@b.eu,${'x'.repeat(60)}\n`, [], { limits, worker: false }),
    ).rejects.toMatchObject({ status: 422, limit: 'TABLE_MAX_CELL_CHARS', line: 2, column: 'display_name' });
  });
});
