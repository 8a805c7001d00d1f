import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import {
  checkAgainstCheckpoint,
  checkpointSettings,
  readCheckpoint,
  writeAuditCheckpoint,
} from '../audit/checkpoint.ts';
import { verifyAuditChain } from '../audit/verify-chain.ts';
import { createBackup } from '../backup/backup.ts';
import { BackupFailed, BackupRefused } from '../backup/errors.ts';
import type { Config } from '../config/config.ts';
import type { Database, DatabaseHandle } from '../db/connection.ts';
import { indexMigrationSql } from '../registry/index-sql.ts';
import { KINDS } from '../registry/kinds/index.ts';
import { bootstrapAdmin } from './bootstrap-admin.ts';

/**
 * The CLI commands that work on the database and may also run inside the server that holds an
 * embedded data folder (through its control socket, see control-socket.ts): the CLI and the
 * server run these very functions, so the output is the same either way.
 */
export const SERVER_COMMANDS = [
  'verify-audit',
  'audit-checkpoint',
  'registry-indexes',
  'bootstrap-admin',
  'backup',
] as const;
export type ServerCommand = (typeof SERVER_COMMANDS)[number];

export function isServerCommand(c: string): c is ServerCommand {
  return (SERVER_COMMANDS as readonly string[]).includes(c);
}

export interface CommandResult {
  stdout: string;
  stderr: string;
  /** The process exit code: 0 done, 1 a finding (broken audit chain, internal error), 2 refused. */
  code: number;
}

const out = (stdout: string): CommandResult => ({ stdout, stderr: '', code: 0 });
const refuse = (stderr: string, code = 2): CommandResult => ({ stdout: '', stderr, code });

function bootstrapArgs(args: string[]): { email: string; name: string } | CommandResult {
  let values: { email?: string | undefined; name?: string | undefined };
  try {
    ({ values } = parseArgs({
      args,
      options: { email: { type: 'string' }, name: { type: 'string' } },
      strict: true,
    }));
  } catch (e) {
    return refuse((e as Error).message);
  }
  if (!values.email || !values.name)
    return refuse('Usage: bootstrap-admin --email ADDRESS --name "FULL NAME"');
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(values.email))
    return refuse(`"${values.email}" is not an e-mail address.`);
  return { email: values.email, name: values.name };
}

/** `backup --out FILE`: the file to write (the CLI sends it as an absolute path). */
export function backupArgs(args: string[]): { out: string } | CommandResult {
  let values: { out?: string | undefined };
  try {
    ({ values } = parseArgs({ args, options: { out: { type: 'string' } }, strict: true }));
  } catch (e) {
    return refuse(`${(e as Error).message}\nUsage: backup --out FILE`);
  }
  if (!values.out)
    return refuse('Usage: backup --out FILE   (e.g. backup --out /var/backups/eucab-2026-12-06.tar)');
  return { out: values.out };
}

/** Checks the arguments before any database is opened: a refusal, or null when they are fine. */
export function checkCommandArgs(command: ServerCommand, args: string[]): CommandResult | null {
  if (command === 'bootstrap-admin') {
    const a = bootstrapArgs(args);
    return 'code' in a ? a : null;
  }
  if (command === 'backup') {
    const a = backupArgs(args);
    return 'code' in a ? a : null;
  }
  if (args.length > 0) return refuse(`${command} takes no arguments.`);
  return null;
}

export async function runServerCommand(
  command: ServerCommand,
  args: string[],
  db: Database,
  config: Config,
  /** The open database (backup needs PGlite's instance); the process that opened it passes it. */
  handle?: DatabaseHandle,
): Promise<CommandResult> {
  const bad = checkCommandArgs(command, args);
  if (bad) return bad;
  switch (command) {
    case 'verify-audit': {
      const report = await verifyAuditChain(db);
      if (!report.ok)
        return refuse(
          `Audit chain BROKEN at event #${report.brokenAt}: ${report.reason} (${report.events} events read).`,
          1,
        );
      // The chain cannot show its newest events removed: the checkpoint outside the table can.
      const settings = checkpointSettings(config);
      const cp = readCheckpoint(settings.file);
      if (cp instanceof Error) return refuse(`${cp.message} (${report.events} events verified.)`, 1);
      if (!cp)
        return out(
          `Audit chain intact: ${report.events} events verified. No audit checkpoint at ${settings.file}: a deletion of the newest events could not be detected.`,
        );
      const check = await checkAgainstCheckpoint(db, cp, settings.secret);
      if (!check.ok) return refuse(`Audit chain BROKEN: ${check.reason} (${report.events} events read).`, 1);
      return out(
        `Audit chain intact: ${report.events} events verified; checkpoint #${cp.seq} of ${cp.time} (${
          check.signed
            ? settings.secret
              ? 'signature verified'
              : 'signed, but AUDIT_CHECKPOINT_SECRET is not set: signature not checked'
            : 'unsigned'
        }) matches.`,
      );
    }
    case 'audit-checkpoint': {
      const settings = checkpointSettings(config);
      const r = await writeAuditCheckpoint(db, settings);
      if (!r.written) return refuse(r.reason, 1);
      return out(
        `Audit checkpoint written to ${settings.file}: event #${r.checkpoint.seq} (${r.checkpoint.mac ? 'signed' : 'unsigned'}).`,
      );
    }
    case 'registry-indexes': {
      // The SQL of the next generated index migration (empty when definitions and database agree).
      const rows = await sql<{
        indexname: string;
      }>`SELECT indexname FROM pg_indexes WHERE indexname LIKE 'registry_idx_%'`.execute(db);
      const text = indexMigrationSql(
        KINDS,
        rows.rows.map((r) => r.indexname),
      );
      return out(text || '-- the database already has the indexes the definitions ask for');
    }
    case 'backup': {
      if (!handle) return refuse('backup needs the open database of this process.', 1);
      const file = (backupArgs(args) as { out: string }).out;
      try {
        const r = await createBackup({
          handle,
          databaseUrl: config.DATABASE_URL,
          dataDir: config.DATA_DIR,
          out: file,
        });
        return out(r.report.join('\n'));
      } catch (e) {
        if (e instanceof BackupRefused || e instanceof BackupFailed) return refuse(e.message, e.exitCode);
        // Errors of the file system layers do not always carry a message (PGlite's ErrnoError).
        const detail = e instanceof Error && e.message ? e.message : JSON.stringify(e);
        return refuse(`The backup failed (nothing was written): ${detail}`, 1);
      }
    }
    case 'bootstrap-admin': {
      const a = bootstrapArgs(args) as { email: string; name: string };
      try {
        const res = await bootstrapAdmin(db, config, a);
        return out(
          [
            `Platform administrator ${a.email} created in the Support unit.`,
            `Set the password within 24 hours (the link works once):\n  ${res.resetLink}`,
            'At first sign-in the administrator enrols a TOTP second factor (mandatory).',
          ].join('\n'),
        );
      } catch (e) {
        return refuse((e as Error).message);
      }
    }
  }
}
