import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Questionnaire } from '../../engines/questionnaire/index.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { COORDINATOR, ids, openCampaign, upload, user, xlsx } from './mapping-test-helpers.ts';

/**
 * Answers feed records: a campaign's repeat group "list your initiatives" mapped to the registry kind
 * integrity_initiative; validated entries become drafts of the answering administration (author: the
 * validator), re-validation after a reopen updates drafts and leaves published records alone. Also:
 * removing an assignment.
 */
const t3 = (en: string) => ({ en, fr: `${en} (fr)`, de: `${en} (de)` });

function initiativesForm(): Questionnaire {
  return {
    format: 'eucab-questionnaire',
    id: 'eucab_integrity_initiatives',
    title: 'Integrity initiatives',
    version: '2026.1',
    languages: [{ code: 'en' }, { code: 'fr' }, { code: 'de' }],
    defaultLanguage: 'en',
    choiceLists: {
      itype: ['training', 'technology', 'hr_strategy'].map((n) => ({ name: n, label: t3(n) })),
      istage: ['planned', 'ongoing', 'completed'].map((n) => ({ name: n, label: t3(n) })),
      bad: ['planned', 'someday'].map((n) => ({ name: n, label: t3(n) })),
    },
    items: [
      { type: 'integer', code: 'staff', label: t3('Staff') },
      {
        type: 'repeat',
        code: 'initiatives',
        label: t3('Your initiatives'),
        items: [
          { type: 'text', code: 'init_title', label: t3('Title'), required: true },
          { type: 'text', code: 'init_summary', label: t3('Summary'), required: true },
          {
            type: 'select_multiple',
            code: 'init_factors',
            label: t3('Factors'),
            choices: { codeList: 'arusha_factor' },
            required: true,
          },
          {
            type: 'select_one',
            code: 'init_type',
            label: t3('Type'),
            choices: { list: 'itype' },
            required: true,
          },
          {
            type: 'select_one',
            code: 'init_stage',
            label: t3('Stage'),
            choices: { list: 'istage' },
            required: true,
          },
          { type: 'select_one', code: 'init_stage_bad', label: t3('Stage?'), choices: { list: 'bad' } },
          { type: 'date', code: 'init_start', label: t3('Start'), required: true },
          { type: 'decimal', code: 'init_budget', label: t3('Budget') },
          { type: 'text', code: 'init_contact', label: t3('Contact') },
        ],
      },
    ],
    leftOut: [],
  };
}

const FIELDS = {
  init_title: 'title',
  init_summary: 'summary',
  init_factors: 'factors',
  init_type: 'type',
  init_stage: 'stage',
  init_start: 'start_date',
  init_contact: 'contact',
};
const entry = (title: string, extra: Record<string, unknown> = {}) => ({
  init_title: title,
  init_summary: `What ${title} does`,
  init_factors: ['hr_management'],
  init_type: 'training',
  init_stage: 'ongoing',
  init_start: '2025-03-01',
  ...extra,
});

let t: TestApp;
let coord: TestClient;
let ncp: TestClient;
let expert: TestClient;
let versionId = '';
let campaignId = '';
let responseId = '';
const sessions = new Map<string, Promise<TestClient>>();

const records = async (org: string) =>
  t.rt.db
    .selectFrom('registry_records')
    .select(['id', 'status', 'title', 'author_id', 'owner_org_id'])
    .where('kind', '=', 'integrity_initiative')
    .where('owner_org_id', '=', org)
    .orderBy('title')
    .execute();

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: '10000' } });
  const raw = t.as.bind(t);
  t.as = (email: string) => {
    if (!sessions.has(email)) sessions.set(email, raw(email));
    return sessions.get(email)!;
  };
  coord = await t.as(COORDINATOR);
  ncp = await t.as(user('at', 'ncp'));
  expert = await t.as(user('at', 'expert'));
  const { network } = await ids(t);
  const res = await upload(
    coord,
    `/api/v1/mapping/questionnaires/import?networkId=${network('training')}`,
    await xlsx(initiativesForm()),
  );
  expect(res.statusCode).toBe(201);
  versionId = res.json().versionId;
  campaignId = (await openCampaign(t, coord, versionId, 'named', ['AT', 'BE'])).id;
}, 120_000);
afterAll(async () => t?.close());

