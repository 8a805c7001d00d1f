import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../audit/audit-log.ts';
import { loadActor } from '../auth/actor-loader.ts';
import type { Database } from '../db/connection.ts';
import type { AssignmentRole, CampaignSharing, ResponseStatus } from '../db/mapping-schema.ts';
import type { MembershipStatus, OrgRole } from '../db/schema.ts';
import { registerJobKind } from '../jobs/job-registry.ts';
import { KINDS } from '../registry/kinds/index.ts';
import { ENVELOPE_COLUMNS } from '../registry/record-queries.ts';
import { seedMessagesDemo } from '../seed/messages-demo.ts';
import { seedRiskInformationDemo } from '../seed/risk-information-demo.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { type Actor, anonymousActor, systemActor } from './actor.ts';
import { AUDIT_KIND_RULES } from './audit-policy.ts';
import type { CampaignFacts } from './mapping-policy.ts';
import { POLICIES } from './policies.ts';
import type { AnyResourcePolicy } from './policy.ts';

/**
 * The policies as a whole, on the demo database plus rows this test adds:
 * 1. every table holding an organisation's or a user's data belongs to exactly one policy (or is
 *    exempt below, with its reason);
 * 2. for every policy and every actor (each demo user, as a browser session and as a read-only
 *    key, anonymous, a system actor) the rows `readable()` selects are exactly the rows whose
 *    `abilities().read` is true: single-record and list decisions agree.
 */

/** Columns that mark a row as an organisation's or a user's data. */
const OWNER_COLUMN = /^(owner_org_id|organisation_id|user_id|author_id|actor_id|respondent_user_id)$|_by$/;

/** Tables with such columns that no resource policy covers, each with the reason. */
const EXEMPT: Readonly<Record<string, string>> = {
  sessions: "credentials: read only by the auth hook for the session's own cookie, never listed",
  calendar_feeds:
    "credentials: each user makes and revokes their own calendar link (WHERE user_id = the caller's); the feed carries what the user may read through the modules' policies",
  digest_claims:
    'bookkeeping of the digest task (one row per user and period, claimed before the e-mail is sent; the hash of its unsubscribe link); never listed to a user',
  action_point_notices:
    'bookkeeping of the action-point reminder task (each notice sent once); never read by a user',
  api_keys: "credentials: each user lists and revokes their own keys only (WHERE user_id = the caller's)",
  recovery_codes: "credentials: used only by the user's own second-factor sign-in",
  password_resets: 'credentials: a single-use token, looked up by its hash',
  user_identities: "credentials: the link of a user to an identity provider's subject, used at sign-in",
  registry_saved_filters: "a user's own settings: every read is WHERE user_id = the caller's",
  registry_subscriptions:
    "a user's own settings: every read is WHERE user_id = the caller's; notifications are checked by the record's policy",
  sharing_group_members:
    'membership of organisations in sharing groups: reference data that every shared record reads (actor-loader)',
  identity_providers:
    'sign-in configuration of an organisation, managed by platform administrators (admin-policy)',
  screening_list_versions: 'sanctions list versions: global reference data every signed-in user reads',
  sharing_groups: 'the sharing groups themselves: named in markings, managed by platform administrators',
};

let t: TestApp;
let db: Database;

beforeAll(async () => {
  t = await createTestApp();
  db = t.rt.db;
  await addRows(db);
  // Coordinated messages: one released with approved versions, one under embargo (translators and
  // reviewers of other administrations read it, nobody else outside its administration).
  await seedMessagesDemo(db);
  // Risk information at several markings, with receipts and feedback of named administrations.
  await seedRiskInformationDemo(db);
}, 240_000);
afterAll(async () => t?.close());

