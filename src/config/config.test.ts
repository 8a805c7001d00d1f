import { describe, expect, it } from 'vitest';
import { DEFAULT_TABLE_LIMITS, tableLimitsFrom } from '../core/table-reader/limits.ts';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has safe defaults', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.publicUrl).toBe('http://127.0.0.1:3000');
    expect(c.cookieSecure).toBe(false);
  });
  it('marks cookies Secure behind TLS', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://eucab.example.eu/' }).cookieSecure).toBe(true);
  });
  it('rejects invalid values with the variable name', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
  it('has the table reader limits, defaults as documented, each overridable', () => {
    expect(tableLimitsFrom(loadConfig({}))).toEqual(DEFAULT_TABLE_LIMITS);
    expect(
      tableLimitsFrom(loadConfig({ TABLE_MAX_ROWS: '10', TABLE_MAX_PART_BYTES: '1048576' })),
    ).toMatchObject({
      maxRows: 10,
      maxPartBytes: 1_048_576,
    });
    expect(() => loadConfig({ TABLE_MAX_ROWS: '0' })).toThrow(/TABLE_MAX_ROWS/);
  });
});
