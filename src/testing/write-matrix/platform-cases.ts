import { totpCode } from '../test-app.ts';
import { closeFixtureJob, fixtureJob, type MatrixCtx, type WriteCase } from './harness.ts';

/**
 * Write cases of the platform's own objects: accounts, organisations, identity providers, users
 * and roles, networks and memberships, the former announcement paths (308), notifications, jobs, code lists, saved
 * filters and alert subscriptions. Personal operations act on the caller's own account: for them
 * the other users' columns are not applicable (`null`), or show that another user's item is
 * not theirs (404).
 */
const d = (cc: string, who: string) => `${cc}.${who}@demo.eucab.eu`;
const ADMIN = 'admin@demo.eucab.eu';
const SECRETARIAT = 'secretariat@demo.eucab.eu'; // an EUCAB unit user without the administrator role
const PASSWORD = 'demo-password-for-tests-1';
const PERSONAL = 'personal operation: each caller acts on their own account';

/** A fresh user of an administration (no password: never signs in), created by the administrator. */
async function freshUser(ctx: MatrixCtx, orgCode: string, roles: string[] = []): Promise<string> {
  const u = await ctx.ok(ADMIN, 'POST', '/api/v1/users', {
    email: `${ctx.token()}@${orgCode.toLowerCase()}.demo.eucab.eu`,
    displayName: `Matrix user ${ctx.token()}`,
    organisationId: await ctx.orgId(orgCode),
  });
  for (const role of roles) await ctx.ok(ADMIN, 'PUT', `/api/v1/users/${u.id}/roles/${role}`);
  return u.id;
}

