import { describe, expect, it } from 'vitest';
import { BackupRefused } from './errors.ts';
import { choosePgTool, libpqConnection, majorOf, type PgTool } from './pg-tools.ts';

const tool = (major: number, path = `/usr/lib/postgresql/${major}/bin/pg_dump`): PgTool => ({
  path,
  major,
  version: `pg_dump (PostgreSQL) ${major}.2`,
});

describe('PostgreSQL client tools', () => {
  it('reads major versions of tools and servers', () => {
    expect(majorOf('pg_dump (PostgreSQL) 15.14 (Debian 15.14-0+deb12u1)')).toBe(15);
    expect(majorOf('pg_restore (PostgreSQL) 17.2')).toBe(17);
    expect(majorOf('16.4')).toBe(16);
    expect(majorOf('not a version')).toBeUndefined();
  });

  it('takes the version of the server, else the closest newer one; refuses older ones, naming them', () => {
    const tools = [tool(13), tool(17), tool(15), tool(16)];
    expect(choosePgTool('pg_dump', tools, { atLeast: 15, prefer: 15, why: '' }).major).toBe(15);
    expect(
      choosePgTool('pg_dump', [tool(13), tool(17), tool(16)], { atLeast: 15, prefer: 15, why: '' }).major,
    ).toBe(16);
    const refuse = () =>
      choosePgTool('pg_dump', [tool(13)], { atLeast: 15, prefer: 15, why: 'to dump this database' });
    expect(refuse).toThrow(BackupRefused);
    expect(refuse).toThrow(
      /pg_dump of PostgreSQL 15 or newer is needed to dump this database; found only pg_dump 13 \(\/usr\/lib\/postgresql\/13\/bin\/pg_dump\)\. Install .*postgresql-client-15/,
    );
    expect(() => choosePgTool('pg_restore', [], { atLeast: 15, prefer: 15, why: 'x' })).toThrow(
      /pg_restore was not found on PATH nor in \/usr\/lib\/postgresql/,
    );
  });

  it('keeps the password off the command line', () => {
    expect(libpqConnection('postgres://eucab:s%40cret@db.internal:5433/eucab?sslmode=require')).toEqual({
      url: 'postgres://eucab@db.internal:5433/eucab?sslmode=require',
      password: 's@cret',
    });
    expect(libpqConnection('postgres://postgres@127.0.0.1:5432/x')).toEqual({
      url: 'postgres://postgres@127.0.0.1:5432/x',
      password: undefined,
    });
  });
});