describe('every table of an organisation or a user belongs to one policy', () => {
  it('is in exactly one policy, or exempt with a reason', async () => {
    const cols = await sql<{ table_name: string; column_name: string }>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema()`.execute(db);
    const owned = new Set(cols.rows.filter((c) => OWNER_COLUMN.test(c.column_name)).map((c) => c.table_name));
    const problems: string[] = [];
    const tables = new Set(cols.rows.map((c) => c.table_name));
    for (const table of [...owned].sort()) {
      const holders = POLICIES.filter((p) => p.tables.includes(table as never)).map((p) => p.resource);
      if (holders.length > 1) problems.push(`${table} is in several policies: ${holders.join(', ')}`);
      if (holders.length === 0 && !EXEMPT[table])
        problems.push(
          `${table} holds an organisation's or a user's data: add it to a policy's tables or to EXEMPT`,
        );
      if (holders.length === 1 && EXEMPT[table]) problems.push(`${table} is in a policy and exempt`);
    }
    for (const p of POLICIES)
      for (const table of p.tables) if (!tables.has(table)) problems.push(`${p.resource}: no table ${table}`);
    for (const table of Object.keys(EXEMPT))
      if (!owned.has(table)) problems.push(`EXEMPT lists ${table}, which holds no such column: remove it`);
    expect(problems).toEqual([]);
  });

  it('names each resource once', () => {
    const names = POLICIES.map((p) => p.resource);
    expect(new Set(names).size).toBe(names.length);
  });
});

// ---------------------------------------------------------------------------------------------
// Rows of each policy, as its `abilities` takes them (for a given actor)

interface Samples {
  ids: string[];
  row(actor: Actor, id: string): unknown;
}
type Prepared = ReadonlyMap<string, Samples>;

const fixed = (rows: ReadonlyArray<{ id: string }>): Samples => {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { ids: [...byId.keys()], row: (_a, id) => byId.get(id) };
};

async function recipientsOf(db: Database): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('record_recipients')
    .select(['record_kind', 'record_id', 'user_id'])
    .execute();
  const m = new Map<string, string[]>();
  for (const r of rows) {
    const key = `${r.record_kind}:${r.record_id}`;
    m.set(key, [...(m.get(key) ?? []), r.user_id]);
  }
  return m;
}

function campaignFactsOf(
  c: { id: string; network_id: string; sharing: CampaignSharing; opens_at: Date; closes_at: Date },
  participants: ReadonlyArray<{ campaign_id: string; organisation_id: string }>,
  assignments: ReadonlyArray<{ campaign_id: string; user_id: string; role: AssignmentRole }>,
  a: Actor,
): CampaignFacts {
  return {
    networkId: c.network_id,
    sharing: c.sharing,
    opensAt: c.opens_at,
    closesAt: c.closes_at,
    participant: participants.some((p) => p.campaign_id === c.id && p.organisation_id === a.orgId),
    myRoles: new Set(
      assignments.filter((s) => s.campaign_id === c.id && s.user_id === a.userId).map((s) => s.role),
    ),
  };
}

