import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { verifyAuditChain } from '../audit/verify-chain.ts';
import { ConfigError, loadConfig } from '../config/config.ts';
import { indexMigrationSql } from '../registry/index-sql.ts';
import { KINDS } from '../registry/kinds/index.ts';
import { seedDemoData } from '../seed/demo-data.ts';
import { seedProcurementDemo } from '../seed/procurement-demo.ts';
import { seedRiskDemo } from '../seed/risk-demo.ts';
import { buildApp } from '../server/app.ts';
import { createRuntime } from '../server/runtime.ts';
import { bootstrapAdmin } from './bootstrap-admin.ts';

const HELP = `EUCAB Cooperation Platform

Usage: npm run cli -- <command> [options]     (or: tsx src/cli/main.ts <command>)

Commands:
  serve [--demo]            migrate, then serve the API and web app (--demo loads the demo
                            data set on first start; refused when NODE_ENV=production)
  migrate                   apply the committed database migrations
  bootstrap-admin --email E --name N
                            create the first platform administrator (Support unit) and print
                            a one-time password-setting link; works only while none exists
  verify-audit              verify the audit hash chain; names the first broken link
  registry-indexes          print the SQL of the index migration the registry definitions need
  help                      this text

Configuration comes from environment variables (see README.md).`;

/** The demo accounts printed at start: one of each role, and the journeys' main characters. */
const SHOWCASE = [
  'admin',
  'observer',
  'at.ncp',
  'be.deputy',
  'at.expert',
  'nl.expert',
  'de.expert',
  'de.analyst',
  'fr.expert',
  'be.expert',
];
const NOTES: Record<string, string> = {
  'nl.expert': 'coordinator of Risk management, expert in Procurement',
  'de.expert': 'coordinator of Procurement',
  'de.analyst': 'risk analyst and screening reviewer of DE',
  'fr.expert': 'coordinator of Training',
};
function showcaseRole(s: { email: string; role: string }): string {
  return NOTES[s.email.split('@')[0]!] ?? s.role;
}

function fail(msg: string, code = 2): never {
  console.error(msg);
  process.exit(code);
}

async function main() {
  const [command = 'help', ...rest] = process.argv.slice(2);
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message);
    throw e;
  }
  switch (command) {
    case 'serve': {
      const { values } = parseArgs({
        args: rest,
        options: { demo: { type: 'boolean', default: false } },
        strict: true,
      });
      if (values.demo && config.NODE_ENV === 'production')
        fail('Refusing to load demo data with NODE_ENV=production.');
      if (config.NODE_ENV === 'production' && !config.SMTP_URL)
        fail('SMTP_URL is required in production (password reset e-mails).');
      const rt = await createRuntime(config);
      const credentialsFile = join(config.DATA_DIR, 'demo-sign-ins.txt');
      if (values.demo) {
        const seeded = await rt.db
          .selectFrom('users')
          .select('id')
          .where('is_demo', '=', true)
          .limit(1)
          .executeTakeFirst();
        if (!seeded) {
          console.log('Loading the demo data set …');
          const creds = await seedDemoData(rt.db);
          await seedProcurementDemo(rt.db);
          await seedRiskDemo(rt.db);
          mkdirSync(config.DATA_DIR, { recursive: true });
          const lines = [
            'DEMO sign-ins of the EUCAB Cooperation Platform (demo data, not for production).',
            `Password for every demo account: ${creds.password}`,
            'Accounts with a TOTP secret need a code from an authenticator app (add the secret by hand).',
            ...creds.signIns
              .filter((s) => SHOWCASE.includes(s.email.split('@')[0]!))
              .map(
                (s) =>
                  `  ${s.email.padEnd(34)} ${showcaseRole(s)}${s.totpSecret ? `   TOTP secret: ${s.totpSecret}` : ''}`,
              ),
            `  … and <country>.ncp / <country>.analyst / <country>.expert @demo.eucab.eu for all 27 administrations (NCP TOTP secrets: npm run cli -- demo-sign-ins)`,
          ];
          writeFileSync(credentialsFile, `${lines.join('\n')}\n`, { mode: 0o600 });
          writeFileSync(
            join(config.DATA_DIR, 'demo-totp-secrets.txt'),
            `${creds.signIns
              .filter((s) => s.totpSecret)
              .map((s) => `${s.email} ${s.totpSecret}`)
              .join('\n')}\n`,
            { mode: 0o600 },
          );
        }
      }
      const app = await buildApp(rt);
      rt.outbox.start();
      await rt.jobs.start();
      await app.listen({ host: config.HOST, port: config.PORT });
      console.log(
        `\nEUCAB Cooperation Platform is running at ${config.publicUrl}  (database: ${rt.engine}${rt.engine === 'pglite' ? `, data in ${config.DATA_DIR}` : ''})`,
      );
      console.log(`API reference: ${config.publicUrl}/api/docs`);
      if (values.demo && existsSync(credentialsFile))
        console.log(`\n${readFileSync(credentialsFile, 'utf8')}`);
      const stop = async () => {
        await app.close();
        await rt.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      return;
    }
    case 'demo-sign-ins': {
      const file = join(config.DATA_DIR, 'demo-totp-secrets.txt');
      if (!existsSync(file)) fail('No demo data has been loaded in this data folder.');
      console.log(readFileSync(file, 'utf8'));
      return;
    }
    case 'migrate': {
      const rt = await createRuntime(config);
      console.log('Migrations applied.');
      await rt.close();
      return;
    }
    case 'bootstrap-admin': {
      const { values } = parseArgs({
        args: rest,
        options: { email: { type: 'string' }, name: { type: 'string' } },
        strict: true,
      });
      if (!values.email || !values.name) fail('Usage: bootstrap-admin --email ADDRESS --name "FULL NAME"');
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(values.email))
        fail(`"${values.email}" is not an e-mail address.`);
      const rt = await createRuntime(config);
      try {
        const out = await bootstrapAdmin(rt.db, config, { email: values.email, name: values.name });
        console.log(`Platform administrator ${values.email} created in the Support unit.`);
        console.log(`Set the password within 24 hours (the link works once):\n  ${out.resetLink}`);
        console.log('At first sign-in the administrator enrols a TOTP second factor (mandatory).');
      } catch (e) {
        await rt.close();
        fail((e as Error).message);
      }
      await rt.close();
      return;
    }
    case 'registry-indexes': {
      // Prints the SQL of the next generated index migration (empty when definitions and database agree).
      const rt = await createRuntime(config);
      const rows = await sql<{
        indexname: string;
      }>`SELECT indexname FROM pg_indexes WHERE indexname LIKE 'registry_idx_%'`.execute(rt.db);
      await rt.close();
      const out = indexMigrationSql(
        KINDS,
        rows.rows.map((r) => r.indexname),
      );
      console.log(out || '-- the database already has the indexes the definitions ask for');
      return;
    }
    case 'verify-audit': {
      const rt = await createRuntime(config);
      const report = await verifyAuditChain(rt.db);
      await rt.close();
      if (report.ok) {
        console.log(`Audit chain intact: ${report.events} events verified.`);
        return;
      }
      fail(
        `Audit chain BROKEN at event #${report.brokenAt}: ${report.reason} (${report.events} events read).`,
        1,
      );
      return;
    }
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return;
    default:
      fail(`Unknown command "${command}".\n\n${HELP}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
