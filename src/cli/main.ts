import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkpointSettings, startAuditCheckpoints } from '../audit/checkpoint.ts';
import { checkOutputPath } from '../backup/archive.ts';
import { BackupFailed, BackupRefused } from '../backup/errors.ts';
import { restoreBackup } from '../backup/restore.ts';
import { type Config, ConfigError, loadConfig } from '../config/config.ts';
import { type DatabaseHandle, openDatabase } from '../db/connection.ts';
import { DataDirInUseError } from '../db/data-dir-lock.ts';
import { KINDS } from '../registry/kinds/index.ts';
import { seedDemoData } from '../seed/demo-data.ts';
import { seedDiscussionsDemo } from '../seed/discussions-demo.ts';
import { seedDocumentsDemo } from '../seed/documents-demo.ts';
import { seedInnovationDemo } from '../seed/innovation-demo.ts';
import { seedIntegrityDemo } from '../seed/integrity-demo.ts';
import { seedMeetingsDemo } from '../seed/meetings-demo.ts';
import { seedMessagesDemo } from '../seed/messages-demo.ts';
import { seedProcurementDemo } from '../seed/procurement-demo.ts';
import { seedRiskDemo } from '../seed/risk-demo.ts';
import { seedRiskInformationDemo } from '../seed/risk-information-demo.ts';
import { seedRiskSharingDemo } from '../seed/risk-sharing-demo.ts';
import { seedThirdCountriesDemo } from '../seed/third-countries-demo.ts';
import { seedTrainingDemo } from '../seed/training-demo.ts';
import { buildApp } from '../server/app.ts';
import { createRuntime } from '../server/runtime.ts';
import { askRunningServer, type ControlSocket, startControlSocket } from './control-socket.ts';
import {
  backupArgs,
  type CommandResult,
  checkCommandArgs,
  runServerCommand,
  type ServerCommand,
} from './db-commands.ts';
import { writeRegistryMigration } from './registry-migration.ts';

const HELP = `EUCAB Cooperation Platform

Usage: npm run cli -- <command> [options]     (or: tsx src/cli/main.ts <command>)

Commands:
  serve [--demo]            migrate, then serve the API and web app (--demo loads the demo
                            data set on first start; refused when NODE_ENV=production)
  migrate                   apply the committed database migrations (a server applies them
                            at start; refused while one runs on the embedded folder)
  bootstrap-admin --email E --name N
                            create the first platform administrator (Support unit) and print
                            a one-time password-setting link; works only while none exists
  verify-audit              verify the audit hash chain (names the first broken link) and that
                            the newest audit checkpoint's event is still there
  audit-checkpoint          write an audit checkpoint now (a running server writes one every
                            AUDIT_CHECKPOINT_MINUTES and at shutdown)
  registry-indexes          print the SQL of the index migration the registry definitions need
                            (against this database)
  registry-migration NAME   write src/db/migrations/<next>_NAME.ts with the indexes the registry
                            definitions need beyond the committed migrations (found by name)
  backup --out FILE         write a backup of the database (uploaded files included) and of
                            DATA_DIR's audit checkpoint and demo sheets to FILE (a new file);
                            a running server takes it for the CLI (see README.md)
  restore --from FILE [--force]
                            restore a backup into an empty DATA_DIR (embedded) or an empty
                            DATABASE_URL database, check it against the backup's manifest and
                            migrate it; --force replaces a database that is not empty (the old
                            one is kept aside). Refused while a server uses the database
  training-programme FILE [--time-limit 60] [--gap 0.01] [--greedy] [--json]
                            compute a training cooperation programme from a JSON input
                            (needs, courses, trainers, facilities; src/engines/training-programme)
  help                      this text

Configuration comes from environment variables (see README.md).

Embedded database (no DATABASE_URL): one process at a time may open DATA_DIR (lock file
DATA_DIR/eucab.lock naming its pid, host and start). While a server runs on the folder,
verify-audit, audit-checkpoint, registry-indexes, bootstrap-admin and backup are run by that server
(through its control socket DATA_DIR/eucab-control.sock); migrate, restore and a second serve are
refused. A lock left by a process that no longer exists (e.g. after a crash) is taken over
automatically.`;

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

