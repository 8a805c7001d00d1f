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

  it('names the variable, the problem of the value and an example in every message', () => {
    const message = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as Error).message;
      }
      throw new Error(`accepted ${JSON.stringify(env)}`);
    };
    expect(message({ PORT: 'eighty' })).toMatch(
      /PORT="eighty": must be a port number from 0 to 65,535; e\.g\. PORT=3000/,
    );
    expect(message({ PORT: '80.5' })).toMatch(/PORT="80\.5": must be a port number/);
    expect(message({ PORT: '70000' })).toMatch(/PORT="70000": must be at most 65535/);
    expect(message({ LOGIN_MAX_FAILURES: '2.5' })).toMatch(
      /LOGIN_MAX_FAILURES="2\.5": must be a whole number.*e\.g\./,
    );
    expect(message({ MFA_MAX_ATTEMPTS: '1e2' })).toMatch(/MFA_MAX_ATTEMPTS="1e2": must be a whole number/);
    expect(message({ BODY_LIMIT_BYTES: '0x100000' })).toMatch(/BODY_LIMIT_BYTES=.*a number of bytes/);
    expect(message({ SESSION_TTL_HOURS: 'eight' })).toMatch(
      /SESSION_TTL_HOURS="eight": must be hours \(a decimal number such as 1\.5\); e\.g\. SESSION_TTL_HOURS=8/,
    );
    expect(message({ SESSION_TTL_HOURS: '0' })).toMatch(
      /SESSION_TTL_HOURS="0": must be at least 0\.1 \(hours\)/,
    );
    expect(message({ SESSION_TTL_HOURS: '-1' })).toMatch(/SESSION_TTL_HOURS="-1": must be at least/);
    expect(message({ SESSION_IDLE_MINUTES: '1' })).toMatch(/SESSION_IDLE_MINUTES="1": must be at least 2/);
    expect(message({ NODE_ENV: 'prod' })).toMatch(
      /NODE_ENV="prod": must be one of development, production, test; e\.g\. NODE_ENV=production/,
    );
    expect(message({ LOG_LEVEL: 'verbose' })).toMatch(/LOG_LEVEL="verbose": must be one of fatal, error/);
    expect(message({ TRUST_PROXY: 'on' })).toMatch(
      /TRUST_PROXY="on": must be one of true, false, 1, 0, yes, no/,
    );
    expect(message({ COOKIE_SECURE: 'maybe' })).toMatch(/COOKIE_SECURE="maybe": must be one of/);
    expect(message({ PUBLIC_URL: 'eucab.example.eu' })).toMatch(
      /PUBLIC_URL="eucab\.example\.eu": is not a URL: it must start with http:\/\/ or https:\/\/; e\.g\. PUBLIC_URL=https:\/\/eucab\.example\.eu/,
    );
    expect(message({ PUBLIC_URL: 'ftp://eucab.example.eu' })).toMatch(
      /PUBLIC_URL=.*must start with http:\/\/ or https:\/\/ \(not ftp:\/\/\)/,
    );
    expect(message({ PUBLIC_URL: 'https://eucab.example.eu/?x=1' })).toMatch(
      /PUBLIC_URL=.*must not have a query/,
    );
    expect(message({ SMTP_URL: 'relay.example.eu:587' })).toMatch(
      /SMTP_URL=.*must start with smtp:\/\/ or smtps:\/\//,
    );
    expect(message({ SMTP_URL: 'http://relay.example.eu' })).toMatch(
      /SMTP_URL=.*\(not http:\/\/\).*e\.g\. SMTP_URL=smtp:/,
    );
    expect(message({ DATABASE_URL: 'mysql://db/eucab' })).toMatch(
      /DATABASE_URL="mysql:\/\/db\/eucab": must start with postgres:\/\/ or postgresql:\/\//,
    );
    expect(message({ MAIL_FROM: 'EUCAB Platform' })).toMatch(
      /MAIL_FROM="EUCAB Platform": must be an e-mail address/,
    );
    expect(message({ HOST: 'http://0.0.0.0' })).toMatch(
      /HOST="http:\/\/0\.0\.0\.0": must be a host name or IP address/,
    );
    expect(message({ OCDS_OCID_PREFIX: 'ocds-ABC' })).toMatch(
      /OCDS_OCID_PREFIX="ocds-ABC": must be an OCDS prefix.*e\.g\./,
    );
    expect(message({ BODY_MAX_DEPTH: '0' })).toMatch(/BODY_MAX_DEPTH="0": must be at least 1/);
    expect(message({ SCREENING_LISTS: 'xml:/x' })).toMatch(
      /SCREENING_LISTS="xml:\/x": entry "xml:\/x": unknown format "xml"/,
    );
    expect(message({ SCREENING_LISTS: 'nolocation' })).toMatch(
      /SCREENING_LISTS=.*expected \[listId=\]format:location/,
    );
    // several wrong variables: one line each
    expect(message({ PORT: 'x', LOG_LEVEL: 'y' }).split('\n')).toHaveLength(3);
  });

  it('never shows the password of a URL in a message', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://eucab:s3cret@db/eucab' })).toThrow(
      /DATABASE_URL="mysql:\/\/eucab:\*\*\*@db\/eucab"/,
    );
    expect(() => loadConfig({ SMTP_URL: 'http://u:s3cret@relay' })).toThrow(
      /SMTP_URL="http:\/\/u:\*\*\*@relay"/,
    );
    expect(() => loadConfig({ SMTP_URL: 'smtp//u:s3cret@relay' })).toThrow(
      /SMTP_URL="smtp\/\/u:\*\*\*@relay"/,
    );
  });

  it('accepts what the code accepts: fractions for durations, URL schemes, flags, empty as unset', () => {
    const c = loadConfig({
      SESSION_TTL_HOURS: '1.5',
      SESSION_IDLE_MINUTES: '7.5',
      MFA_STAGE_MINUTES: '2.5',
      LOGIN_LOCK_MINUTES: '0.5',
      DATABASE_URL: 'postgresql://eucab:pw@db.internal:5432/eucab',
      SMTP_URL: 'smtps://user:pass@relay.example.eu:465',
      PUBLIC_URL: 'https://eucab.example.eu/',
      TRUST_PROXY: 'YES',
      COOKIE_SECURE: ' false ',
      MAIL_FROM: 'no-reply@eucab.example.eu',
      PORT: ' 8080 ',
      HOST: '::',
      SCREENING_LISTS: 'un:/data/un.xml,eu833=eu-833-csv:/data/eu833.csv',
      BODY_MAX_DEPTH: '',
      LOG_LEVEL: '',
    });
    expect(c).toMatchObject({
      SESSION_TTL_HOURS: 1.5,
      SESSION_IDLE_MINUTES: 7.5,
      MFA_STAGE_MINUTES: 2.5,
      LOGIN_LOCK_MINUTES: 0.5,
      TRUST_PROXY: true,
      COOKIE_SECURE: false,
      PORT: 8080,
      BODY_MAX_DEPTH: 64,
      LOG_LEVEL: 'info',
      publicUrl: 'https://eucab.example.eu',
      cookieSecure: false,
    });
    expect(loadConfig({ DATABASE_URL: 'postgres:///eucab?host=/run/postgresql' }).DATABASE_URL).toBe(
      'postgres:///eucab?host=/run/postgresql',
    );
    expect(loadConfig({ MAIL_FROM: 'EUCAB <no-reply@eucab.example.eu>' }).MAIL_FROM).toBe(
      'EUCAB <no-reply@eucab.example.eu>',
    );
    expect(loadConfig({ BODY_MAX_DEPTH: '32' }).BODY_MAX_DEPTH).toBe(32);
  });
});
