import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalSteps } from '../contract/access-shapes.ts';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import type { FieldSpec, KindDefinition } from './definition.ts';
import { KINDS } from './kinds/index.ts';

/**
 * The access matrix for every registry kind, through the generated endpoints. EXPECTED is written
 * by hand (ARCHITECTURE.md, "Access model"): R = read + list + search + stats, E = export,
 * U = update + share, '-' = nothing (404 on read). Drafts stay inside the owning organisation.
 * orgs_amber is distributed to named organisations: FR (other_org's administration).
 */
type Rel =
  | 'same_org_ncp'
  | 'same_org_other'
  | 'other_org'
  | 'red_recipient'
  | 'observer'
  | 'api_key_read'
  | 'anonymous';
type Case = 'org_amber' | 'eucab_green' | 'public_clear' | 'eucab_red' | 'draft_eucab' | 'orgs_amber';

// prettier-ignore
const EXPECTED: Record<Rel, Record<Case, string>> = {
  //                 org_amber  eucab_green  public_clear  eucab_red  draft_eucab
  same_org_ncp: {
    org_amber: 'REU',
    eucab_green: 'REU',
    public_clear: 'REU',
    eucab_red: '-',
    draft_eucab: 'REU',
    orgs_amber: 'REU',
  },
  same_org_other: {
    org_amber: 'RE',
    eucab_green: 'RE',
    public_clear: 'RE',
    eucab_red: '-',
    draft_eucab: 'RE',
    orgs_amber: 'RE',
  },
  other_org: {
    org_amber: '-',
    eucab_green: 'RE',
    public_clear: 'RE',
    eucab_red: '-',
    draft_eucab: '-',
    orgs_amber: 'RE',
  },
  red_recipient: {
    org_amber: '-',
    eucab_green: 'RE',
    public_clear: 'RE',
    eucab_red: 'R',
    draft_eucab: '-',
    orgs_amber: '-',
  },
  observer: {
    org_amber: '-',
    eucab_green: 'RE',
    public_clear: 'RE',
    eucab_red: '-',
    draft_eucab: '-',
    orgs_amber: '-',
  },
  api_key_read: {
    org_amber: '-',
    eucab_green: 'RE',
    public_clear: 'RE',
    eucab_red: '-',
    draft_eucab: '-',
    orgs_amber: '-',
  },
  anonymous: {
    org_amber: '-',
    eucab_green: '-',
    public_clear: 'R',
    eucab_red: '-',
    draft_eucab: '-',
    orgs_amber: '-',
  },
};
const CASES = Object.keys(EXPECTED.same_org_ncp) as Case[];

/**
 * Records about a person (`personalData`: trainers; src/access/personal-data-policy.ts): never
 * anonymous (even public), never the Commission's observer, never an API key or an export unless
 * the person opted in (the examples do not): the table above without those cells.
 */
const PERSONAL_UNREAD: readonly Rel[] = ['observer', 'api_key_read', 'anonymous'];
function expected(kindName: string, rel: Rel, c: Case): string {
  const want = EXPECTED[rel][c];
  if (!KINDS.find((k) => k.name === kindName)?.personalData) return want;
  if (PERSONAL_UNREAD.includes(rel)) return '-';
  return want.replace('E', '') || '-';
}

let t: TestApp;

/** The kind has approval steps: its records are submitted, then published by their approver. */
const approved = (kind: KindDefinition) => approvalSteps(kind).length > 0;
const callers = new Map<Rel, { client?: TestClient; key?: string }>();
const records: {
  kind: string;
  c: Case;
  id: string;
  token: string;
  data: Record<string, unknown>;
  marking: Record<string, unknown>;
  attachmentUrl: string;
}[] = [];

