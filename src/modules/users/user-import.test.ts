import { describe, expect, it } from 'vitest';
import { parseUserCsv } from './user-import.ts';

describe('parseUserCsv', () => {
  it('parses valid rows with optional columns and a BOM', () => {
    const r = parseUserCsv('\uFEFFemail,display_name,roles\na@b.eu,A,risk_analyst; screening_reviewer\n', [
      'risk_analyst',
      'screening_reviewer',
    ]);
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
  it('reports malformed CSV with its line', () => {
    const r = parseUserCsv('email,display_name\na@b.eu,"unterminated\n', []);
    expect(r.rows).toEqual([]);
    expect(r.errors[0]!.reason).toMatch(/not valid CSV/);
  });
  it('reports a wrong column count', () => {
    const r = parseUserCsv('email,display_name\na@b.eu,A,extra\n', []);
    expect(r.errors[0]!.reason).toMatch(/not valid CSV/);
  });
  it('refuses files over the row limit', () => {
    const r = parseUserCsv(`email,display_name\n${'a@b.eu,A\n'.repeat(3)}`, [], 2);
    expect(r.errors[0]!.reason).toMatch(/more than 2 rows/);
  });
});