/** A membership row in the given state for a fresh user (fixture written directly). */
async function membership(
  ctx: MatrixCtx,
  orgCode: string,
  network: string,
  status: string,
  roles: string[] = [],
) {
  const userId = await freshUser(ctx, orgCode, roles);
  const row = await ctx.t.rt.db
    .insertInto('network_memberships')
    .values({
      network_id: await ctx.networkId(network),
      user_id: userId,
      role: 'expert',
      status: status as never,
      requested_by: userId,
      created_at: new Date(),
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const accountCases: WriteCase[] = [
  {
    op: 'POST /api/v1/account/password',
    owner: d('lu', 'expert'),
    otherOrg: d('lu', 'expert'),
    sameOrgNoRole: d('lu', 'expert'),
    // API keys never manage the account (a key must not outlive a password change it made).
    expect: { owner: 204, writeKey: 403, readOnlyOrg: null, otherOrg: null, sameOrgNoRole: null },
    notApplicable: PERSONAL,
    prepare: async () => ({
      url: '/api/v1/account/password',
      body: { currentPassword: PASSWORD, newPassword: 'Matrix-new-password-2026!' },
    }),
  },
  {
    op: 'POST /api/v1/account/totp/setup',
    owner: d('lv', 'expert'),
    otherOrg: d('lv', 'expert'),
    sameOrgNoRole: d('lv', 'expert'),
    expect: { owner: 200, writeKey: 403, readOnlyOrg: null, otherOrg: null, sameOrgNoRole: null },
    notApplicable: PERSONAL,
    prepare: async () => ({ url: '/api/v1/account/totp/setup' }),
  },
  {
    op: 'POST /api/v1/account/totp/confirm',
    owner: d('lt', 'expert'),
    otherOrg: d('lt', 'expert'),
    sameOrgNoRole: d('lt', 'expert'),
    expect: { owner: 200, writeKey: 403, readOnlyOrg: null, otherOrg: null, sameOrgNoRole: null },
    notApplicable: PERSONAL,
    prepare: async (ctx, caller) => {
      if (caller !== 'owner') return { url: '/api/v1/account/totp/confirm', body: { code: '000000' } };
      const s = await ctx.ok(d('lt', 'expert'), 'POST', '/api/v1/account/totp/setup');
      return { url: '/api/v1/account/totp/confirm', body: { code: await totpCode(s.secret) } };
    },
  },
  {
    op: 'POST /api/v1/account/totp/disable',
    owner: d('mt', 'expert'),
    otherOrg: d('mt', 'expert'),
    sameOrgNoRole: d('mt', 'expert'),
    expect: { owner: 204, writeKey: 403, readOnlyOrg: null, otherOrg: null, sameOrgNoRole: null },
    notApplicable: PERSONAL,
    prepare: async (ctx, caller) => {
      if (caller === 'owner') {
        const s = await ctx.ok(d('mt', 'expert'), 'POST', '/api/v1/account/totp/setup');
        await ctx.ok(d('mt', 'expert'), 'POST', '/api/v1/account/totp/confirm', {
          code: await totpCode(s.secret),
        });
      }
      return { url: '/api/v1/account/totp/disable', body: { password: PASSWORD } };
    },
  },
  {
    op: 'POST /api/v1/account/recovery-codes',
    owner: d('cy', 'ncp'),
    otherOrg: d('cy', 'ncp'),
    sameOrgNoRole: d('cy', 'ncp'),
    expect: { owner: 200, writeKey: 403, readOnlyOrg: null, otherOrg: null, sameOrgNoRole: null },
    notApplicable: PERSONAL,
    prepare: async () => ({ url: '/api/v1/account/recovery-codes' }),
  },
  {
    op: 'POST /api/v1/account/api-keys',
    owner: d('si', 'expert'),
    otherOrg: d('si', 'expert'),
    sameOrgNoRole: d('si', 'expert'),
    expect: { owner: 201, writeKey: 403, readOnlyOrg: 201, otherOrg: null, sameOrgNoRole: null },
    notApplicable: PERSONAL,
    prepare: async () => ({
      url: '/api/v1/account/api-keys',
      body: { name: 'matrix', scopes: ['read'], expiresInDays: 1 },
    }),
  },
  {
    op: 'DELETE /api/v1/account/api-keys/{id}',
    owner: d('si', 'expert'),
    otherOrg: d('fi', 'expert'),
    sameOrgNoRole: d('si', 'analyst'),
    // Another user's key is not theirs to revoke: it does not exist for them.
    expect: { owner: 204, writeKey: 403, readOnlyOrg: 404, otherOrg: 404, sameOrgNoRole: 404 },
    prepare: async (ctx) => {
      const k = await ctx.ok(d('si', 'expert'), 'POST', '/api/v1/account/api-keys', {
        name: 'to revoke',
        scopes: ['read'],
        expiresInDays: 1,
      });
      return { url: `/api/v1/account/api-keys/${k.id}` };
    },
  },
  {
    op: 'PATCH /api/v1/account/profile',
    owner: d('sk', 'expert'),
    otherOrg: d('sk', 'expert'),
    sameOrgNoRole: d('sk', 'expert'),
    // Commission users are read-only on records, not on their own profile.
    expect: { owner: 200, writeKey: 403, readOnlyOrg: 200, otherOrg: null, sameOrgNoRole: null },
    notApplicable: PERSONAL,
    prepare: async () => ({ url: '/api/v1/account/profile', body: { locale: 'fr' } }),
  },
  {
    op: 'PUT /api/v1/directory/me',
    owner: d('sk', 'analyst'),
    otherOrg: d('sk', 'analyst'),
    sameOrgNoRole: d('sk', 'analyst'),
    // Each person edits their own directory entry in the browser, the Commission's observers too.
    expect: { owner: 200, writeKey: 403, readOnlyOrg: 200, otherOrg: null, sameOrgNoRole: null },
    notApplicable: PERSONAL,
    prepare: async (ctx) => ({
      url: '/api/v1/directory/me',
      body: { jobTitle: `Officer ${ctx.token()}`, shown: ['job_title'] },
    }),
  },
];

const adminCases: WriteCase[] = [
  {
    op: 'POST /api/v1/organisations',
    owner: ADMIN,
    otherOrg: d('at', 'ncp'),
    sameOrgNoRole: SECRETARIAT,
    expect: { owner: 201 },
    prepare: async (ctx) => ({
      url: '/api/v1/organisations',
      body: { code: `WM-${ctx.token().toUpperCase()}`, type: 'eucab_unit', name: 'Matrix unit' },
    }),
  },
  {
    op: 'PATCH /api/v1/organisations/{id}',
    owner: ADMIN,
    otherOrg: d('at', 'ncp'),
    sameOrgNoRole: SECRETARIAT,
    expect: { owner: 200 },
    prepare: async (ctx) => ({
      url: `/api/v1/organisations/${await ctx.orgId('EUCAB-LAND')}`,
      body: { name: `EUCAB Land unit ${ctx.token()}` },
    }),
  },
  {
    op: 'PUT /api/v1/organisations/{id}/iati-identifier',
    owner: d('hu', 'ncp'),
    otherOrg: d('at', 'ncp'),
    sameOrgNoRole: d('hu', 'expert'),
    expect: { owner: 200 },
    prepare: async (ctx) => ({
      url: `/api/v1/organisations/${await ctx.orgId('HU')}/iati-identifier`,
      body: { iatiOrgId: `HU-MATRIX-${ctx.token()}` },
    }),
  },
  {
    op: 'POST /api/v1/sharing-groups',
    owner: ADMIN,
    otherOrg: d('at', 'ncp'),
    sameOrgNoRole: SECRETARIAT,
    expect: { owner: 201 },
    prepare: async (ctx) => ({
      url: '/api/v1/sharing-groups',
      body: {
        name: `Matrix group ${ctx.token()}`,
        organisationIds: [await ctx.orgId('AT'), await ctx.orgId('BE')],
      },
    }),
  },
  {
    op: 'POST /api/v1/identity-providers',
    owner: ADMIN,
    otherOrg: d('at', 'ncp'),
    sameOrgNoRole: SECRETARIAT,
    expect: { owner: 201 },
    prepare: async (ctx) => ({
      url: '/api/v1/identity-providers',
      body: {
        organisationId: await ctx.orgId('AT'),
        name: `Matrix IdP ${ctx.token()}`,
        issuer: `https://idp.${ctx.token()}.example.eu`,
        clientId: 'matrix',
        clientSecret: 'matrix-client-secret',
      },
    }),
  },
  {
    op: 'PATCH /api/v1/identity-providers/{id}',
    owner: ADMIN,
    otherOrg: d('at', 'ncp'),
    sameOrgNoRole: SECRETARIAT,
    expect: { owner: 200 },
    prepare: async (ctx) => {
      const p = await ctx.ok(ADMIN, 'POST', '/api/v1/identity-providers', {
        organisationId: await ctx.orgId('AT'),
        name: `Matrix IdP ${ctx.token()}`,
        issuer: `https://idp.${ctx.token()}.example.eu`,
        clientId: 'matrix',
        clientSecret: 'matrix-client-secret',
      });
      return { url: `/api/v1/identity-providers/${p.id}`, body: { enabled: false } };
    },
  },
  {
    op: 'POST /api/v1/code-lists/{name}/codes',
    owner: ADMIN,
    otherOrg: d('at', 'ncp'),
    sameOrgNoRole: SECRETARIAT,
    expect: { owner: 201 },
    prepare: async (ctx) => ({
      url: '/api/v1/code-lists/control_purpose/codes',
      body: { code: ctx.token(), labels: { en: 'Matrix purpose', fr: 'But', de: 'Zweck' } },
    }),
  },
  {
    op: 'PATCH /api/v1/code-lists/{name}/codes/{code}',
    owner: ADMIN,
    otherOrg: d('at', 'ncp'),
    sameOrgNoRole: SECRETARIAT,
    expect: { owner: 200 },
    prepare: async (ctx) => {
      const code = ctx.token();
      await ctx.ok(ADMIN, 'POST', '/api/v1/code-lists/control_purpose/codes', {
        code,
        labels: { en: 'Matrix purpose', fr: 'But', de: 'Zweck' },
      });
      return { url: `/api/v1/code-lists/control_purpose/codes/${code}`, body: { active: false } };
    },
  },
];

/** Users and roles: the NCP deputy manages the users of lower rank, never the NCP (trust issue). */
const userCases: WriteCase[] = [
  {
    op: 'POST /api/v1/users',
    owner: d('be', 'deputy'),
    otherOrg: d('at', 'ncp'),
    sameOrgNoRole: d('be', 'expert'),
    expect: { owner: 201 },
    prepare: async (ctx) => ({
      url: '/api/v1/users',
      body: {
        email: `${ctx.token()}@be.demo.eucab.eu`,
        displayName: 'New BE user',
        organisationId: await ctx.orgId('BE'),
      },
    }),
  },
  // Acting on a fresh BE user holding `roles`: the owner outranks them; the colleague either
  // cannot see users' details (404) or is the deputy who does not outrank them (403).
  ...(
    [
      [
        'PATCH',
        '',
        'a user of lower rank',
        d('be', 'deputy'),
        d('be', 'expert'),
        [],
        200,
        { status: 'disabled' },
      ],
      [
        'PATCH',
        '',
        'an NCP (the deputy may not)',
        ADMIN,
        d('be', 'deputy'),
        ['ncp'],
        200,
        { status: 'disabled' },
      ],
      [
        'PATCH',
        '',
        'another NCP deputy (a deputy may not)',
        d('be', 'ncp'),
        d('be', 'deputy'),
        ['ncp_deputy'],
        200,
        { displayName: 'Renamed deputy' },
      ],
      ['PUT', '/roles/risk_analyst', 'a user of lower rank', d('be', 'deputy'), d('be', 'expert'), [], 204],
      [
        'PUT',
        '/roles/screening_reviewer',
        'an NCP deputy (another deputy may not)',
        d('be', 'ncp'),
        d('be', 'deputy'),
        ['ncp_deputy'],
        204,
      ],
      [
        'DELETE',
        '/roles/risk_analyst',
        'a user of lower rank',
        d('be', 'deputy'),
        d('be', 'expert'),
        ['risk_analyst'],
        204,
      ],
      [
        'DELETE',
        '/roles/risk_analyst',
        'an NCP (the deputy may not)',
        ADMIN,
        d('be', 'deputy'),
        ['ncp', 'risk_analyst'],
        204,
      ],
    ] as const
  ).map(
    ([method, suffix, variant, owner, colleague, roles, status, body]): WriteCase => ({
      op: `${method} /api/v1/users/{id}${suffix ? '/roles/{role}' : ''}`,
      variant,
      owner,
      otherOrg: d('at', 'ncp'),
      sameOrgNoRole: colleague,
      expect: {
        owner: status,
        readOnlyOrg: 404,
        otherOrg: 404,
        sameOrgNoRole: colleague === d('be', 'deputy') ? 403 : 404,
      },
      prepare: async (ctx) => ({
        url: `/api/v1/users/${await freshUser(ctx, 'BE', [...roles])}${suffix}`,
        ...(body ? { body } : {}),
      }),
    }),
  ),
  {
    op: 'POST /api/v1/users/{id}/erase-personal-data',
    owner: ADMIN,
    otherOrg: d('at', 'ncp'),
    sameOrgNoRole: d('be', 'ncp'),
    expect: { owner: 200, readOnlyOrg: 404, otherOrg: 404, sameOrgNoRole: 403 },
    prepare: async (ctx) => {
      const id = await freshUser(ctx, 'BE');
      await ctx.ok(ADMIN, 'PATCH', `/api/v1/users/${id}`, { status: 'disabled' });
      return { url: `/api/v1/users/${id}/erase-personal-data` };
    },
  },
  {
    op: 'POST /api/v1/users/import',
    variant: 'new users',
    owner: d('be', 'deputy'),
    otherOrg: d('at', 'ncp'),
    sameOrgNoRole: d('be', 'expert'),
    expect: { owner: 202 },
    prepare: async (ctx) => ({
      url: `/api/v1/users/import?organisationId=${await ctx.orgId('BE')}&dryRun=false`,
      upload: {
        filename: 'users.csv',
        content: `email,display_name\n${ctx.token()}@be.demo.eucab.eu,Imported user\n`,
        contentType: 'text/csv',
      },
    }),
  },
  {
    op: 'POST /api/v1/users/import',
    variant: 'a line naming the NCP (the deputy may not change them)',
    owner: ADMIN,
    otherOrg: d('at', 'ncp'),
    sameOrgNoRole: d('be', 'deputy'),
    // The deputy's file is refused as a whole (422, the line named); nothing is imported.
    expect: { owner: 202, sameOrgNoRole: 422 },
    prepare: async (ctx) => ({
      url: `/api/v1/users/import?organisationId=${await ctx.orgId('BE')}&dryRun=false`,
      upload: {
        filename: 'users.csv',
        content: `email,display_name\n${d('be', 'ncp')},Renamed by an import ${ctx.token()}\n`,
        contentType: 'text/csv',
      },
    }),
  },
  {
    op: 'POST /api/v1/users/import/{jobId}/cancel',
    owner: d('be', 'deputy'),
    otherOrg: d('at', 'ncp'),
    sameOrgNoRole: d('be', 'expert'),
    // A user import is readable by its starter alone.
    expect: { owner: 200, readOnlyOrg: 404, otherOrg: 404, sameOrgNoRole: 404 },
    prepare: async (ctx) => {
      const id = await fixtureJob(ctx, d('be', 'deputy'), 'users.import', {
        organisationId: await ctx.orgId('BE'),
      });
      return { url: `/api/v1/users/import/${id}/cancel`, state: { job: id } };
    },
    cleanup: (ctx, p) => closeFixtureJob(ctx, p.state?.job),
  },
];

const networkCases: WriteCase[] = [
  {
    op: 'POST /api/v1/networks/{id}/memberships',
    variant: 'the NCP nominates a user of their administration',
    owner: d('lu', 'ncp'),
    otherOrg: d('at', 'ncp'),
    sameOrgNoRole: d('lu', 'expert'),
    expect: { owner: 201 },
    prepare: async (ctx) => ({
      url: `/api/v1/networks/${await ctx.networkId('training')}/memberships`,
      body: { userId: await freshUser(ctx, 'LU'), role: 'expert' },
    }),
  },
  {
    op: 'POST /api/v1/networks/{id}/memberships',
    variant: 'a platform administrator appoints a coordinator',
    owner: ADMIN,
    otherOrg: d('lu', 'ncp'),
    sameOrgNoRole: SECRETARIAT,
    expect: { owner: 201 },
    prepare: async (ctx) => ({
      url: `/api/v1/networks/${await ctx.networkId('communication')}/memberships`,
      body: { userId: await freshUser(ctx, 'LU'), role: 'coordinator' },
    }),
  },
  {
    op: 'POST /api/v1/networks/{id}/memberships',
    variant: 'a user asks to join',
    owner: d('hr', 'analyst'),
    otherOrg: d('hr', 'analyst'),
    sameOrgNoRole: d('hr', 'analyst'),
    expect: { owner: 201, readOnlyOrg: 403, otherOrg: null, sameOrgNoRole: null },
    notApplicable: PERSONAL,
    prepare: async (ctx, caller) => {
      const network = await ctx.networkId('third-countries');
      // Each call starts without an open membership (a second request would be a 409).
      await ctx.t.rt.db
        .updateTable('network_memberships')
        .set({ status: 'withdrawn' as never })
        .where('network_id', '=', network)
        .where('user_id', '=', await ctx.userId(d('hr', 'analyst')))
        .execute();
      // The Commission asks as an observer (the only role it may hold): refused, it is appointed.
      const role = caller === 'readOnlyOrg' ? 'observer' : 'expert';
      return { url: `/api/v1/networks/${network}/memberships`, body: { role } };
    },
  },
  {
    op: 'POST /api/v1/memberships/{id}/endorse',
    owner: d('lu', 'ncp'),
    otherOrg: d('at', 'ncp'),
    sameOrgNoRole: d('lu', 'expert'),
    expect: { owner: 200 },
    prepare: async (ctx) => ({
      url: `/api/v1/memberships/${await membership(ctx, 'LU', 'innovation', 'requested')}/endorse`,
    }),
  },
  ...(['approve', 'reject'] as const).map(
    (verb): WriteCase => ({
      op: `POST /api/v1/memberships/{id}/${verb}`,
      // ee.expert coordinates the innovation network; nl.expert coordinates another one.
      owner: d('ee', 'expert'),
      otherOrg: d('nl', 'expert'),
      sameOrgNoRole: d('ee', 'analyst'),
      expect: { owner: 200 },
      prepare: async (ctx) => ({
        url: `/api/v1/memberships/${await membership(ctx, 'LU', 'innovation', 'endorsed')}/${verb}`,
      }),
    }),
  ),
  {
    op: 'POST /api/v1/memberships/{id}/reject',
    variant: "the NCP's own request (their deputy may not refuse it)",
    owner: d('ee', 'expert'),
    otherOrg: d('at', 'ncp'),
    sameOrgNoRole: d('be', 'deputy'),
    expect: { owner: 200 },
    prepare: async (ctx) => ({
      url: `/api/v1/memberships/${await membership(ctx, 'BE', 'innovation', 'requested', ['ncp'])}/reject`,
    }),
  },
  {
    op: 'POST /api/v1/memberships/{id}/withdraw',
    variant: "the NCP's membership (their deputy may not end it)",
    owner: ADMIN,
    otherOrg: d('at', 'ncp'),
    sameOrgNoRole: d('be', 'deputy'),
    expect: { owner: 200 },
    prepare: async (ctx) => ({
      url: `/api/v1/memberships/${await membership(ctx, 'BE', 'innovation', 'active', ['ncp'])}/withdraw`,
    }),
  },
  {
    op: 'POST /api/v1/memberships/{id}/withdraw',
    owner: d('lu', 'ncp'),
    otherOrg: d('at', 'ncp'),
    sameOrgNoRole: d('lu', 'expert'),
    expect: { owner: 200 },
    prepare: async (ctx) => ({
      url: `/api/v1/memberships/${await membership(ctx, 'LU', 'innovation', 'active')}/withdraw`,
    }),
  },
];

/**
 * The former announcement paths answer 308 to the registry's whoever calls (the registry kind
 * `announcement` has its own generated cases); a read-scope key is refused by the auth hook, as
 * for any write operation.
 */
const ALIAS_ID = '00000000-0000-4000-8000-000000000001';
const REDIRECTED = { owner: 308, anonymous: 308, readOnlyOrg: 308, otherOrg: 308, sameOrgNoRole: 308 };
const announcementAliasCases: WriteCase[] = (
  [
    ['POST /api/v1/announcements', '/api/v1/announcements'],
    ['PATCH /api/v1/announcements/{id}', `/api/v1/announcements/${ALIAS_ID}`],
    ['DELETE /api/v1/announcements/{id}', `/api/v1/announcements/${ALIAS_ID}`],
    ['POST /api/v1/announcements/{id}/share', `/api/v1/announcements/${ALIAS_ID}/share`],
    ['POST /api/v1/announcements/{id}/attachments', `/api/v1/announcements/${ALIAS_ID}/attachments`],
    ['PUT /api/v1/announcements/{id}/editors', `/api/v1/announcements/${ALIAS_ID}/editors`],
  ] as const
).map(([op, url]) => ({
  op,
  owner: d('nl', 'expert'),
  otherOrg: d('fr', 'expert'),
  sameOrgNoRole: d('nl', 'analyst'),
  expect: REDIRECTED,
  prepare: async () => ({ url }),
}));

/** Personal state: the caller's own notifications, jobs, saved filters and alert subscriptions. */
const personalCases: WriteCase[] = [
  {
    op: 'POST /api/v1/notifications/{id}/read',
    owner: d('pt', 'expert'),
    otherOrg: d('es', 'expert'),
    sameOrgNoRole: d('pt', 'analyst'),
    expect: { owner: 204, readOnlyOrg: 404, otherOrg: 404, sameOrgNoRole: 404 },
    prepare: async (ctx) => {
      const n = await ctx.t.rt.db
        .insertInto('notifications')
        .values({
          user_id: await ctx.userId(d('pt', 'expert')),
          kind: 'matrix',
          summary: 'A notification of the write matrix',
          created_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { url: `/api/v1/notifications/${n.id}/read` };
    },
  },
  {
    op: 'POST /api/v1/notifications/read-all',
    owner: d('pt', 'expert'),
    otherOrg: d('pt', 'expert'),
    sameOrgNoRole: d('pt', 'expert'),
    expect: { owner: 204, readOnlyOrg: 204, otherOrg: null, sameOrgNoRole: null },
    notApplicable: PERSONAL,
    prepare: async () => ({ url: '/api/v1/notifications/read-all' }),
  },
  {
    op: 'PUT /api/v1/notifications/preferences',
    owner: d('pt', 'expert'),
    otherOrg: d('pt', 'expert'),
    sameOrgNoRole: d('pt', 'expert'),
    expect: { owner: 200, readOnlyOrg: 200, otherOrg: null, sameOrgNoRole: null },
    notApplicable: PERSONAL,
    prepare: async () => ({ url: '/api/v1/notifications/preferences', body: { digest: 'weekly' } }),
  },
  {
    op: 'POST /api/v1/jobs/{id}/cancel',
    owner: d('pt', 'expert'),
    otherOrg: d('es', 'expert'),
    sameOrgNoRole: d('pt', 'analyst'),
    expect: { owner: 200, readOnlyOrg: 404, otherOrg: 404, sameOrgNoRole: 404 },
    prepare: async (ctx) => {
      const id = await fixtureJob(ctx, d('pt', 'expert'));
      return { url: `/api/v1/jobs/${id}/cancel`, state: { job: id } };
    },
    cleanup: (ctx, p) => closeFixtureJob(ctx, p.state?.job),
  },
  {
    op: 'POST /api/v1/registry/subscriptions',
    owner: d('pt', 'expert'),
    otherOrg: d('pt', 'expert'),
    sameOrgNoRole: d('pt', 'expert'),
    expect: { owner: 201, readOnlyOrg: 201, otherOrg: null, sameOrgNoRole: null },
    notApplicable: PERSONAL,
    prepare: async (ctx) => ({
      url: '/api/v1/registry/subscriptions',
      body: { kind: 'tender', field: 'category', prefix: ctx.token() },
    }),
  },
  {
    op: 'DELETE /api/v1/registry/subscriptions/{id}',
    owner: d('pt', 'expert'),
    otherOrg: d('es', 'expert'),
    sameOrgNoRole: d('pt', 'analyst'),
    expect: { owner: 204, readOnlyOrg: 404, otherOrg: 404, sameOrgNoRole: 404 },
    prepare: async (ctx) => {
      const s = await ctx.ok(d('pt', 'expert'), 'POST', '/api/v1/registry/subscriptions', {
        kind: 'tender',
        field: 'category',
        prefix: ctx.token(),
      });
      return { url: `/api/v1/registry/subscriptions/${s.id}` };
    },
  },
  {
    op: 'PUT /api/v1/registry/saved-filters/{kind}',
    owner: d('pt', 'expert'),
    otherOrg: d('pt', 'expert'),
    sameOrgNoRole: d('pt', 'expert'),
    expect: { owner: 200, readOnlyOrg: 200, otherOrg: null, sameOrgNoRole: null },
    notApplicable: PERSONAL,
    prepare: async (ctx) => ({
      url: '/api/v1/registry/saved-filters/tender',
      body: { name: `Matrix ${ctx.token()}`, query: 'category=nii' },
    }),
  },
  {
    op: 'DELETE /api/v1/registry/saved-filters/{kind}/{id}',
    owner: d('pt', 'expert'),
    otherOrg: d('es', 'expert'),
    sameOrgNoRole: d('pt', 'analyst'),
    expect: { owner: 204, readOnlyOrg: 404, otherOrg: 404, sameOrgNoRole: 404 },
    prepare: async (ctx) => {
      const f = await ctx.ok(d('pt', 'expert'), 'PUT', '/api/v1/registry/saved-filters/tender', {
        name: `Matrix ${ctx.token()}`,
        query: 'category=nii',
      });
      return { url: `/api/v1/registry/saved-filters/tender/${f.id}` };
    },
  },
];

export function platformCases(): WriteCase[] {
  return [
    ...accountCases,
    ...adminCases,
    ...userCases,
    ...networkCases,
    ...announcementAliasCases,
    ...personalCases,
  ];
}

/** Operations the matrix does not call, each with its reason (the test fails on any other gap). */
export const NOT_CALLED: Record<string, string> = {
  'POST /api/v1/auth/login': 'sign-in: credentials in the body, no caller (auth.int.test.ts)',
  'POST /api/v1/auth/totp': 'sign-in second step of a half-signed-in session (auth.int.test.ts)',
  'POST /api/v1/auth/logout': 'ends the caller’s own session; nothing to authorise (auth.int.test.ts)',
  'POST /api/v1/auth/password-reset/request': 'anonymous by design, answers alike (auth.int.test.ts)',
  'POST /api/v1/auth/password-reset/confirm': 'anonymous with an e-mailed token (auth.int.test.ts)',
  'POST /api/v1/notifications/digest/unsubscribe':
    'anonymous with the secret of a digest’s unsubscribe link, RFC 8058 (digest-areas.int.test.ts)',
};