/** How to load each policy's rows; the test fails for a policy without a loader. */
const LOADERS: Record<string, (db: Database, prepared: Prepared) => Promise<Samples>> = {
  async registry_record(db) {
    const rec = await recipientsOf(db);
    // The whole envelope, as the registry loads it (named organisations, co-editors, approval round).
    const rows = await db
      .selectFrom('registry_records as r')
      .select([
        'r.id',
        'r.kind',
        'r.owner_org_id',
        'r.author_id',
        'r.distribution',
        'r.distribution_network_id',
        'r.sharing_group_id',
        'r.tlp',
        'r.status',
        'r.submitted_by',
        ...ENVELOPE_COLUMNS,
      ])
      .execute();
    return fixed(rows.map((r) => ({ ...r, recipients: rec.get(`${r.kind}:${r.id}`) ?? [] })));
  },
  async message_version(db) {
    const rec = await recipientsOf(db);
    const rows = await db
      .selectFrom('message_versions as v')
      .innerJoin('registry_records as r', 'r.id', 'v.message_id')
      .select([
        'v.id',
        'v.translator_id',
        'v.reviewer_id',
        'v.state',
        'r.id as message_id',
        'r.kind',
        'r.owner_org_id',
        'r.author_id',
        'r.distribution',
        'r.distribution_network_id',
        'r.sharing_group_id',
        'r.tlp',
        'r.status',
        'r.submitted_by',
        ...ENVELOPE_COLUMNS,
      ])
      .execute();
    return fixed(
      rows.map((v) => ({
        id: v.id,
        translator_id: v.translator_id,
        reviewer_id: v.reviewer_id,
        state: v.state,
        message: { ...v, id: v.message_id, recipients: rec.get(`${v.kind}:${v.message_id}`) ?? [] },
      })),
    );
  },
  async training_nomination(db) {
    const rec = await recipientsOf(db);
    const rows = await db
      .selectFrom('training_nominations as n')
      .innerJoin('registry_records as r', 'r.id', 'n.event_id')
      .select([
        'n.id',
        'n.organisation_id',
        'n.state',
        'r.id as event_id',
        'r.kind',
        'r.owner_org_id',
        'r.author_id',
        'r.distribution',
        'r.distribution_network_id',
        'r.sharing_group_id',
        'r.tlp',
        'r.status',
        'r.submitted_by',
        ...ENVELOPE_COLUMNS,
        sql<string[]>`ARRAY(SELECT tr.data->>'person_user' FROM registry_records tr
          WHERE tr.kind = 'trainer' AND tr.data->>'person_user' IS NOT NULL
            AND (r.data->'trainers') @> to_jsonb(tr.id::text))`.as('trainer_user_ids'),
      ])
      .execute();
    return fixed(
      rows.map((n) => ({
        id: n.id,
        organisation_id: n.organisation_id,
        state: n.state,
        trainer_user_ids: n.trainer_user_ids,
        event: { ...n, id: n.event_id, recipients: rec.get(`${n.kind}:${n.event_id}`) ?? [] },
      })),
    );
  },
  risk_dataset: async (db) =>
    fixed(await db.selectFrom('risk_datasets').select(['id', 'organisation_id']).execute()),
  risk_model: async (db) =>
    fixed(await db.selectFrom('risk_models').select(['id', 'organisation_id']).execute()),
  risk_batch: async (db) =>
    fixed(await db.selectFrom('risk_batches').select(['id', 'organisation_id']).execute()),
  recommendation_response: async (db) =>
    fixed(
      await db
        .selectFrom('recommendation_responses')
        .select(['id', 'organisation_id', 'record_owner_org_id'])
        .execute(),
    ),
  screening_party: async (db) =>
    fixed(await db.selectFrom('screening_parties').select(['id', 'organisation_id']).execute()),
  screening_case: async (db) =>
    fixed(await db.selectFrom('screening_cases').select(['id', 'organisation_id']).execute()),
  screening_batch: async (db) =>
    fixed(await db.selectFrom('screening_batches').select(['id', 'organisation_id']).execute()),
  job: async (db) =>
    fixed(
      await db.selectFrom('jobs').select(['id', 'kind', 'organisation_id', 'created_by', 'state']).execute(),
    ),
  async membership(db) {
    const rows = await db
      .selectFrom('network_memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select([
        'm.id',
        'm.user_id',
        'm.network_id',
        'm.status',
        'u.organisation_id',
        sql<
          OrgRole[]
        >`coalesce((SELECT array_agg(g.role::text) FROM role_grants g WHERE g.user_id = u.id), '{}')`.as(
          'roles',
        ),
      ])
      .execute();
    return fixed(
      rows.map((m) => ({
        id: m.id,
        userId: m.user_id,
        userOrgId: m.organisation_id,
        userRoles: m.roles,
        networkId: m.network_id,
        status: m.status as MembershipStatus,
      })),
    );
  },
  async common_initiative_join_request(db) {
    const rows = await db
      .selectFrom('common_initiative_join_requests as j')
      .innerJoin('registry_records as r', 'r.id', 'j.record_id')
      .select(['j.id', 'j.requested_by', 'r.owner_org_id'])
      .execute();
    return fixed(rows.map((r) => ({ id: r.id, requestedBy: r.requested_by, leadOrgId: r.owner_org_id })));
  },
  async risk_information_feedback(db) {
    const rec = await recipientsOf(db);
    const rows = await db
      .selectFrom('risk_information_feedback as f')
      .innerJoin('registry_records as r', 'r.id', 'f.record_id')
      .select([
        'f.id as feedback_id',
        'f.organisation_id as feedback_org_id',
        'r.id',
        'r.kind',
        'r.owner_org_id',
        'r.author_id',
        'r.distribution',
        'r.distribution_network_id',
        'r.sharing_group_id',
        'r.tlp',
        'r.status',
        'r.submitted_by',
        ...ENVELOPE_COLUMNS,
      ])
      .execute();
    return fixed(
      rows.map(({ feedback_id, feedback_org_id, ...r }) => ({
        id: feedback_id,
        organisation_id: feedback_org_id,
        record: { ...r, recipients: rec.get(`${r.kind}:${r.id}`) ?? [] },
      })),
    );
  },
  async directory_entry(db) {
    const rows = await db
      .selectFrom('directory_entries as d')
      .innerJoin('users as u', 'u.id', 'd.user_id')
      .select(['d.user_id as id', 'u.status'])
      .execute();
    return fixed(rows.map((r) => ({ id: r.id, userId: r.id, active: r.status === 'active' })));
  },
  async user(db) {
    const rows = await db
      .selectFrom('users as u')
      .select([
        'u.id',
        'u.organisation_id',
        sql<
          OrgRole[]
        >`coalesce((SELECT array_agg(g.role::text) FROM role_grants g WHERE g.user_id = u.id), '{}')`.as(
          'roles',
        ),
      ])
      .execute();
    return fixed(rows);
  },
  mapping_questionnaire: async (db) =>
    fixed(await db.selectFrom('mapping_questionnaires').select(['id', 'network_id']).execute()),
  async mapping_campaign(db) {
    const [campaigns, participants, assignments] = await Promise.all([
      db
        .selectFrom('mapping_campaigns')
        .select(['id', 'network_id', 'sharing', 'opens_at', 'closes_at'])
        .execute(),
      db.selectFrom('mapping_campaign_participants').select(['campaign_id', 'organisation_id']).execute(),
      db.selectFrom('mapping_assignments').select(['campaign_id', 'user_id', 'role']).execute(),
    ]);
    const byId = new Map(campaigns.map((c) => [c.id, c]));
    return {
      ids: [...byId.keys()],
      row: (a, id) => campaignFactsOf(byId.get(id)!, participants, assignments, a),
    };
  },
  async mapping_response(db) {
    const [campaigns, participants, assignments, responses] = await Promise.all([
      db
        .selectFrom('mapping_campaigns')
        .select(['id', 'network_id', 'sharing', 'opens_at', 'closes_at'])
        .execute(),
      db.selectFrom('mapping_campaign_participants').select(['campaign_id', 'organisation_id']).execute(),
      db.selectFrom('mapping_assignments').select(['campaign_id', 'user_id', 'role']).execute(),
      db
        .selectFrom('mapping_responses')
        .select(['id', 'campaign_id', 'organisation_id', 'respondent_user_id', 'status', 'last_editor_id'])
        .execute(),
    ]);
    const campaign = new Map(campaigns.map((c) => [c.id, c]));
    const byId = new Map(responses.map((r) => [r.id, r]));
    return {
      ids: [...byId.keys()],
      row: (a, id) => {
        const r = byId.get(id)!;
        return {
          campaign: campaignFactsOf(campaign.get(r.campaign_id)!, participants, assignments, a),
          response: {
            organisationId: r.organisation_id,
            respondentUserId: r.respondent_user_id,
            status: r.status as ResponseStatus,
            lastEditorId: r.last_editor_id,
          },
        };
      },
    };
  },
  // Notifications and audit events are about records of other kinds: whether that record is
  // readable is decided here by the other policy's abilities (not by its SQL).
  async notification(db, prepared) {
    const rows = await db
      .selectFrom('notifications')
      .select(['id', 'user_id', 'record_kind', 'record_id'])
      .execute();
    const byId = new Map(rows.map((n) => [n.id, n]));
    return {
      ids: [...byId.keys()],
      row: (a, id) => {
        const n = byId.get(id)!;
        return {
          user_id: n.user_id,
          record_kind: n.record_kind,
          subjectReadable:
            n.record_kind === null ? null : subjectReadable(prepared, a, n.record_kind, n.record_id),
        };
      },
    };
  },
  async audit_event(db, prepared) {
    const rows = await db
      .selectFrom('audit_events')
      .select(['id', 'record_kind', 'record_id', 'organisation_id', 'actor_id'])
      .execute();
    const byId = new Map(rows.map((e) => [e.id, e]));
    return {
      ids: [...byId.keys()],
      row: (a, id) => {
        const e = byId.get(id)!;
        return { ...e, subjectReadable: subjectReadable(prepared, a, e.record_kind, e.record_id) };
      },
    };
  },
};

