import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/crypto.ts';
import { createTestApp, DEMO_PASSWORD, type TestApp, type TestClient } from '../testing/test-app.ts';

/**
 * The access matrix: caller relation × distribution × TLP × action, on a real database through
 * the HTTP API, on network announcements — the registry kind `announcement`, through the
 * registry's endpoints (`/api/v1/registry/announcement…`). EXPECTED is written by hand from the rules in ARCHITECTURE.md ("Access model");
 * nothing here calls the policy code.
 *
 * Letters per cell: R = read, list, search and count; E = export; U = update and share;
 * N = receives a notification of the publication; '-' = none of these.
 * Columns: CLEAR, GREEN, AMBER, AMBER+STRICT, RED. Public distribution exists with CLEAR only.
 * The 'organisations' distribution names DK (the network/group member's administration) and IE
 * (the RED recipient's administration).
 */
type Rel =
  | 'same_org_ncp'
  | 'same_org_member'
  | 'in_network_or_group'
  | 'outside'
  | 'observer'
  | 'red_recipient'
  | 'api_key_read'
  | 'anonymous';
type Dist = 'organisation' | 'network' | 'sharing_group' | 'organisations' | 'eucab' | 'public';
const TLPS = ['clear', 'green', 'amber', 'amber_strict', 'red'] as const;

// prettier-ignore
const EXPECTED: Record<Rel, Record<Dist, string[]>> = {
  //                          CLEAR    GREEN    AMBER    A+STRICT RED
  same_org_ncp: {
    organisation: ['REUN', 'REUN', 'REUN', 'REUN', '-'],
    network: ['REU', 'REU', 'REU', 'REU', '-'],
    sharing_group: ['REU', 'REU', 'REU', 'REU', '-'],
    organisations: ['REUN', 'REUN', 'REUN', 'REUN', '-'],
    eucab: ['REU', 'REU', 'REU', 'REU', '-'],
    public: ['REU'],
  },
  same_org_member: {
    organisation: ['REN', 'REN', 'REN', 'REN', '-'],
    network: ['REN', 'REN', 'REN', 'REN', '-'],
    sharing_group: ['REN', 'REN', 'REN', 'REN', '-'],
    organisations: ['REN', 'REN', 'REN', 'REN', '-'],
    eucab: ['REN', 'REN', 'REN', 'REN', '-'],
    public: ['REN'],
  },
  in_network_or_group: {
    organisation: ['-', '-', '-', '-', '-'],
    network: ['REN', 'REN', 'REN', 'REN', '-'],
    sharing_group: ['REN', 'REN', 'REN', 'REN', '-'],
    organisations: ['REN', 'REN', 'REN', 'REN', '-'],
    eucab: ['REN', 'REN', 'REN', 'REN', '-'],
    public: ['REN'],
  },
  outside: {
    organisation: ['-', '-', '-', '-', '-'],
    network: ['-', '-', '-', '-', '-'],
    sharing_group: ['-', '-', '-', '-', '-'],
    organisations: ['-', '-', '-', '-', '-'],
    eucab: ['RE', 'RE', 'RE', 'RE', '-'],
    public: ['RE'],
  },
  observer: {
    organisation: ['-', '-', '-', '-', '-'],
    network: ['REN', 'REN', 'REN', 'REN', '-'],
    sharing_group: ['-', '-', '-', '-', '-'],
    organisations: ['-', '-', '-', '-', '-'],
    eucab: ['REN', 'REN', 'REN', 'REN', '-'],
    public: ['REN'],
  },
  red_recipient: {
    organisation: ['-', '-', '-', '-', 'RN'],
    network: ['-', '-', '-', '-', 'RN'],
    sharing_group: ['-', '-', '-', '-', 'RN'],
    organisations: ['REN', 'REN', 'REN', 'REN', 'RN'],
    eucab: ['RE', 'RE', 'RE', 'RE', 'RN'],
    public: ['RE'],
  },
  api_key_read: {
    organisation: ['-', '-', '-', '-', '-'],
    network: ['REN', 'REN', 'REN', 'REN', '-'],
    sharing_group: ['REN', 'REN', 'REN', 'REN', '-'],
    organisations: ['REN', 'REN', 'REN', 'REN', '-'],
    eucab: ['REN', 'REN', 'REN', 'REN', '-'],
    public: ['REN'],
  },
  anonymous: {
    organisation: ['-', '-', '-', '-', '-'],
    network: ['-', '-', '-', '-', '-'],
    sharing_group: ['-', '-', '-', '-', '-'],
    organisations: ['-', '-', '-', '-', '-'],
    eucab: ['-', '-', '-', '-', '-'],
    public: ['R'],
  },
};