async function call(
  who: { client?: TestClient; key?: string },
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  if (who.key)
    return t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${who.key}` },
      ...(payload ? { payload: payload as object } : {}),
    });
  return who.client!.request({ method, url, ...(payload ? { payload: payload as object } : {}) });
}

/** Uploads a small PDF to a record as its owner; returns the attachment's download URL. */
async function attach(author: TestClient, kind: string, id: string): Promise<string> {
  const boundary = '----matrix';
  const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="report.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 matrix\r\n--${boundary}--\r\n`;
  const up = await author.request({
    method: 'POST',
    url: `/api/v1/registry/${kind}/${id}/attachments`,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  expect(up.statusCode, up.body).toBe(201);
  return `/api/v1/registry/${kind}/${id}/attachments/${up.json().id}`;
}

/** The kinds some kind's `ref` fields point to (top level, lists and objects). */
function referencedKinds(): string[] {
  const out = new Set<string>();
  const walk = (f: FieldSpec) => {
    if (f.type === 'ref') out.add(f.kind);
    if (f.type === 'list') walk(f.of);
    if (f.type === 'object') for (const g of Object.values(f.fields)) walk(g);
  };
  for (const k of KINDS) for (const f of Object.values(k.fields)) walk(f);
  return [...out];
}
const refs: Record<string, string> = {};

/** Subscribers to every kind: they must be notified of exactly the published records they may read. */
const SUBSCRIBERS: Rel[] = ['same_org_ncp', 'same_org_other', 'other_org', 'red_recipient', 'observer'];

beforeAll(async () => {
  t = await createTestApp();
  const author = await t.as('nl.expert@demo.eucab.eu');
  const colleague = await t.as('nl.analyst@demo.eucab.eu');
  // Kinds the risk-management network's coordinator publishes: the author (nl.expert) is that
  // coordinator and never approves their own, so a second coordinator (no caller of the matrix) does.
  const lu = await t.rt.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'lu.expert@demo.eucab.eu')
    .executeTakeFirstOrThrow();
  const riskNet = await t.rt.db
    .selectFrom('networks')
    .select('id')
    .where('code', '=', 'risk-management')
    .executeTakeFirstOrThrow();
  const promoted = await t.rt.db
    .updateTable('network_memberships')
    .set({ role: 'coordinator', status: 'active' })
    .where('network_id', '=', riskNet.id)
    .where('user_id', '=', lu.id)
    .executeTakeFirst();
  if (Number(promoted.numUpdatedRows) === 0)
    await t.rt.db
      .insertInto('network_memberships')
      .values({
        network_id: riskNet.id,
        user_id: lu.id,
        role: 'coordinator',
        status: 'active',
        requested_by: lu.id,
      })
      .execute();
  const secondCoordinator = await t.as('lu.expert@demo.eucab.eu');
  const approverOf = (kind: KindDefinition) =>
    approvalSteps(kind).some((s) => s.by === 'network_coordinator') ? secondCoordinator : colleague;
  const recipient = await t.userId('be.expert@demo.eucab.eu');
  const fr = (
    await t.rt.db.selectFrom('organisations').select('id').where('code', '=', 'FR').executeTakeFirstOrThrow()
  ).id;
  callers.set('same_org_ncp', { client: await t.as('nl.ncp@demo.eucab.eu') });
  callers.set('same_org_other', { client: colleague });
  callers.set('other_org', { client: await t.as('fr.expert@demo.eucab.eu') });
  callers.set('red_recipient', { client: await t.as('be.expert@demo.eucab.eu') });
  callers.set('observer', { client: await t.as('observer@demo.eucab.eu') });
  refs.user = await t.userId('nl.expert@demo.eucab.eu'); // `ref('user')`: the example's creator
  for (const rel of SUBSCRIBERS)
    for (const kind of KINDS) {
      const sub = await callers.get(rel)!.client!.post('/api/v1/registry/subscriptions', { kind: kind.name });
      expect(sub.statusCode, sub.body).toBe(201);
    }
  // One published record (eucab, GREEN: every signed-in caller reads it) of each kind another
  // kind's fields refer to, for the examples' references.
  for (const name of referencedKinds()) {
    const kind = KINDS.find((k) => k.name === name)!;
    const shared = await author.post(`/api/v1/registry/${name}`, {
      data: kind.example(`shared${name.replace(/_/g, '')}`, () => {
        throw new Error(`${name}: a referenced kind's example must not refer to others`);
      }),
      marking: { distribution: 'eucab', tlp: 'green' },
      publish: !approved(kind),
    });
    expect(shared.statusCode, shared.body).toBe(201);
    refs[name] = shared.json().id as string;
    if (approved(kind)) {
      expect((await author.post(`/api/v1/registry/${name}/${refs[name]}/submit`)).statusCode).toBe(200);
      expect((await approverOf(kind).post(`/api/v1/registry/${name}/${refs[name]}/publish`)).statusCode).toBe(
        200,
      );
    }
  }
  for (const kind of KINDS) {
    for (const c of CASES) {
      const token = `mx${kind.name.replace(/_/g, '')}${c.replace(/_/g, '')}`;
      const marking = {
        org_amber: { distribution: 'organisation', tlp: 'amber' },
        eucab_green: { distribution: 'eucab', tlp: 'green' },
        public_clear: { distribution: 'public', tlp: 'clear' },
        eucab_red: { distribution: 'eucab', tlp: 'red', recipientIds: [recipient] },
        draft_eucab: { distribution: 'eucab', tlp: 'green' },
        orgs_amber: { distribution: 'organisations', tlp: 'amber', organisationIds: [fr] },
      }[c];
      const data = kind.example(token, (k) => refs[k]!);
      const res = await author.post(`/api/v1/registry/${kind.name}`, {
        data,
        marking,
        publish: c !== 'draft_eucab' && !approved(kind),
      });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id as string;
      // Attached while the author may still change it (a submitted four-eyes record is frozen).
      const attachmentUrl = await attach(author, kind.name, id);
      if (approved(kind) && c !== 'draft_eucab') {
        expect((await author.post(`/api/v1/registry/${kind.name}/${id}/submit`)).statusCode).toBe(200);
        const pub = await approverOf(kind).post(`/api/v1/registry/${kind.name}/${id}/publish`);
        // The colleague cannot read a RED record, so a RED four-eyes record needs a named colleague.
        if (c === 'eucab_red') expect(pub.statusCode).toBe(404);
        else expect(pub.statusCode, pub.body).toBe(200);
      }
      records.push({ kind: kind.name, c, id, token, data, marking, attachmentUrl });
    }
  }
  await t.rt.outbox.drain();
  const dk = await t.as('dk.analyst@demo.eucab.eu');
  callers.set('api_key_read', {
    key: (await dk.post('/api/v1/account/api-keys', { name: 'm', scopes: ['read'], expiresInDays: 1 })).json()
      .key,
  });
  callers.set('anonymous', { client: t.client() });
}, 420_000); // every kind × 6 markings, each with an attachment: 26 kinds on a busy machine took over 240 s

afterAll(async () => t?.close());

describe('registry access matrix (every kind × caller × marking × action)', () => {
  it('read, list, search, stats and export match the hand-written table', async () => {
    const mismatches: string[] = [];
    const printed: string[] = [];
    for (const [rel, who] of callers) {
      const cells: string[] = [];
      for (const kind of KINDS) {
        const list = await call(who, 'GET', `/api/v1/registry/${kind.name}?limit=500`);
        const drafts = await call(who, 'GET', `/api/v1/registry/${kind.name}?limit=500&status=draft`);
        const listed = new Set<string>(
          [...list.json().items, ...drafts.json().items].map((x: { id: string }) => x.id),
        );
        const exp = await call(who, 'GET', `/api/v1/registry/${kind.name}/export?format=json`);
        const exported = new Set<string>(
          exp.statusCode === 200 ? exp.json().items.map((x: { id: string }) => x.id) : [],
        );
        // Statistics group by a single-valued filter field (category where the kind has it; a list
        // field would count a record once per value); kinds without one have none.
        const scalar = kind.filters.filter((f) => kind.fields[f]!.type !== 'list');
        const groupBy = scalar.includes('category') ? 'category' : scalar[0];
        const stats = groupBy
          ? await call(who, 'GET', `/api/v1/registry/${kind.name}/stats?groupBy=${groupBy}`)
          : null;
        const statTotal: number | null = stats
          ? stats.json().cells.reduce((n: number, c: { measure: number }) => n + c.measure, 0)
          : null;
        let expectedStat = 0;
        for (const rec of records.filter((x) => x.kind === kind.name)) {
          const want = expected(kind.name, rel, rec.c);
          const read = (await call(who, 'GET', `/api/v1/registry/${kind.name}/${rec.id}`)).statusCode === 200;
          const found = (await call(who, 'GET', `/api/v1/search?q=${rec.token}`))
            .json()
            .items.some((x: { id: string }) => x.id === rec.id);
          // Search and statistics cover published records; drafts are found by their owners in lists.
          const published = rec.c !== 'draft_eucab' && !(approved(kind) && rec.c === 'eucab_red');
          if (want.includes('R') && published) expectedStat++;
          const readOk = read && listed.has(rec.id) && (found || !published);
          const got = [readOk ? 'R' : '', exported.has(rec.id) ? 'E' : ''].join('') || '-';
          const wantRead = (published || rec.c === 'draft_eucab' ? want : '-').replace('U', '') || '-';
          if (read !== listed.has(rec.id) || (published && read !== found))
            mismatches.push(
              `${rel} ${kind.name}/${rec.c}: read=${read} list=${listed.has(rec.id)} search=${found}`,
            );
          if (got !== wantRead)
            mismatches.push(`${rel} ${kind.name}/${rec.c}: expected ${wantRead}, got ${got}`);
          cells.push(`${kind.name.slice(0, 9)}/${rec.c}=${got}`);
        }
        // Statistics cover published records the caller may read: besides the matrix's, the shared
        // referenced records and the demo data's records (announcements) the caller lists.
        const extra = list
          .json()
          .items.filter(
            (x: { id: string; status: string }) =>
              x.status === 'published' && !records.some((r) => r.id === x.id),
          ).length;
        if (statTotal !== null && statTotal !== expectedStat + extra)
          mismatches.push(`${rel} ${kind.name}: stats count ${statTotal}, expected ${expectedStat + extra}`);
      }
      printed.push(`${rel.padEnd(16)} ${cells.join(' ')}`);
    }
    console.log(`Registry access matrix (R read/list/search, E export):\n${printed.join('\n')}`);
    expect(mismatches).toEqual([]);
    // Every kind × caller × marking: more kinds, more calls (120 s was reached with 16 kinds on a busy machine).
  }, 600_000);

  it('a thread follows its record: the words of its posts, the @ picker and mentions reach exactly its readers', async () => {
    const author = await t.as('nl.expert@demo.eucab.eu');
    const people: Partial<Record<Rel, string>> = {
      same_org_ncp: await t.userId('nl.ncp@demo.eucab.eu'),
      same_org_other: await t.userId('nl.analyst@demo.eucab.eu'),
      other_org: await t.userId('fr.expert@demo.eucab.eu'),
      red_recipient: await t.userId('be.expert@demo.eucab.eu'),
      observer: await t.userId('observer@demo.eucab.eu'),
    };
    // Posts are written on published records (the discussions of the matrix, every marking).
    const threads = records.filter((r) => r.kind === 'discussion' && r.c !== 'draft_eucab');
    expect(threads.length).toBe(CASES.length - 1);
    for (const rec of threads) {
      const post = await author.post(`/api/v1/registry/discussion/${rec.id}/comments`, {
        body: `A post with the word thread${rec.token}.`,
        mentions: Object.values(people),
      });
      expect(post.statusCode, post.body).toBe(201);
    }
    await t.rt.outbox.drain();
    const mismatches: string[] = [];
    const printed: string[] = [];
    for (const [rel, who] of callers) {
      const cells: string[] = [];
      for (const rec of threads) {
        const reads = EXPECTED[rel][rec.c].includes('R');
        const found = (await call(who, 'GET', `/api/v1/search?q=thread${rec.token}`))
          .json()
          .items.some((x: { id: string }) => x.id === rec.id);
        const picker = (await call(who, 'GET', `/api/v1/registry/discussion/${rec.id}/mentionable?q=a`))
          .statusCode;
        // The picker is for writing a post: anonymous 401; unreadable 404; read-only callers 403.
        const wantPicker =
          rel === 'anonymous' ? 401 : !reads ? 404 : rel === 'observer' || rel === 'api_key_read' ? 403 : 200;
        const person = people[rel];
        const notified = person
          ? Boolean(
              await t.rt.db
                .selectFrom('notifications')
                .select('id')
                .where('user_id', '=', person)
                .where('record_id', '=', rec.id)
                .where('kind', '=', 'discussion.mention')
                .executeTakeFirst(),
            )
          : null;
        if (found !== reads) mismatches.push(`${rel} ${rec.c}: post search ${found}, expected ${reads}`);
        if (picker !== wantPicker)
          mismatches.push(`${rel} ${rec.c}: picker ${picker}, expected ${wantPicker}`);
        if (notified !== null && notified !== reads)
          mismatches.push(`${rel} ${rec.c}: mention notified ${notified}, expected ${reads}`);
        cells.push(`${rec.c}=${found ? 'S' : '-'}${picker}${notified ? 'N' : ''}`);
      }
      printed.push(`${rel.padEnd(16)} ${cells.join(' ')}`);
    }
    console.log(`Thread matrix (S post search, picker status, N mention notified):\n${printed.join('\n')}`);
    expect(mismatches).toEqual([]);
  });

  it('update and share match the hand-written table', async () => {
    const mismatches: string[] = [];
    for (const [rel, who] of callers) {
      for (const rec of records) {
        const kind = KINDS.find((k) => k.name === rec.kind)!;
        const want = expected(rec.kind, rel, rec.c);
        const published = rec.c !== 'draft_eucab' && !(approved(kind) && rec.c === 'eucab_red');
        const effective = published || rec.c === 'draft_eucab' ? want : '-';
        const share = await call(who, 'POST', `/api/v1/registry/${rec.kind}/${rec.id}/share`, rec.marking);
        const wantStatus =
          rel === 'anonymous'
            ? 401
            : // a read-scope key is refused by the auth hook before any record is looked up
              rel === 'api_key_read'
              ? 403
              : effective.includes('U')
                ? 200
                : effective.includes('R')
                  ? 403
                  : 404;
        if (share.statusCode !== wantStatus)
          mismatches.push(
            `${rel} share ${rec.kind}/${rec.c}: expected ${wantStatus}, got ${share.statusCode}`,
          );
        // Four-eyes kinds: a submitted or published record is corrected only by the owner; the same rule.
        const upd = await call(who, 'PUT', `/api/v1/registry/${rec.kind}/${rec.id}`, { data: rec.data });
        if (upd.statusCode !== wantStatus)
          mismatches.push(
            `${rel} update ${rec.kind}/${rec.c}: expected ${wantStatus}, got ${upd.statusCode}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  }, 300_000);

  it('the calendar feed carries the meetings each person may read, titled only where the marking allows quoting in e-mail', async () => {
    const mismatches: string[] = [];
    const meetings = records.filter((r) => r.kind === 'meeting');
    expect(meetings.length).toBe(CASES.length);
    const quotable = new Set<Case>(['eucab_green', 'public_clear', 'draft_eucab']); // CLEAR and GREEN
    for (const [rel, who] of callers) {
      if (!who.client || rel === 'anonymous') continue; // a feed belongs to a person (API keys cannot make one)
      const link = await who.client.post('/api/v1/account/calendar-feed');
      expect(link.statusCode, link.body).toBe(201);
      const ics = (await t.client().get(new URL(link.json().url).pathname)).body.replace(/\r\n[ \t]/g, '');
      const events = ics.split('BEGIN:VEVENT').slice(1);
      for (const rec of meetings) {
        const event = events.find((e) => e.includes(`UID:meetings:meeting:${rec.id}@`));
        const readable = EXPECTED[rel][rec.c].includes('R');
        const want = !readable ? 'absent' : quotable.has(rec.c) ? 'titled' : 'restricted';
        const got = !event
          ? 'absent'
          : event.includes(`SUMMARY:Meeting ${rec.token}`)
            ? 'titled'
            : event.includes('SUMMARY:Restricted item') && !event.includes(rec.token)
              ? 'restricted'
              : 'leaked';
        if (got !== want) mismatches.push(`${rel} feed meeting/${rec.c}: expected ${want}, got ${got}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('attachments, notifications and owner-only sites follow the same table', async () => {
    const mismatches: string[] = [];
    const sameOrg = new Set<Rel>(['same_org_ncp', 'same_org_other']);
    for (const [rel, who] of callers) {
      const notified = SUBSCRIBERS.includes(rel)
        ? new Set<string>(
            (await call(who, 'GET', '/api/v1/notifications?limit=200'))
              .json()
              .items.map((n: { record_id: string }) => n.record_id),
          )
        : null;
      for (const rec of records) {
        const kind = KINDS.find((k) => k.name === rec.kind)!;
        const published = rec.c !== 'draft_eucab' && !(approved(kind) && rec.c === 'eucab_red');
        const readable =
          expected(rec.kind, rel, rec.c).includes('R') && (published || rec.c === 'draft_eucab');
        // Attachments: listed and downloaded exactly when the record may be read.
        const list = await call(who, 'GET', `/api/v1/registry/${rec.kind}/${rec.id}/attachments`);
        const file = await call(who, 'GET', rec.attachmentUrl);
        for (const [what, res] of [
          ['attachments', list],
          ['download', file],
        ] as const) {
          const ok = res.statusCode === 200;
          if (ok !== readable || (!ok && ![401, 404].includes(res.statusCode)))
            mismatches.push(`${rel} ${what} ${rec.kind}/${rec.c}: ${res.statusCode}, readable=${readable}`);
        }
        // Notifications: a subscriber hears of exactly the published records they may read.
        if (notified && notified.has(rec.id) !== (readable && published))
          mismatches.push(`${rel} notified of ${rec.kind}/${rec.c}: ${notified.has(rec.id)}`);
        // Site locations: the owning administration only, through every endpoint that returns data.
        if (rec.kind === 'equipment_item' && readable) {
          const site = `Site ${rec.token}`;
          const bodies = [
            (await call(who, 'GET', `/api/v1/registry/equipment_item/${rec.id}`)).body,
            (await call(who, 'GET', `/api/v1/registry/equipment_item?limit=500&q=${rec.token}`)).body,
            (await call(who, 'GET', `/api/v1/registry/equipment_item/export?format=json`)).body,
            (await call(who, 'GET', `/api/v1/registry/equipment_item/export?format=csv`)).body,
            (await call(who, 'GET', `/api/v1/search?q=${rec.token}`)).body,
            (await call(who, 'GET', `/api/v1/search?q=${encodeURIComponent(site)}`)).body,
          ];
          const seen = bodies.map((b) => b.includes(site));
          const wantSeen = sameOrg.has(rel);
          // The owner sees the sites in the detail and exports; nobody finds a record by a site label.
          if (seen[0] !== wantSeen || seen[2] !== wantSeen || seen[3] !== wantSeen || seen[5])
            mismatches.push(`${rel} sites of equipment_item/${rec.c}: seen=${seen.join(',')}`);
          if (!wantSeen && seen.some(Boolean))
            mismatches.push(`${rel} sites of equipment_item/${rec.c} leaked: ${seen.join(',')}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    // Two calls per record and caller: more kinds, more calls (the default 120 s ran out with 26 kinds on a busy machine).
  }, 300_000);
});