/** The policy whose main table holds records of this audit / notification record kind. */
function subjectPolicy(kind: string): AnyResourcePolicy | undefined {
  const rule = AUDIT_KIND_RULES[kind];
  const table = rule && 'subject' in rule ? rule.subject.table : undefined;
  return table ? POLICIES.find((p) => p.tables[0] === table) : undefined;
}

function subjectReadable(prepared: Prepared, a: Actor, kind: string, id: string | null): boolean {
  const policy = subjectPolicy(kind);
  const samples = policy && prepared.get(policy.resource);
  if (!policy || !samples || id === null || !samples.ids.includes(id)) return false;
  const row = samples.row(a, id) as { kind?: string };
  // A registry record answers for the kind the event names only when it is of that kind.
  if (policy.resource === 'registry_record' && row.kind !== kind) return false;
  return policy.abilities(a, row).read;
}

async function actors(db: Database): Promise<Actor[]> {
  const users = await db
    .selectFrom('users')
    .select('id')
    .where('status', '=', 'active')
    .orderBy('email')
    .execute();
  const out: Actor[] = [anonymousActor, systemActor('policy-test')];
  for (const [i, u] of users.entries()) {
    const session = await loadActor(db, u.id, null);
    if (session) out.push(session);
    // every third user also through a read-only API key
    if (i % 3 === 0) {
      const key = await loadActor(db, u.id, new Set(['read']));
      if (key) out.push(key);
    }
  }
  return out;
}