describe('mapping a repeat group to a registry kind', () => {
  const url = () => `/api/v1/mapping/campaigns/${campaignId}/record-mappings`;
  const body = (fields: Record<string, string> = FIELDS, kind = 'integrity_initiative') => ({
    mappings: [{ repeat: 'initiatives', kind, fields }],
  });

  it('401 → 400 → 403 → 404, checked against the kind: types, code lists, required fields', async () => {
    expect((await t.client().put(url(), body())).statusCode).toBe(401);
    expect((await coord.put(url(), { mappings: [{ repeat: 'initiatives' }] })).statusCode).toBe(400);
    expect((await ncp.put(url(), body())).statusCode).toBe(403);
    expect((await (await t.as(user('pt', 'expert'))).put(url(), body())).statusCode).toBe(404);
    const audits = async () =>
      Number(
        (
          await t.rt.db
            .selectFrom('audit_events')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('action', '=', 'mapping_campaign.records_mapped')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const refused = async (b: unknown, pattern: RegExp) => {
      const r = await coord.put(url(), b);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().detail).toMatch(pattern);
      return r.json();
    };
    await refused(
      body({ ...FIELDS, init_budget: 'title', init_title: 'contact' }),
      /title: needs a text question \(this one is decimal\)/,
    );
    const { init_stage: _stage, ...noStage } = FIELDS;
    await refused(body(noStage), /stage is required in every integrity initiative/);
    await refused(
      body({ ...noStage, init_stage_bad: 'stage' }),
      /someday are not codes of code list integrity_initiative_stage/,
    );
    await refused(body({ ...FIELDS, init_start: 'country' }), /set from the owning administration/);
    await refused(
      body({ ...FIELDS, staff: 'results' }),
      /"staff" is not a question of the repeat group initiatives/,
    );
    await refused(body(FIELDS, 'no_such_kind'), /no registry kind "no_such_kind"/);
    await refused(
      { mappings: [{ repeat: 'staff', kind: 'integrity_initiative', fields: FIELDS }] },
      /not a repeat group/,
    );
    await refused(body(FIELDS, 'risk_rule'), /added only by some people/);
    expect(await audits()).toBe(0);
    const ok = await coord.put(url(), body());
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().mappings).toEqual([
      { repeat: 'initiatives', kind: 'integrity_initiative', fields: FIELDS },
    ]);
    expect(await audits()).toBe(1);
    const c = (await coord.get(`/api/v1/mapping/campaigns/${campaignId}`)).json();
    expect(c.recordMappings).toHaveLength(1);
    expect(c.abilities.mapRecords).toBe(true);
    expect((await ncp.get(`/api/v1/mapping/campaigns/${campaignId}`)).json().abilities.mapRecords).toBe(
      false,
    );
  });

  it('validation turns each entry into a draft of the administration, authored by the validator, in one transaction', async () => {
    const { org } = await ids(t);
    await ncp.post(`/api/v1/mapping/campaigns/${campaignId}/assignments`, {
      userId: await t.userId(user('at', 'expert')),
      role: 'respondent',
    });
    responseId = (await expert.get(`/api/v1/mapping/campaigns/${campaignId}`)).json().myResponses[0].id;
    const saved = await expert.put(`/api/v1/mapping/responses/${responseId}/answers`, {
      version: 0,
      answers: {
        staff: 10,
        initiatives: [entry('Alpha rotation'), entry('Beta hotline', { init_contact: 'hotline@example.eu' })],
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await records(org('AT'))).toHaveLength(0);
    const v = await ncp.post(`/api/v1/mapping/responses/${responseId}/validate`, { version: 1 });
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json().fedRecords.map((f: { outcome: string; entry: number }) => [f.entry, f.outcome])).toEqual([
      [1, 'created'],
      [2, 'created'],
    ]);
    const rows = await records(org('AT'));
    expect(rows.map((r) => [r.title, r.status])).toEqual([
      ['Alpha rotation', 'draft'],
      ['Beta hotline', 'draft'],
    ]);
    const ncpId = await t.userId(user('at', 'ncp'));
    expect(rows.every((r) => r.author_id === ncpId)).toBe(true);
    const created = await t.rt.db
      .selectFrom('audit_events')
      .select(['action', 'record_id'])
      .where('action', '=', 'integrity_initiative.created')
      .execute();
    expect(created.map((e) => e.record_id).sort()).toEqual(rows.map((r) => r.id).sort());
    // the country is the owner's; the contact came from the answers
    const beta = await ncp.get(`/api/v1/registry/integrity_initiative/${rows[1]!.id}`);
    expect(beta.statusCode).toBe(200);
    expect(beta.json().data ?? beta.json().record?.data).toMatchObject({
      country: 'AT',
      contact: 'hotline@example.eu',
    });
    // drafts stay inside the administration
    expect(
      (await (await t.as(user('be', 'expert'))).get(`/api/v1/registry/integrity_initiative/${rows[0]!.id}`))
        .statusCode,
    ).toBe(404);
    // the response names its records to its administration only
    expect((await ncp.get(`/api/v1/mapping/responses/${responseId}`)).json().records).toHaveLength(2);
    expect((await coord.get(`/api/v1/mapping/responses/${responseId}`)).json().records).toBeUndefined();
  });

  it('re-validation after a reopen updates drafts, leaves published records alone and says so', async () => {
    const { org } = await ids(t);
    const [alpha, beta] = await records(org('AT'));
    const pub = await ncp.post(`/api/v1/registry/integrity_initiative/${alpha!.id}/publish`, {});
    expect(pub.statusCode, pub.body).toBe(200);
    expect(
      (
        await coord.post(`/api/v1/mapping/responses/${responseId}/reopen`, {
          reason: 'Add your third initiative',
        })
      ).statusCode,
    ).toBe(200);
    const saved = await expert.put(`/api/v1/mapping/responses/${responseId}/answers`, {
      version: 1,
      answers: {
        staff: 10,
        initiatives: [
          entry('Alpha rotation', { init_stage: 'completed' }),
          entry('Beta hotline', { init_stage: 'completed' }),
          entry('Gamma scanners', { init_type: 'technology' }),
        ],
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const v = await ncp.post(`/api/v1/mapping/responses/${responseId}/validate`, { version: 2 });
    expect(v.statusCode, v.body).toBe(200);
    const fed = v.json().fedRecords as {
      entry: number;
      outcome: string;
      recordId: string;
      message: string;
    }[];
    expect(fed.map((f) => [f.entry, f.outcome])).toEqual([
      [1, 'kept'],
      [2, 'updated'],
      [3, 'created'],
    ]);
    expect(fed[0]!.message).toMatch(/published and was left as it is/);
    expect(fed[0]!.recordId).toBe(alpha!.id);
    expect(fed[1]!.recordId).toBe(beta!.id);
    const rows = await records(org('AT'));
    expect(rows).toHaveLength(3);
    const stage = async (id: string) =>
      (
        (
          await t.rt.db
            .selectFrom('registry_records')
            .select('data')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).data as Record<string, unknown>
      ).stage;
    expect(await stage(alpha!.id)).toBe('ongoing');
    expect(await stage(beta!.id)).toBe('completed');
  });

  it('a registry refusal stops the validation with the entry named, and nothing is written', async () => {
    const c = (await openCampaign(t, coord, versionId, 'named', ['AT'])).id;
    expect(
      (
        await coord.put(`/api/v1/mapping/campaigns/${c}/record-mappings`, {
          mappings: [{ repeat: 'initiatives', kind: 'integrity_initiative', fields: FIELDS }],
        })
      ).statusCode,
    ).toBe(200);
    await ncp.post(`/api/v1/mapping/campaigns/${c}/assignments`, {
      userId: await t.userId(user('at', 'expert')),
      role: 'respondent',
    });
    const rid = (await expert.get(`/api/v1/mapping/campaigns/${c}`)).json().myResponses[0].id;
    const long = 'x'.repeat(301);
    expect(
      (
        await expert.put(`/api/v1/mapping/responses/${rid}/answers`, {
          version: 0,
          answers: { initiatives: [entry(long)] },
        })
      ).statusCode,
    ).toBe(200);
    const before = (await records((await ids(t)).org('AT'))).length;
    const v = await ncp.post(`/api/v1/mapping/responses/${rid}/validate`, { version: 1 });
    expect(v.statusCode).toBe(400);
    expect(v.json().detail).toMatch(/Entry 1 of initiatives cannot become a draft integrity initiative/);
    expect(v.json().errors[0].field).toBe('answers.initiatives[0].init_title');
    expect((await records((await ids(t)).org('AT'))).length).toBe(before);
    const status = await t.rt.db
      .selectFrom('mapping_responses')
      .select('status')
      .where('id', '=', rid)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe('draft');
  });
});

describe('removing an assignment', () => {
  it('401 → 404 (another administration) → 403 (no role) → 204, audited; the draft stays with the administration', async () => {
    const c = (await openCampaign(t, coord, versionId, 'named', ['AT', 'BE'])).id;
    const a = await ncp.post(`/api/v1/mapping/campaigns/${c}/assignments`, {
      userId: await t.userId(user('at', 'expert')),
      role: 'respondent',
    });
    expect(a.statusCode).toBe(201);
    const aid = a.json().id;
    const rid = (await expert.get(`/api/v1/mapping/campaigns/${c}`)).json().myResponses[0].id;
    expect(
      (await expert.put(`/api/v1/mapping/responses/${rid}/answers`, { version: 0, answers: { staff: 3 } }))
        .statusCode,
    ).toBe(200);
    const path = `/api/v1/mapping/campaigns/${c}/assignments/${aid}`;
    expect((await t.client().delete(path)).statusCode).toBe(401);
    expect((await (await t.as(user('be', 'ncp'))).delete(path)).statusCode).toBe(404);
    expect((await expert.delete(path)).statusCode).toBe(403);
    expect(
      (await ncp.delete(`/api/v1/mapping/campaigns/${c}/assignments/00000000-0000-4000-8000-000000000000`))
        .statusCode,
    ).toBe(404);
    expect((await ncp.delete(path)).statusCode).toBe(204);
    expect((await ncp.delete(path)).statusCode).toBe(404);
    const audit = await t.rt.db
      .selectFrom('audit_events')
      .select(['changes'])
      .where('action', '=', 'mapping_assignment.removed')
      .where('record_id', '=', aid)
      .execute();
    expect(audit).toHaveLength(1);
    // the removed person no longer reads or drafts; the draft stays with the NCP
    expect((await expert.get(`/api/v1/mapping/responses/${rid}`)).statusCode).toBe(404);
    const kept = await ncp.get(`/api/v1/mapping/responses/${rid}`);
    expect(kept.statusCode).toBe(200);
    expect(kept.json().answers).toMatchObject({ staff: 3 });
    expect((await ncp.get(`/api/v1/mapping/campaigns/${c}`)).json().assignments).toEqual([]);
  });

  it('person unit: the person’s draft stays (not duplicated when the person is assigned again)', async () => {
    const c = (await openCampaign(t, coord, versionId, 'named', ['AT'], { respondentUnit: 'person' })).id;
    const assign = () =>
      ncp.post(`/api/v1/mapping/campaigns/${c}/assignments`, {
        userId: '',
        role: 'respondent',
      });
    expect((await assign()).statusCode).toBe(400);
    const expertId = await t.userId(user('at', 'expert'));
    const a = await ncp.post(`/api/v1/mapping/campaigns/${c}/assignments`, {
      userId: expertId,
      role: 'respondent',
    });
    const rid = (await expert.get(`/api/v1/mapping/campaigns/${c}`)).json().myResponses[0].id;
    await expert.put(`/api/v1/mapping/responses/${rid}/answers`, { version: 0, answers: { staff: 7 } });
    expect((await ncp.delete(`/api/v1/mapping/campaigns/${c}/assignments/${a.json().id}`)).statusCode).toBe(
      204,
    );
    expect(
      (await expert.put(`/api/v1/mapping/responses/${rid}/answers`, { version: 1, answers: { staff: 8 } }))
        .statusCode,
    ).toBe(404);
    expect((await ncp.get(`/api/v1/mapping/responses/${rid}`)).json().answers).toMatchObject({ staff: 7 });
    await ncp.post(`/api/v1/mapping/campaigns/${c}/assignments`, { userId: expertId, role: 'respondent' });
    const responses = await t.rt.db
      .selectFrom('mapping_responses')
      .select('id')
      .where('campaign_id', '=', c)
      .execute();
    expect(responses.map((r) => r.id)).toEqual([rid]);
    expect((await expert.get(`/api/v1/mapping/responses/${rid}`)).statusCode).toBe(200);
  });
});