interface Rec {
  id: string;
  dist: Dist;
  tlp: (typeof TLPS)[number];
  title: string;
  recipients: string[];
}

type Caller =
  | { kind: 'session'; client: TestClient }
  | { kind: 'key'; key: string }
  | { kind: 'anonymous'; client: TestClient };

let t: TestApp;
const records: Rec[] = [];
const callers = new Map<Rel, Caller>();
let groupId = '';
const BASE = '/api/v1/registry/announcement';
let namedOrgIds: string[] = [];

async function call(
  c: Caller,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  if (c.kind === 'key') {
    return t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${c.key}` },
      ...(payload ? { payload: payload as object } : {}),
    });
  }
  return c.client.request({ method, url, ...(payload ? { payload: payload as object } : {}) });
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.rt.db;
  groupId = (await db.selectFrom('sharing_groups').select('id').executeTakeFirstOrThrow()).id; // Baltic Sea group: DK, EE, FI, LV, LT, PL, SE, DE
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const [email, code] of [
    ['outsider@hu.test', 'HU'],
    ['recipient@ie.test', 'IE'],
  ] as const) {
    const org = await db
      .selectFrom('organisations')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('users')
      .values({ email, display_name: email, organisation_id: org.id, password_hash: hash })
      .execute();
  }
  const recipientId = await t.userId('recipient@ie.test');
  const orgIdOf = async (code: string) =>
    (await db.selectFrom('organisations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  namedOrgIds = [await orgIdOf('DK'), await orgIdOf('IE')];
  const author = await t.as('nl.expert@demo.eucab.eu'); // coordinator of risk management, NL
  const dists: Dist[] = ['organisation', 'network', 'sharing_group', 'organisations', 'eucab', 'public'];
  for (const dist of dists) {
    for (const tlp of dist === 'public' ? (['clear'] as const) : TLPS) {
      const title = `matrixprobe ${dist} ${tlp}`;
      const recipients = tlp === 'red' ? [recipientId] : [];
      const res = await author.post(BASE, {
        data: { title, body: 'Access matrix fixture.', network: 'risk-management' },
        marking: {
          distribution: dist,
          ...(dist === 'sharing_group' ? { sharingGroupId: groupId } : {}),
          ...(dist === 'organisations' ? { organisationIds: namedOrgIds } : {}),
          tlp,
          recipientIds: recipients,
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      records.push({ id: res.json().id, dist, tlp, title, recipients });
    }
  }
  await t.rt.outbox.drain();

  callers.set('same_org_ncp', { kind: 'session', client: await t.as('nl.ncp@demo.eucab.eu') });
  callers.set('same_org_member', { kind: 'session', client: await t.as('nl.analyst@demo.eucab.eu') });
  const dk = await t.as('dk.analyst@demo.eucab.eu');
  callers.set('in_network_or_group', { kind: 'session', client: dk });
  callers.set('outside', { kind: 'session', client: await t.as('outsider@hu.test') });
  callers.set('observer', { kind: 'session', client: await t.as('observer@demo.eucab.eu') });
  callers.set('red_recipient', { kind: 'session', client: await t.as('recipient@ie.test') });
  const key = (
    await dk.post('/api/v1/account/api-keys', { name: 'matrix', scopes: ['read'], expiresInDays: 1 })
  ).json().key;
  callers.set('api_key_read', { kind: 'key', key });
  callers.set('anonymous', { kind: 'anonymous', client: t.client() });
}, 180_000);

afterAll(async () => t?.close());

function expected(rel: Rel, r: Rec): string {
  const row = EXPECTED[rel][r.dist];
  return row[TLPS.indexOf(r.tlp)]!;
}

describe('access matrix (caller × distribution × TLP × action)', () => {
  it('public distribution is refused unless TLP:CLEAR', async () => {
    const author = await t.as('nl.expert@demo.eucab.eu');
    for (const tlp of ['green', 'amber', 'amber_strict', 'red']) {
      const res = await author.post(BASE, {
        data: { title: 'public probe', body: 'x', network: 'risk-management' },
        marking: { distribution: 'public', tlp, recipientIds: [] },
      });
      expect(res.statusCode).toBe(400);
    }
  });

  it('read, list, search, count, export and notify match the hand-written table', async () => {
    const printed: string[] = [];
    const mismatches: string[] = [];
    for (const [rel, c] of callers) {
      const list = await call(c, 'GET', `${BASE}?network=risk-management&limit=500`);
      const listed = new Set<string>(list.json().items.map((x: { id: string }) => x.id));
      const search = await call(c, 'GET', `${BASE}?q=matrixprobe&limit=200`);
      const found = new Set<string>(search.json().items.map((x: { id: string }) => x.id));
      const count = (await call(c, 'GET', `${BASE}?q=matrixprobe&limit=1`)).json().total;
      const exp = await call(c, 'GET', `${BASE}/export?format=json&q=matrixprobe`);
      const exported = new Set<string>(
        exp.statusCode === 200 ? exp.json().items.map((x: { id: string }) => x.id) : [],
      );
      if (rel === 'anonymous') expect(exp.statusCode).toBe(401);
      const notes = await call(c, 'GET', '/api/v1/notifications?limit=200');
      const notified = new Set<string>(
        notes.statusCode === 200 ? notes.json().items.map((x: { record_id: string }) => x.record_id) : [],
      );
      let expectedCount = 0;
      const cells: string[] = [];
      for (const r of records) {
        const want = expected(rel, r);
        const read = (await call(c, 'GET', `${BASE}/${r.id}`)).statusCode;
        const got =
          [
            read === 200 && listed.has(r.id) && found.has(r.id) ? 'R' : '',
            exported.has(r.id) ? 'E' : '',
            notified.has(r.id) ? 'N' : '',
          ].join('') || '-';
        const wantNoU = want.replace('U', '') || '-';
        if (want.includes('R')) expectedCount++;
        // read must agree across endpoints: a record is in none or all of them
        if ((read === 200) !== listed.has(r.id) || listed.has(r.id) !== found.has(r.id)) {
          mismatches.push(
            `${rel} ${r.dist}/${r.tlp}: read=${read} list=${listed.has(r.id)} search=${found.has(r.id)}`,
          );
        }
        if (got !== wantNoU) mismatches.push(`${rel} ${r.dist}/${r.tlp}: expected ${wantNoU}, got ${got}`);
        cells.push(
          `${r.dist === 'organisations' ? 'named' : r.dist.slice(0, 5)}/${r.tlp.replace('amber_strict', 'a+s')}=${got}`,
        );
      }
      if (count !== expectedCount) mismatches.push(`${rel}: count ${count}, expected ${expectedCount}`);
      printed.push(`${rel.padEnd(20)} ${cells.join(' ')}`);
    }
    console.log(
      `Access matrix checked (R read/list/search/count, E export, N notified):\n${printed.join('\n')}`,
    );
    expect(mismatches).toEqual([]);
  });

  it('update and share match the hand-written table (403 when readable, 404 when not, 401 anonymous)', async () => {
    const mismatches: string[] = [];
    const printed: string[] = [];
    for (const [rel, c] of callers) {
      const cells: string[] = [];
      for (const r of records) {
        const want = expected(rel, r);
        const upd = await call(c, 'PUT', `${BASE}/${r.id}`, {
          data: { title: r.title, body: 'Access matrix fixture.', network: 'risk-management' },
        });
        const share = await call(c, 'POST', `${BASE}/${r.id}/share`, {
          distribution: r.dist,
          ...(r.dist === 'sharing_group' ? { sharingGroupId: groupId } : {}),
          ...(r.dist === 'organisations' ? { organisationIds: namedOrgIds } : {}),
          tlp: r.tlp,
          recipientIds: r.recipients,
        });
        const wantStatus =
          rel === 'anonymous'
            ? 401
            : // a read-scope key is refused by the auth hook before any record is looked up
              rel === 'api_key_read'
              ? 403
              : want.includes('U')
                ? 200
                : want.includes('R')
                  ? 403
                  : 404;
        // An API key without write scope, or a read-only user, is refused before anything else.
        if (upd.statusCode !== wantStatus)
          mismatches.push(`${rel} update ${r.dist}/${r.tlp}: expected ${wantStatus}, got ${upd.statusCode}`);
        if (share.statusCode !== wantStatus)
          mismatches.push(`${rel} share ${r.dist}/${r.tlp}: expected ${wantStatus}, got ${share.statusCode}`);
        cells.push(`${upd.statusCode}`);
      }
      printed.push(`${rel.padEnd(20)} ${cells.join(' ')}`);
    }
    console.log(`Update/share statuses per record (same order as above):\n${printed.join('\n')}`);
    expect(mismatches).toEqual([]);
  });
});
