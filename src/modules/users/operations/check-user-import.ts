import type { Actor } from '../../../access/actor.ts';
import { canManageUsersOf, grantableRoles, outrankingRoles } from '../../../access/admin-policy.ts';
import { TableError, tableLimitsFrom } from '../../../core/table-reader/limits.ts';
import type { Database } from '../../../db/connection.ts';
import type { OrgType } from '../../../db/schema.ts';
import { forbidden, notFound } from '../../../http/errors.ts';
import { tableLimitError } from '../../../http/table-errors.ts';
import { enqueueJob } from '../../../jobs/job-service.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';
import { parseUserCsv, type RowError } from '../user-import.ts';
import { SENIOR_USER_REASON, userImportJob } from '../user-import-job.ts';

type UserActor = Actor & { userId: string; orgId: string };
type ImportOrganisation = { id: string; type: OrgType };

/** What a dry run reports: rows read, how many would be created or updated, every bad cell. */
export interface UserImportReport {
  rows: number;
  valid: number;
  wouldInsert: number;
  wouldUpdate: number;
  errors: RowError[];
}

/** The organisation to import users into, if the caller manages it (403 before the file is read). */
export async function userImportTarget(db: Database, a: Actor, orgId: string): Promise<ImportOrganisation> {
  if (!canManageUsersOf(a, orgId))
    throw forbidden('Only the NCP of the organisation (or a platform administrator) imports its users.');
  const org = await db
    .selectFrom('organisations')
    .select(['id', 'type'])
    .where('id', '=', orgId)
    .executeTakeFirst();
  if (!org) throw notFound('No such organisation.');
  return org;
}

/**
 * Checks a user CSV for an import into `org` without writing: every bad cell, addresses that
 * belong to another organisation, and users whose rights equal or exceed the importer's
 * (admin-policy). The file is read off the main thread, within the TABLE_MAX_* limits (413/422).
 */
export async function checkUserImport(
  deps: AppDeps,
  a: UserActor,
  org: ImportOrganisation,
  bytes: Buffer,
): Promise<UserImportReport> {
  const { db } = deps;
  let parsed: Awaited<ReturnType<typeof parseUserCsv>>;
  try {
    parsed = await parseUserCsv(bytes, grantableRoles(a, org), { limits: tableLimitsFrom(deps.config) });
  } catch (e) {
    if (e instanceof TableError) throw tableLimitError(e);
    throw e;
  }
  // Addresses that already belong to another organisation cannot be imported here.
  const emails = parsed.rows.map((row) => row.email.toLowerCase());
  const existing = new Map<string, string>();
  // Users of this organisation whose rights equal or exceed the importer's (admin-policy).
  const senior = new Set<string>();
  const outranking = outrankingRoles(a, org.id);
  for (let i = 0; i < emails.length; i += 1000) {
    const chunk = emails.slice(i, i + 1000);
    const found = await db
      .selectFrom('users')
      .select((eb) => [eb.fn<string>('lower', ['email']).as('email'), 'organisation_id', 'id'])
      .where((eb) => eb(eb.fn('lower', ['email']), 'in', chunk))
      .execute();
    for (const f of found) existing.set(f.email, f.organisation_id);
    const ids = found.filter((f) => f.organisation_id === org.id && f.id !== a.userId).map((f) => f.id);
    if (ids.length && outranking.length) {
      const held = await db
        .selectFrom('role_grants as g')
        .innerJoin('users as u', 'u.id', 'g.user_id')
        .select((eb) => eb.fn<string>('lower', ['u.email']).as('email'))
        .where('g.user_id', 'in', ids)
        .where('g.role', 'in', outranking)
        .execute();
      for (const h of held) senior.add(h.email);
    }
  }
  const errors = [...parsed.errors];
  let wouldInsert = 0;
  let wouldUpdate = 0;
  for (const row of parsed.rows) {
    const owner = existing.get(row.email.toLowerCase());
    if (owner && owner !== org.id)
      errors.push({
        line: row.line,
        column: 'email',
        reason: 'This address belongs to a user of another organisation.',
      });
    else if (senior.has(row.email.toLowerCase()))
      errors.push({ line: row.line, column: 'email', reason: SENIOR_USER_REASON });
    else if (owner) wouldUpdate++;
    else wouldInsert++;
  }
  errors.sort((x, y) => x.line - y.line);
  return {
    rows: parsed.rows.length + new Set(parsed.errors.map((e) => e.line)).size,
    valid: parsed.rows.length,
    wouldInsert,
    wouldUpdate,
    errors,
  };
}

/** Starts the import of a checked, clean file as a background job (the file is kept with it). */
export async function startUserImport(
  deps: AppDeps,
  a: UserActor,
  orgId: string,
  file: { filename: string; mimetype: string; bytes: Buffer },
): Promise<string> {
  const { id } = await enqueueJob(deps, a, {
    kind: userImportJob.kind,
    data: { organisationId: orgId },
    file: { name: file.filename, bytes: file.bytes, contentType: file.mimetype || 'text/csv' },
  });
  return id;
}