/** The key of a policy's main table where it is not `id` (one entry per user). */
const ID_COLUMN: Readonly<Record<string, string>> = { directory_entries: 'user_id' };

async function readableIds(db: Database, policy: AnyResourcePolicy, a: Actor): Promise<Set<string>> {
  const id = sql.ref(`t.${ID_COLUMN[policy.tables[0]] ?? 'id'}`);
  const r = await sql<{ id: string }>`
    SELECT ${id}::text AS id FROM ${sql.table(policy.tables[0])} AS t WHERE ${policy.readable(a, 't')}`.execute(
    db,
  );
  return new Set(r.rows.map((x) => x.id));
}

describe('abilities().read and readable() agree', () => {
  it('for every policy, every actor and every row', async () => {
    const missing = POLICIES.filter((p) => !LOADERS[p.resource]).map((p) => p.resource);
    expect(missing, 'policies without a loader in this test').toEqual([]);
    const prepared = new Map<string, Samples>();
    // kinds that others refer to first: notifications and audit events look them up
    const order = [...POLICIES].sort(
      (x, y) =>
        Number(['notification', 'audit_event'].includes(x.resource)) -
        Number(['notification', 'audit_event'].includes(y.resource)),
    );
    for (const p of order) prepared.set(p.resource, await LOADERS[p.resource]!(db, prepared));
    const everyone = await actors(db);
    expect(everyone.length).toBeGreaterThan(20);
    const disagreements: string[] = [];
    const seen: string[] = [];
    for (const p of POLICIES) {
      const samples = prepared.get(p.resource)!;
      let readSome = 0;
      for (const a of everyone) {
        const sqlIds = await readableIds(db, p, a);
        for (const id of samples.ids) {
          const read = p.abilities(a, samples.row(a, id)).read;
          if (read) readSome++;
          if (read !== sqlIds.has(id))
            disagreements.push(
              `${p.resource} ${id} for ${a.label}${a.readOnlyCredential ? ' (read key)' : ''}: abilities ${read}, readable ${!read}`,
            );
        }
      }
      seen.push(`${p.resource}: ${samples.ids.length} rows, ${readSome} readable pairs`);
      // the check means something only when the policy has rows some actor reads and others not
      expect(samples.ids.length, `${p.resource} has rows`).toBeGreaterThan(0);
      expect(readSome, `${p.resource} is read by someone`).toBeGreaterThan(0);
      expect(readSome, `${p.resource} is not read by everyone`).toBeLessThan(
        samples.ids.length * everyone.length,
      );
    }
    console.log(`policy agreement over ${everyone.length} actors:\n  ${seen.join('\n  ')}`);
    expect(disagreements.slice(0, 20)).toEqual([]);
  }, 600_000);
});

// ---------------------------------------------------------------------------------------------
// Rows the demo data lacks: written directly, so that every policy has rows to decide on.

registerJobKind({ kind: 'policy-test.private', parse: (d) => d, run: async () => null });
registerJobKind({
  kind: 'policy-test.shared',
  readableBy: 'organisation',
  parse: (d) => d,
  run: async () => null,
});

const j = (v: unknown) => JSON.stringify(v);

/**
 * A spread of rows over the national administrations that have users (first four by code):
 * registry records of two kinds in every distribution × marking × status, risk and screening
 * rows, jobs of a private and an organisation-readable kind, mapping campaigns in every sharing
 * mode with responses, notifications about readable, hidden and missing records, audit events.
 */