function emit(r: CommandResult): never {
  if (r.stdout) console.log(r.stdout);
  if (r.stderr) console.error(r.stderr);
  process.exit(r.code);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs a database command in this process, or — when a server holds the embedded data folder —
 * in that server, through its control socket (the folder admits one process at a time).
 */
async function runDatabaseCommand(config: Config, command: ServerCommand, given: string[]): Promise<never> {
  const bad = checkCommandArgs(command, given);
  if (bad) emit(bad);
  process.exitCode = 1; // should the work stall and the event loop empty, never report success
  let args = given;
  if (command === 'backup') {
    // The server may run in another folder: it gets the path absolute. Checked before opening.
    const out = resolve((backupArgs(given) as { out: string }).out);
    args = ['--out', out];
    try {
      checkOutputPath(out);
    } catch (e) {
      if (e instanceof BackupRefused) fail(e.message, e.exitCode);
      throw e;
    }
  }
  let session: { handle: DatabaseHandle; close(): Promise<void> };
  try {
    session = command === 'backup' ? await openForBackup(config) : await createRuntime(config);
  } catch (e) {
    if (!(e instanceof DataDirInUseError)) throw e;
    emit(await throughServer(config, e, command, args));
  }
  let result: CommandResult;
  try {
    result = await runServerCommand(command, args, session.handle.db, config, session.handle);
  } finally {
    await session.close();
  }
  emit(result);
}

/** A backup saves the database as it is: opened without migrations, reference data or job clean-up. */
async function openForBackup(config: Config): Promise<{ handle: DatabaseHandle; close(): Promise<void> }> {
  if (!config.DATABASE_URL && !existsSync(join(config.DATA_DIR, 'PG_VERSION')))
    fail(`There is no embedded database in DATA_DIR ${resolve(config.DATA_DIR)} to back up.`);
  const handle = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    lockCommand: 'backup',
  });
  return { handle, close: () => handle.close() };
}

/** `restore --from FILE [--force]`: never through a server (it replaces the database under it). */
async function runRestore(config: Config, args: string[]): Promise<never> {
  let values: { from?: string | undefined; force?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args,
      options: { from: { type: 'string' }, force: { type: 'boolean', default: false } },
      strict: true,
    }));
  } catch (e) {
    fail(`${(e as Error).message}\nUsage: restore --from FILE [--force]`);
  }
  if (!values.from) fail('Usage: restore --from FILE [--force]');
  process.exitCode = 1; // should the work stall and the event loop empty, never report success
  try {
    const r = await restoreBackup(config, { from: values.from, force: !!values.force });
    console.log(r.report.join('\n'));
    process.exit(r.exitCode);
  } catch (e) {
    if (e instanceof BackupRefused || e instanceof BackupFailed) fail(e.message, e.exitCode);
    throw e;
  }
}

