import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SRC_DIR, sourceFiles } from '../testing/source-files.ts';
import { POLICIES } from './policies.ts';
import type { AnyResourcePolicy } from './policy.ts';

/**
 * Operations read the tables of a policy only through it: a file under src/modules whose query
 * starts from (`selectFrom`) a policy's main table must name that policy (its `readable` for
 * lists, its `abilities` for one row). A simple, honest text check; ALLOWED lists the files that
 * read such a table for another reason, each with it. An entry that is no longer needed fails too,
 * so the list only shrinks.
 */
const ALLOWED: Readonly<Record<string, string>> = {
  // the caller's own account, by id (or the e-mail being signed in)
  'modules/account/': "the caller's own account: every read is WHERE id = the caller's",
  'modules/auth/':
    "sign-in, password reset and /auth/me: the account being signed in, by its e-mail or the caller's id",
  'modules/notifications/preferences.ts': "the caller's own notification settings",
  // background work (outbox handlers, jobs, scheduled tasks) acts for the system or the job's starter
  'modules/notifications/notification-handlers.ts':
    "outbox handler: finds the recipients of an event and checks each with the record kind's readable filter (SHARED_KINDS)",
  'modules/notifications/unsubscribe.ts':
    "the digest's one-click unsubscribe link: the account its secret names (no session), whose digest it turns off",
  'modules/notifications/digest.ts':
    "scheduled digest: reads each recipient's own settings; their notifications go through notificationPolicy",
  'modules/mapping/mapping-handlers.ts':
    'outbox handler: the recipients of a campaign event (its participants and coordinators)',
  'modules/training/release-task.ts':
    "scheduled release of unused seats (system actor): the events due and their nominations; each nominating NCP is checked with the event's abilities before being notified",
  'modules/training/operations/registration.ts':
    "the users an event's trainer records name (who read nominees' names, the rule of trainingNominationPolicy) and a lock on the event's row; the event itself is read through its abilities",
  'modules/mapping/reminders.ts': 'scheduled reminders: the assigned people whose response is still open',
  'modules/risk/risk-jobs.ts':
    "risk jobs: rows of the job's administration, after the starter is checked again by riskDatasetPolicy (guard)",
  'modules/third-countries/iati-import-job.ts':
    "IATI import job: the IATI identifiers the starter's own administration already holds (identifiers only, no record), so that a re-run adds nothing twice",
  'modules/screening/cases.ts':
    'raising cases for the parties a screening run of the same administration just stored',
  'modules/screening/mandatory-source.ts':
    'mandatory source of risk scoring: the case decisions of the administration whose batch is being scored',
  'modules/screening/rescreen.ts':
    'scheduled re-screening of every stored party when a list version changes (system actor)',
  'modules/screening/screening-jobs.ts':
    "screening jobs: the batch the job was started for, of the starter's administration",
  'modules/messages/operations/versions.ts':
    'naming a translator and a reviewer: checks that the ids are active users of an administration that writes',
  'modules/messages/release-task.ts':
    'scheduled release (system actor): the published messages whose embargo has come, claimed once each',
  'modules/directory/':
    'the directory (who is who): every signed-in user reads it under directory-policy.ts, which decides the contact details each person shows',
  'modules/meetings/action-point-reminders.ts':
    'scheduled reminders (system actor): open action points due or overdue, each notice sent only when the owner may read the action point (recordAbilities as the owner)',
  'modules/privacy/':
    'personal data of one named user (their own download; erasure checked by canErasePersonalData) and retention purges',
  // reads that return no row of the table, or rows already checked by a policy
  'modules/audit/audit-sentences.ts':
    "names the records of events already filtered by auditEventPolicy; a title is quoted only where the kind's readable filter (SHARED_KINDS) passes",
  'modules/mapping/operations/campaigns.ts':
    "the administrations a campaign targets (by active network membership) and the user an NCP assigns (own administration's only)",
  'modules/mapping/operations/results.ts':
    'results of a campaign checked by loadCampaign (campaignPolicy) and resultView: aggregates with small-cell protection, not rows',
  'modules/networks/operations/networks.ts':
    "a network's member directory: its active members' names and organisations, for every user",
  'modules/networks/operations/open-membership.ts':
    'whether the same person already has an open membership of the network (a conflict check, no row returned)',
  'modules/organisations/operations/organisations.ts':
    "the count of active users per organisation (administrators' page)",
  'modules/users/operations/check-user-import.ts':
    'whether the e-mail addresses of an import are taken (a conflict check)',
  'modules/users/operations/create-user.ts': 'whether the e-mail address is taken (a conflict check)',
  'modules/users/operations/get-user.ts':
    'the memberships of a user whose details userPolicy lets the caller read',
};

/** Export name of each policy object (found in the src/access modules that declare them). */
async function policyNames(): Promise<Map<AnyResourcePolicy, string>> {
  const names = new Map<AnyResourcePolicy, string>();
  const files = sourceFiles(join(SRC_DIR, 'access')).filter((f) => f.endsWith('-policy.ts'));
  for (const f of files) {
    const mod = (await import(f)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod))
      if (POLICIES.includes(value as AnyResourcePolicy)) names.set(value as AnyResourcePolicy, name);
  }
  return names;
}

describe('operations read policy tables through the policy', () => {
  it('names the policy wherever a query starts from one of its tables', async () => {
    const names = await policyNames();
    expect(names.size, 'every listed policy is exported by a *-policy.ts file').toBe(POLICIES.length);
    const owner = new Map<string, AnyResourcePolicy>();
    // the main table of each policy (its parts are reached through a readable parent row)
    for (const p of POLICIES) owner.set(p.tables[0], p);
    const problems: string[] = [];
    const needed = new Set<string>();
    for (const file of sourceFiles(join(SRC_DIR, 'modules'))) {
      const rel = relative(SRC_DIR, file).split(sep).join('/');
      const text = readFileSync(file, 'utf8');
      const tables = new Set(
        [...text.matchAll(/selectFrom\(\s*'([a-z_]+)(?: as [a-z_]+)?'/g)].map((m) => m[1]!),
      );
      const missing = [...tables].filter((t) => {
        const p = owner.get(t);
        return p && !new RegExp(`\\b${names.get(p)}\\b`).test(text);
      });
      if (missing.length === 0) continue;
      const allowed = Object.keys(ALLOWED).find((k) => (k.endsWith('/') ? rel.startsWith(k) : rel === k));
      if (allowed) needed.add(allowed);
      else problems.push(`${rel} reads ${missing.join(', ')} without its policy`);
    }
    for (const rel of Object.keys(ALLOWED))
      if (!needed.has(rel)) problems.push(`ALLOWED lists ${rel}, which no longer needs it: remove the entry`);
    expect(problems).toEqual([]);
  });
});