async function addRows(db: Database): Promise<void> {
  const people = await db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.organisation_id', 'o.code', 'o.type'])
    .where('u.status', '=', 'active')
    .orderBy('o.code')
    .orderBy('u.email')
    .execute();
  const orgIds = [
    ...new Set(people.filter((p) => p.type === 'national_administration').map((p) => p.organisation_id)),
  ];
  const orgs = orgIds
    .slice(0, 4)
    .map((id) => ({ id, users: people.filter((p) => p.organisation_id === id) }));
  expect(orgs.length).toBe(4);
  const networks = await db.selectFrom('networks').select('id').orderBy('code').execute();
  const group = await db.selectFrom('sharing_groups').select('id').executeTakeFirstOrThrow();
  const all = (i: number) => orgs[i % orgs.length]!;
  const someone = (i: number) => all(i).users[i % all(i).users.length]!;

  // registry records: two kinds (the first with four-eyes publication, if any), every envelope
  const kinds = [
    KINDS.find((k) => k.workflow.fourEyes) ?? KINDS[0]!,
    KINDS.find((k) => !k.workflow.fourEyes) ?? KINDS[1]!,
  ];
  let i = 0;
  for (const kind of kinds)
    for (const distribution of ['organisation', 'network', 'sharing_group', 'eucab', 'public'] as const)
      for (const tlp of ['clear', 'amber', 'red'] as const)
        for (const status of ['draft', 'submitted', 'published', 'retracted'] as const) {
          if (distribution === 'public' && tlp !== 'clear') continue;
          i++;
          const author = someone(i);
          const r = await db
            .insertInto('registry_records')
            .values({
              kind: kind.name,
              owner_org_id: author.organisation_id,
              author_id: author.id,
              distribution,
              distribution_network_id: distribution === 'network' ? networks[i % networks.length]!.id : null,
              sharing_group_id: distribution === 'sharing_group' ? group.id : null,
              tlp,
              status,
              title: `policy test ${i}`,
              data: j({}),
              submitted_by: status === 'draft' ? null : author.id,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          if (tlp === 'red')
            await db
              .insertInto('record_recipients')
              .values(
                [author.id, someone(i + 1).id].map((user_id) => ({
                  record_kind: kind.name,
                  record_id: r.id,
                  user_id,
                })),
              )
              .onConflict((oc) => oc.doNothing())
              .execute();
        }

  for (const [n, org] of orgs.slice(0, 3).entries()) {
    const by = org.users[0]!.id;
    const organisation_id = org.id;
    // risk analysis
    const mapping = j({ format: 'eucab-risk-mapping', version: 1, columns: {} });
    const ds = await db
      .insertInto('risk_datasets')
      .values({
        organisation_id,
        name: `policy test ${n}`,
        purpose: 'history',
        file_name: 'x.csv',
        file_sha256: '0'.repeat(64),
        header: j([]),
        mapping,
        date_from: null,
        date_to: null,
        report: j({}),
        created_by: by,
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    const model = await db
      .insertInto('risk_models')
      .values({
        organisation_id,
        version: 1,
        document: Buffer.from('{}'),
        mapping,
        header: j([]),
        settings: j({}),
        trained_on: j({}),
        training_rows: 0,
        positives: 0,
        metrics: j({}),
        importance: j([]),
        rule_importance: j([]),
        created_by: by,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('risk_batches')
      .values({
        organisation_id,
        name: `policy test ${n}`,
        dataset_id: ds.id,
        model_id: model.id,
        model_version: 1,
        settings: j({}),
        row_count: 0,
        selected_count: 0,
        mandatory_count: 0,
        explore_count: 0,
        created_by: by,
      })
      .execute();
    // responses to a profile recommendation of this organisation, by the next one
    const rec = await db.selectFrom('registry_records').select('id').limit(1).executeTakeFirstOrThrow();
    const responder = orgs.slice(0, 3)[(n + 1) % 3]!;
    await db
      .insertInto('recommendation_responses')
      .values({
        record_id: rec.id,
        record_owner_org_id: organisation_id,
        organisation_id: responder.id,
        author_id: responder.users[0]!.id,
        response_type: 'feedback',
        controls: 1,
      })
      .execute();
    // sanctions screening
    const party = await db
      .insertInto('screening_parties')
      .values({
        organisation_id,
        party_key: `policy-test-${n}`,
        name: 'A Party',
        source: 'search',
        created_by: by,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('screening_cases')
      .values({
        organisation_id,
        party_id: party.id,
        list_id: 'policy-test',
        entity_id: `e${n}`,
        entity_name: 'An Entity',
        entity_hash: 'h',
        score: 0.9,
        band: 'match',
        explanation: j([]),
        state: 'open',
      })
      .execute();
    await db
      .insertInto('screening_batches')
      .values({
        organisation_id,
        created_by: by,
        kind: 'parties',
        filename: 'x.csv',
        file_hash: 'h',
        summary: j({}),
        errors: j([]),
      })
      .execute();
    // jobs of a private and an organisation-readable kind, by two people of the organisation
    for (const [k, kind] of ['policy-test.private', 'policy-test.shared'].entries())
      await db
        .insertInto('jobs')
        .values({
          kind,
          organisation_id,
          created_by: org.users[k % org.users.length]!.id,
          data: j({}),
          state: k ? 'succeeded' : 'queued',
        })
        .execute();
  }

  // mapping: a questionnaire of a network and one of none; a campaign per sharing mode
  const coordinator = await db
    .selectFrom('network_memberships')
    .select(['network_id', 'user_id'])
    .where('role', '=', 'coordinator')
    .where('status', '=', 'active')
    .orderBy('network_id')
    .executeTakeFirstOrThrow();
  for (const [n, network_id] of [coordinator.network_id, null].entries()) {
    const q = await db
      .insertInto('mapping_questionnaires')
      .values({ code: `policy-test-${n}`, network_id, title: 'Policy test', created_by: coordinator.user_id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const v = await db
      .insertInto('mapping_questionnaire_versions')
      .values({
        questionnaire_id: q.id,
        version: '1',
        title: 'Policy test',
        definition: j({}),
        warnings: j([]),
        file_name: 'x.xlsx',
        file_sha256: 'h',
        created_by: coordinator.user_id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (n > 0) continue;
    for (const [m, sharing] of (['named', 'aggregate_only', 'coordinator_only'] as const).entries()) {
      const c = await db
        .insertInto('mapping_campaigns')
        .values({
          questionnaire_version_id: v.id,
          network_id,
          title: `Policy test ${sharing}`,
          opens_at: new Date(Date.now() - 86_400_000),
          closes_at: new Date(Date.now() + 86_400_000 * (m + 1)),
          respondent_unit: m === 1 ? 'person' : 'administration',
          sharing,
          target: j({}),
          created_by: coordinator.user_id,
        } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [o, org] of orgs.slice(0, 3).entries()) {
        await db
          .insertInto('mapping_campaign_participants')
          .values({ campaign_id: c.id, organisation_id: org.id })
          .execute();
        const [respondent, validator] = [
          org.users[(o + 1) % org.users.length]!,
          org.users[(o + 2) % org.users.length]!,
        ];
        await db
          .insertInto('mapping_assignments')
          .values([
            {
              campaign_id: c.id,
              organisation_id: org.id,
              user_id: respondent.id,
              role: 'respondent',
              assigned_by: org.users[0]!.id,
            },
            {
              campaign_id: c.id,
              organisation_id: org.id,
              user_id: validator.id,
              role: 'validator',
              assigned_by: org.users[0]!.id,
            },
          ])
          .execute();
        await db
          .insertInto('mapping_responses')
          .values({
            campaign_id: c.id,
            organisation_id: org.id,
            respondent_user_id: m === 1 ? respondent.id : null,
            status: o === 0 ? 'draft' : 'validated',
            answers: j({}),
            last_editor_id: respondent.id,
          })
          .execute();
      }
    }
  }

  // notifications: about nothing, about records (readable to some, hidden to others), about a missing one
  const records = await db.selectFrom('registry_records').select(['id', 'kind']).orderBy('title').execute();
  // Network announcements are registry records of the kind 'announcement'.
  const announcements = await db
    .selectFrom('registry_records')
    .select('id')
    .where('kind', '=', 'announcement')
    .execute();
  for (const [n, p] of people.filter((_, k) => k % 4 === 0).entries()) {
    const rec = records[(n * 7) % records.length]!;
    await db
      .insertInto('notifications')
      .values([
        { user_id: p.id, kind: 'policy-test', record_kind: null, record_id: null, summary: 'none' },
        { user_id: p.id, kind: 'policy-test', record_kind: rec.kind, record_id: rec.id, summary: 'record' },
        {
          user_id: p.id,
          kind: 'policy-test',
          record_kind: 'announcement',
          record_id: announcements[n % announcements.length]!.id,
          summary: 'announcement',
        },
        {
          user_id: p.id,
          kind: 'policy-test',
          record_kind: rec.kind,
          record_id: '00000000-0000-4000-8000-000000000000',
          summary: 'gone',
        },
      ])
      .execute();
  }

  // audit events about rows of every policy, by people of different organisations
  const subjects: Array<[string, string]> = [
    ...records.slice(0, 30).map((r) => [r.kind, r.id] as [string, string]),
    ...(await db.selectFrom('risk_datasets').select('id').execute()).map(
      (r) => ['risk_dataset', r.id] as [string, string],
    ),
    ...(await db.selectFrom('risk_batches').select('id').execute()).map(
      (r) => ['risk_batch', r.id] as [string, string],
    ),
    ...(await db.selectFrom('screening_cases').select('id').execute()).map(
      (r) => ['screening_case', r.id] as [string, string],
    ),
    ...(await db.selectFrom('jobs').select('id').execute()).map((r) => ['job', r.id] as [string, string]),
    ...(await db.selectFrom('mapping_campaigns').select('id').execute()).map(
      (r) => ['mapping_campaign', r.id] as [string, string],
    ),
    ...(await db.selectFrom('mapping_responses').select('id').execute()).map(
      (r) => ['mapping_response', r.id] as [string, string],
    ),
    ['mapping_questionnaire', announcements[0]!.id],
    ['screening_list_version', announcements[0]!.id],
    ['user', people[1]!.id],
  ];
  // Training: trainers are personal data (one names a national user, one the Commission observer,
  // one opted in, one retracted) and an event naming them, with nominations of three administrations.
  const observer = people.find((p) => p.type === 'commission')!;
  const trainerIds: string[] = [];
  for (const [n, extra] of [
    { person_user: someone(1).id },
    { person_user: observer.id },
    { open_consent: true },
    {},
  ].entries()) {
    const owner = orgs[n % 2]!;
    const tr = await db
      .insertInto('registry_records')
      .values({
        kind: 'trainer',
        owner_org_id: owner.id,
        author_id: owner.users[0]!.id,
        distribution: n === 0 ? 'organisation' : 'eucab',
        tlp: 'green',
        status: n === 3 ? 'retracted' : 'published',
        title: `policy trainer ${n}`,
        data: j({ name: `policy trainer ${n}`, ...extra }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    trainerIds.push(tr.id);
  }
  const event = await db
    .insertInto('registry_records')
    .values({
      kind: 'training_event',
      owner_org_id: orgs[2]!.id,
      author_id: orgs[2]!.users[0]!.id,
      distribution: 'eucab',
      tlp: 'green',
      status: 'published',
      title: 'policy training event',
      data: j({ title: 'policy training event', trainers: trainerIds }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [n, org] of orgs.slice(0, 3).entries())
    await db
      .insertInto('training_nominations')
      .values({
        event_id: event.id,
        organisation_id: org.id,
        nominee_name: `policy nominee ${n}`,
        nominated_by: org.users[0]!.id,
        state: n === 0 ? 'seated' : 'waiting',
        seat_source: n === 0 ? 'quota' : null,
      })
      .execute();

  // requests to join a common initiative: each of the four administrations' first record, asked by
  // a person of the next administration
  for (let k = 0; k < orgs.length; k++) {
    const record = await db
      .selectFrom('registry_records')
      .select('id')
      .where('owner_org_id', '=', orgs[k]!.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const asker = orgs[(k + 1) % orgs.length]!.users[0]!;
    await db
      .insertInto('common_initiative_join_requests')
      .values({
        record_id: record.id,
        requested_by: asker.id,
        organisation_id: asker.organisation_id,
        role: 'partner',
      })
      .execute();
  }
  for (const [n, [recordKind, recordId]] of subjects.entries()) {
    const actor = await loadActor(db, people[(n * 5) % people.length]!.id, null);
    await db
      .transaction()
      .execute((trx) =>
        recordAudit(trx, actor!, { action: 'policy_test.touched', recordKind, recordId, changes: { n } }),
      );
  }
}