async function throughServer(
  config: Config,
  inUse: DataDirInUseError,
  command: ServerCommand,
  args: string[],
): Promise<CommandResult> {
  // A server that is still starting (migrations, demo data) has the lock but no socket yet.
  const deadline = Date.now() + (inUse.holder?.command.startsWith('serve') ? 30_000 : 0);
  for (;;) {
    try {
      return await askRunningServer(config.DATA_DIR, command, args);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if ((code !== 'ENOENT' && code !== 'ECONNREFUSED') || Date.now() > deadline)
        return {
          stdout: '',
          stderr: `${inUse.message}\n(No EUCAB server answers on its control socket${code ? ` (${code})` : ''}: \`${command}\` cannot run until that process has ended.)`,
          code: 2,
        };
      await sleep(250);
    }
  }
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
      // The one process on an embedded folder runs the CLI's database commands for it.
      let control: ControlSocket | undefined;
      if (rt.handle.lock) {
        try {
          control = await startControlSocket(config.DATA_DIR, (c, a) =>
            runServerCommand(c, a, rt.db, config, rt.handle),
          );
        } catch (e) {
          console.warn(
            `No control socket in ${config.DATA_DIR} (${(e as Error).message}): CLI commands are refused while this server runs.`,
          );
        }
      }
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
          await seedMeetingsDemo(rt.db);
          await seedMessagesDemo(rt.db);
          await seedRiskDemo(rt.db);
          await seedRiskSharingDemo(rt.db);
          await seedRiskInformationDemo(rt.db);
          await seedDocumentsDemo(rt.db);
          await seedDiscussionsDemo(rt.db);
          await seedIntegrityDemo(rt);
          await seedTrainingDemo(rt.db);
          await seedInnovationDemo(rt.db);
          await seedThirdCountriesDemo(rt);
          // The demo's people start with their digest just sent: the first comes a period later
          // (not about 140 e-mails written to the log at the first start).
          await rt.db
            .updateTable('users')
            .set({ digest_sent_at: new Date() })
            .where('is_demo', '=', true)
            .execute();
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
      // The head of the audit chain, anchored outside the table (src/audit/checkpoint.ts).
      const checkpoints = startAuditCheckpoints(rt.db, checkpointSettings(config), (line) =>
        console.log(line),
      );
      // The start hooks (e.g. loading the screening lists) run before any background work: on the
      // embedded database they would otherwise queue behind the first digests and reminders and
      // miss Fastify's start timeout. Requests are taken only once the background work runs.
      await app.ready();
      rt.outbox.start();
      await rt.jobs.start();
      rt.scheduler.start();
      await app.listen({ host: config.HOST, port: config.PORT });
      console.log(
        `\nEUCAB Cooperation Platform is running at ${config.publicUrl}  (database: ${rt.engine}${rt.engine === 'pglite' ? `, data in ${config.DATA_DIR}` : ''})`,
      );
      console.log(`API reference: ${config.publicUrl}/api/docs`);
      if (values.demo && existsSync(credentialsFile))
        console.log(`\n${readFileSync(credentialsFile, 'utf8')}`);
      const stop = async () => {
        await control?.close();
        await app.close();
        await checkpoints.stop();
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
      let rt: Awaited<ReturnType<typeof createRuntime>>;
      try {
        rt = await createRuntime(config);
      } catch (e) {
        if (!(e instanceof DataDirInUseError)) throw e;
        fail(
          `${e.message}\nmigrate is refused while another process holds the folder: ${
            e.holder?.command.startsWith('serve')
              ? 'the running server applied the migrations when it started.'
              : 'run it again when that process has ended.'
          }`,
        );
      }
      console.log('Migrations applied.');
      await rt.close();
      return;
    }
    case 'bootstrap-admin':
    case 'registry-indexes':
    case 'audit-checkpoint':
    case 'verify-audit':
    case 'backup':
      return runDatabaseCommand(config, command, rest);
    case 'restore':
      return runRestore(config, rest);
    case 'registry-migration': {
      const [name, ...extra] = rest;
      if (!name || extra.length)
        fail('Usage: registry-migration NAME   (e.g. registry-migration innovation_indexes)');
      try {
        const written = await writeRegistryMigration(name, KINDS);
        if (!written)
          console.log('The committed migrations already create every index the definitions ask for.');
        else console.log(`Wrote ${written.file} (migration ${written.id}):\n${written.statements}`);
      } catch (e) {
        fail((e as Error).message);
      }
      return;
    }
    case 'training-programme': {
      const { runCli } = await import('../engines/training-programme/cli.ts');
      process.exitCode = await runCli(rest);
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
  // A second process on an embedded data folder: the message names the holder; no stack trace.
  if (e instanceof DataDirInUseError) fail(e.message);
  console.error(e);
  process.exit(1);
});
