import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The command-line interface, run as a person would (a separate process, its own data folder). */
const dir = mkdtempSync(join(tmpdir(), 'eucab-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], env: Record<string, string> = {}) {
  const base: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    LOG_LEVEL: 'silent',
  };
  if (!process.env.DATABASE_URL) base.DATA_DIR = dir;
  else base.DATABASE_URL = process.env.DATABASE_URL;
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    env: { ...base, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe.skipIf(!!process.env.DATABASE_URL)('CLI', () => {
  it('refuses demo data in production, with a clear message and exit code 2', () => {
    const r = cli(['serve', '--demo'], { NODE_ENV: 'production' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Refusing to load demo data with NODE_ENV=production');
  });

  it('rejects bad configuration and unknown commands', () => {
    expect(cli(['help'], { PORT: 'x' }).stderr).toContain('PORT');
    const r = cli(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Unknown command');
  });

  it('bootstrap-admin creates the first administrator once; verify-audit checks the chain', () => {
    const bad = cli(['bootstrap-admin', '--email', 'not-an-email', '--name', 'X']);
    expect(bad.status).toBe(2);
    const ok = cli(['bootstrap-admin', '--email', 'first.admin@example.eu', '--name', 'First Admin']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/reset-password\?token=[a-z2-7]{40,}/);
    const again = cli(['bootstrap-admin', '--email', 'second.admin@example.eu', '--name', 'Second']);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already exists');
    const verify = cli(['verify-audit']);
    expect(verify.status).toBe(0);
    expect(verify.stdout).toMatch(/Audit chain intact: 1 events verified/);
  });
});
