import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsForm } from '../../engines/questionnaire/xlsform/index.ts';
import { workbook } from '../../engines/questionnaire/xlsform/test-workbook.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import {
  COORDINATOR,
  capacityForm,
  ids,
  importCapacity,
  openCampaign,
  setResponse,
  upload,
  user,
  xlsx,
} from './mapping-test-helpers.ts';
import { sendReminders } from './reminders.ts';

let t: TestApp;
let coord: TestClient;
let trainingId: string;
const count = async (table: 'mapping_questionnaire_versions' | 'mapping_campaigns' | 'audit_events') =>
  Number(
    (
      await t.rt.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: '10000' } });
  const raw = t.as.bind(t);
  const sessions = new Map<string, Promise<TestClient>>();
  t.as = (email: string) => {
    if (!sessions.has(email)) sessions.set(email, raw(email));
    return sessions.get(email)!;
  };
  coord = await t.as(COORDINATOR);
  trainingId = (await ids(t)).network('training');
}, 120_000);
afterAll(async () => t?.close());

describe('questionnaires', () => {
  const url = () => `/api/v1/mapping/questionnaires/import?networkId=${trainingId}`;
  let qid = '';

  it('import: 401 → 400 → 403 → dry run (nothing stored) → 201', async () => {
    const form = await xlsx(capacityForm());
    expect((await upload(t.client(), url(), form)).statusCode).toBe(401);
    expect((await upload(coord, `${url()}&dryRun=maybe`, form)).statusCode).toBe(400);
    expect((await upload(coord, url(), Buffer.from('not a workbook'))).statusCode).toBe(400);
    const expert = await t.as(user('at', 'expert'));
    expect((await upload(expert, url(), form)).statusCode).toBe(403);
    // de.expert coordinates procurement, not training
    const other = await t.as(user('de', 'expert'));
    expect((await upload(other, url(), form)).statusCode).toBe(403);
    const before = await count('mapping_questionnaire_versions');
    const dry = await upload(coord, `${url()}&dryRun=true`, form);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, newQuestionnaire: true, blocking: [] });
    expect(dry.json().questionnaire).toMatchObject({
      code: 'eucab_capacity',
      version: '2026.1',
      questions: 8,
    });
    expect(await count('mapping_questionnaire_versions')).toBe(before);
    const res = await upload(coord, url(), form);
    expect(res.statusCode).toBe(201);
    qid = res.json().questionnaireId;
    expect(await count('mapping_questionnaire_versions')).toBe(before + 1);
  });

  it('a published version never changes: the same version again is 409', async () => {
    const res = await upload(coord, url(), await xlsx(capacityForm()));
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/already published/);
  });

  it('a new version states the codes it keeps (checked against the latest version)', async () => {
    const bad = await upload(
      coord,
      url(),
      await xlsx(capacityForm('2027.1', { version: '2025.9', keeps: ['staff'] })),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/follows 2025.9, not 2026.1/);
    const dry = await upload(
      coord,
      `${url()}&dryRun=true`,
      await xlsx(capacityForm('2027.1', { version: '2026.1', keeps: ['staff', 'region'] })),
    );
    expect(dry.json().comparison.kept).toEqual(expect.arrayContaining(['staff', 'region', 'integrity']));
    expect(dry.json().newQuestionnaire).toBe(false);
  });

  it('blocking items are listed by sheet and row; withoutBlocked imports and lists them as left out', async () => {
    const form = await workbook({
      survey: [
        ['type', 'name', 'label'],
        ['integer', 'n', 'Number'],
        ['rank fruits', 'ranking', 'Rank them'],
        ['start', 'started', ''],
      ],
      choices: [
        ['list_name', 'name', 'label'],
        ['fruits', 'apple', 'Apple'],
      ],
      settings: [
        ['form_id', 'version', 'form_title'],
        ['blocked_form', '1', 'Blocked'],
      ],
    });
    const dry = await upload(coord, `${url()}&dryRun=true`, Buffer.from(form));
    expect(dry.statusCode).toBe(200);
    expect(dry.json().blocking).toEqual([expect.objectContaining({ sheet: 'survey', row: 3 })]);
    expect(dry.json().warnings.length).toBeGreaterThan(0);
    const refused = await upload(coord, url(), Buffer.from(form));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('survey row 3 [type]');
    const ok = await upload(coord, `${url()}&withoutBlocked=true`, Buffer.from(form));
    expect(ok.statusCode).toBe(201);
    const v = await (await t.as(user('nl', 'analyst'))).get(
      `/api/v1/mapping/questionnaires/${ok.json().questionnaireId}/versions/1`,
    );
    expect(v.json().leftOut).toEqual([expect.objectContaining({ sheet: 'survey', row: 3, code: 'ranking' })]);
  });

  it('a binding to a platform code list or code that does not exist: a warning at import, a 400 when opening a campaign', async () => {
    const q = capacityForm('1');
    q.id = 'unknown_lists';
    q.choiceLists.factors = [
      { name: 'f1', label: { en: 'F1' }, binding: { list: 'arusha-factor', code: 'F1' } },
      { name: 'f2', label: { en: 'F2' }, binding: { list: 'arusha_factor', code: 'no_such_factor' } },
    ];
    const dry = await upload(coord, `${url()}&dryRun=true`, await xlsx(q));
    expect(dry.statusCode).toBe(200);
    const problems = dry.json().codeListProblems as { list: string; reason: string }[];
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ list: 'arusha-factor', missingCodes: [], items: ['factors/f1'] }),
        expect.objectContaining({
          list: 'arusha_factor',
          missingCodes: ['no_such_factor'],
          items: ['factors/f2'],
        }),
      ]),
    );
    expect(problems.find((p) => p.list === 'arusha-factor')!.reason).toMatch(/no code list "arusha-factor"/);
    const saved = await upload(coord, url(), await xlsx(q));
    expect(saved.statusCode).toBe(201);
    const v = await coord.get(`/api/v1/mapping/questionnaires/${saved.json().questionnaireId}/versions/1`);
    expect(v.json().codeListProblems).toHaveLength(2);
    const { org } = await ids(t);
    const open = await coord.post('/api/v1/mapping/campaigns', {
      questionnaireVersionId: saved.json().versionId,
      title: 'Unknown lists',
      opensAt: new Date().toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      sharing: 'named',
      target: { kind: 'list', organisationIds: [org('AT')] },
    });
    expect(open.statusCode).toBe(400);
    expect(open.json().detail).toMatch(/no code list "arusha-factor"/);
    expect(open.json().detail).toMatch(/has no code "no_such_factor"/);
    // the capacity form binds to codes of the seeded list: no problem
    expect(
      (await upload(coord, `${url()}&dryRun=true`, await xlsx(capacityForm()))).json().codeListProblems,
    ).toEqual([]);
  });

  it('every signed-in user reads published versions (labels in every language) and exports them to XLSForm', async () => {
    const reader = await t.as(user('nl', 'analyst'));
    expect((await t.client().get('/api/v1/mapping/questionnaires')).statusCode).toBe(401);
    const list = await reader.get('/api/v1/mapping/questionnaires');
    const item = list.json().items.find((q: { id: string }) => q.id === qid);
    expect(item.versions.map((v: { version: string }) => v.version)).toEqual(['2026.1']);
    expect(item.abilities).toMatchObject({ read: true, importVersion: false });
    expect((await reader.get(`/api/v1/mapping/questionnaires/${qid}/versions/9.9`)).statusCode).toBe(404);
    const v = await reader.get(`/api/v1/mapping/questionnaires/${qid}/versions/2026.1`);
    expect(v.statusCode).toBe(200);
    expect(v.json().questionnaire.items[0].label).toEqual({
      en: 'Customs staff',
      fr: 'Personnel douanier',
      de: 'Zollpersonal',
    });
    const file = await reader.get(`/api/v1/mapping/questionnaires/${qid}/versions/2026.1/xlsform`);
    expect(file.statusCode).toBe(200);
    const back = await readXlsForm(file.rawPayload);
    expect(back.questionnaire).toEqual(capacityForm());
  });
});

describe('campaigns, assignments and responses', () => {
  let versionId = '';
  let campaignId = '';
  let responseId = '';

  beforeAll(async () => {
    const rows = await t.rt.db
      .selectFrom('mapping_questionnaire_versions')
      .select('id')
      .where('version', '=', '2026.1')
      .execute();
    versionId = rows[0]!.id;
  });

  it('open: 401 → 400 → 403 → 201, and every NCP is notified', async () => {
    const { org } = await ids(t);
    const body = {
      questionnaireVersionId: versionId,
      title: 'Capacity 2026',
      opensAt: new Date(Date.now() - 3600_000).toISOString(),
      closesAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
      sharing: 'named',
      target: { kind: 'list', organisationIds: ['AT', 'BE', 'DE'].map(org) },
    };
    expect((await t.client().post('/api/v1/mapping/campaigns', body)).statusCode).toBe(401);
    expect((await coord.post('/api/v1/mapping/campaigns', { ...body, sharing: 'public' })).statusCode).toBe(
      400,
    );
    expect(
      (await coord.post('/api/v1/mapping/campaigns', { ...body, closesAt: body.opensAt })).statusCode,
    ).toBe(400);
    const ncp = await t.as(user('at', 'ncp'));
    expect((await ncp.post('/api/v1/mapping/campaigns', body)).statusCode).toBe(403);
    const res = await coord.post('/api/v1/mapping/campaigns', body);
    expect(res.statusCode).toBe(201);
    campaignId = res.json().id;
    expect(res.json().participants.map((p: { code: string }) => p.code)).toEqual(['AT', 'BE', 'DE']);
    await t.rt.outbox.drain();
    const notes = await ncp.get('/api/v1/notifications');
    expect(JSON.stringify(notes.json())).toContain('Capacity 2026');
    // all 27 administrations
    const all = await coord.post('/api/v1/mapping/campaigns', { ...body, target: { kind: 'all' } });
    expect(all.json().participants).toHaveLength(27);
  });

  it('read: participants, the coordinator and observers; others get 404', async () => {
    expect(
      (await (await t.as(user('be', 'expert'))).get(`/api/v1/mapping/campaigns/${campaignId}`)).statusCode,
    ).toBe(200);
    expect(
      (await (await t.as('observer@demo.eucab.eu')).get(`/api/v1/mapping/campaigns/${campaignId}`))
        .statusCode,
    ).toBe(200);
    expect(
      (await (await t.as(user('pt', 'expert'))).get(`/api/v1/mapping/campaigns/${campaignId}`)).statusCode,
    ).toBe(404);
    expect((await coord.get('/api/v1/mapping/campaigns/not-a-uuid')).statusCode).toBe(400);
  });

  it('assign: only the NCP / deputy, users of their own administration', async () => {
    const url = `/api/v1/mapping/campaigns/${campaignId}/assignments`;
    const expertId = await t.userId(user('at', 'expert'));
    expect((await t.client().post(url, { userId: expertId, role: 'respondent' })).statusCode).toBe(401);
    const ncp = await t.as(user('at', 'ncp'));
    expect((await ncp.post(url, { userId: expertId, role: 'boss' })).statusCode).toBe(400);
    const expert = await t.as(user('at', 'expert'));
    expect((await expert.post(url, { userId: expertId, role: 'respondent' })).statusCode).toBe(403);
    expect(
      (await ncp.post(url, { userId: await t.userId(user('be', 'expert')), role: 'respondent' })).statusCode,
    ).toBe(400);
    expect((await ncp.post(url, { userId: expertId, role: 'respondent' })).statusCode).toBe(201);
    const analyst = await t.userId(user('at', 'analyst'));
    expect((await ncp.post(url, { userId: analyst, role: 'validator' })).statusCode).toBe(201);
    expect((await ncp.post(url, { userId: analyst, role: 'validator' })).statusCode).toBe(409);
    const c = await expert.get(`/api/v1/mapping/campaigns/${campaignId}`);
    expect(c.json().myRoles).toEqual(['respondent']);
    responseId = c.json().myResponses[0].id;
  });

  it('save: 401 → 400 (problems with their paths) → 403 → 200; a stale save is 409 naming the changed questions', async () => {
    const url = `/api/v1/mapping/responses/${responseId}/answers`;
    const expert = await t.as(user('at', 'expert'));
    expect((await t.client().put(url, { version: 0, answers: {} })).statusCode).toBe(401);
    const bad = await expert.put(url, { version: 0, answers: { staff: -4, region: 'moon' } });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['answers.region', 'answers.staff']);
    expect(
      (
        await (
          await t.as(user('at', 'observer'.replace('observer', 'expert')))
        ).get(`/api/v1/mapping/responses/${responseId}`)
      ).statusCode,
    ).toBe(200);
    const be = await t.as(user('be', 'ncp'));
    expect((await be.put(url, { version: 0, answers: { staff: 1 } })).statusCode).toBe(404);
    const ok = await expert.put(url, { version: 0, answers: { staff: 120, region: 'north' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ version: 1, status: 'draft' });
    const ncp = await t.as(user('at', 'ncp'));
    expect(
      (await ncp.put(url, { version: 1, answers: { staff: 130, region: 'north', has_unit: true } }))
        .statusCode,
    ).toBe(200);
    const stale = await expert.put(url, { version: 1, answers: { staff: 5 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toMatch(/Changed questions: has_unit, staff/);
    expect(stale.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'answers.has_unit',
      'answers.staff',
    ]);
  });

  it('validate: someone other than the last editor who holds the validator assignment (or the NCP)', async () => {
    const url = `/api/v1/mapping/responses/${responseId}/validate`;
    const ncp = await t.as(user('at', 'ncp'));
    // the NCP saved the last change
    const self = await ncp.post(url, { version: 2 });
    expect(self.statusCode).toBe(403);
    expect(self.json().detail).toMatch(/last change/);
    const expert = await t.as(user('at', 'expert'));
    expect((await expert.post(url, { version: 2 })).statusCode).toBe(403); // respondent, not validator
    const analyst = await t.as(user('at', 'analyst'));
    expect((await analyst.post(url, { version: 1 })).statusCode).toBe(409);
    const ok = await analyst.post(url, { version: 2 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'validated', abilities: { update: false } });
    expect(
      (
        await expert.put(`/api/v1/mapping/responses/${responseId}/answers`, {
          version: 2,
          answers: { staff: 1 },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('validation runs every rule: a missing required answer is a 400', async () => {
    const be = await t.as(user('be', 'ncp'));
    const c = await be.get(`/api/v1/mapping/campaigns/${campaignId}`);
    const id = c.json().myResponses[0].id;
    expect(
      (await be.put(`/api/v1/mapping/responses/${id}/answers`, { version: 0, answers: { region: 'south' } }))
        .statusCode,
    ).toBe(200);
    await be.post(`/api/v1/mapping/campaigns/${campaignId}/assignments`, {
      userId: await t.userId(user('be', 'deputy')),
      role: 'validator',
    });
    const deputy = await t.as(user('be', 'deputy'));
    const res = await deputy.post(`/api/v1/mapping/responses/${id}/validate`, { version: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'answers.staff' })]);
  });

  it('reopen: the coordinator, with a reason', async () => {
    const url = `/api/v1/mapping/responses/${responseId}/reopen`;
    expect((await t.client().post(url, { reason: 'Please check staff' })).statusCode).toBe(401);
    expect((await coord.post(url, { reason: '' })).statusCode).toBe(400);
    const ncp = await t.as(user('at', 'ncp'));
    expect((await ncp.post(url, { reason: 'Please check staff' })).statusCode).toBe(403);
    const ok = await coord.post(url, { reason: 'Please check staff' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'reopened', reopenReason: 'Please check staff' });
    expect((await coord.post(url, { reason: 'again' })).statusCode).toBe(404); // not validated: the coordinator no longer reads it
  });

  it('late saves are refused after the close until the coordinator extends it', async () => {
    await t.rt.db
      .updateTable('mapping_campaigns')
      .set({ closes_at: new Date(Date.now() - 1000) })
      .where('id', '=', campaignId)
      .execute();
    const expert = await t.as(user('at', 'expert'));
    const url = `/api/v1/mapping/responses/${responseId}/answers`;
    const late = await expert.put(url, { version: 2, answers: { staff: 140 } });
    expect(late.statusCode).toBe(403);
    expect(late.json().detail).toMatch(/closed/);
    const ext = `/api/v1/mapping/campaigns/${campaignId}/extend`;
    const closesAt = new Date(Date.now() + 5 * 86_400_000).toISOString();
    expect((await t.client().post(ext, { closesAt })).statusCode).toBe(401);
    expect((await coord.post(ext, { closesAt: 'tomorrow' })).statusCode).toBe(400);
    expect((await expert.post(ext, { closesAt })).statusCode).toBe(403);
    expect((await coord.post(ext, { closesAt })).statusCode).toBe(200);
    expect((await expert.put(url, { version: 2, answers: { staff: 140 } })).statusCode).toBe(200);
  });

  it('refused calls wrote no audit event', async () => {
    const before = await count('audit_events');
    const expert = await t.as(user('at', 'expert'));
    await expert.post(`/api/v1/mapping/responses/${responseId}/reopen`, { reason: 'nope' });
    await expert.post(`/api/v1/mapping/campaigns/${campaignId}/extend`, {
      closesAt: new Date(Date.now() + 9 * 86_400_000).toISOString(),
    });
    expect(await count('audit_events')).toBe(before);
  });
});

describe('person as respondent unit', () => {
  it('each assigned person gets their own response', async () => {
    const { questionnaireId } = { questionnaireId: '' };
    void questionnaireId;
    const v = await t.rt.db
      .selectFrom('mapping_questionnaire_versions')
      .select('id')
      .where('version', '=', '2026.1')
      .executeTakeFirstOrThrow();
    const c = await openCampaign(t, coord, v.id, 'aggregate_only', ['AT', 'BE'], {
      respondentUnit: 'person',
    });
    const ncp = await t.as(user('at', 'ncp'));
    for (const who of ['expert', 'analyst'])
      expect(
        (
          await ncp.post(`/api/v1/mapping/campaigns/${c.id}/assignments`, {
            userId: await t.userId(user('at', who)),
            role: 'respondent',
          })
        ).statusCode,
      ).toBe(201);
    const expert = await t.as(user('at', 'expert'));
    const mine = (await expert.get(`/api/v1/mapping/campaigns/${c.id}`)).json().myResponses;
    expect(mine).toHaveLength(1);
    const analyst = await t.as(user('at', 'analyst'));
    expect((await analyst.get(`/api/v1/mapping/responses/${mine[0].id}`)).statusCode).toBe(404);
    const rate = await ncp.get(`/api/v1/mapping/campaigns/${c.id}/results/rate`);
    expect(rate.json().administrations[0]).toMatchObject({
      code: 'AT',
      respondents: 2,
      validatedResponses: 0,
    });
    expect(rate.json().administrations[0].missingPeople).toHaveLength(2);
  });
});

void importCapacity;

describe('reminders', () => {
  it('go at the offsets to those who answer, in their language, once each — also when the task runs again', async () => {
    const v = await t.rt.db
      .selectFrom('mapping_questionnaire_versions')
      .select('id')
      .where('version', '=', '2026.1')
      .executeTakeFirstOrThrow();
    const day = 86_400_000;
    const closes = Date.now() + 6.5 * day;
    const c = await openCampaign(t, coord, v.id, 'named', ['DE', 'NL'], {
      title: 'Reminder campaign',
      closesAt: new Date(closes).toISOString(),
      reminderDays: [7, 2],
    });
    await t.rt.db.updateTable('users').set({ locale: 'de' }).where('email', '=', user('de', 'ncp')).execute();
    const nl = await t.as(user('nl', 'ncp'));
    await nl.post(`/api/v1/mapping/campaigns/${c.id}/assignments`, {
      userId: await t.userId(user('nl', 'expert')),
      role: 'respondent',
    });
    const mails = () => t.mails.filter((m) => m.subject.includes('Reminder campaign'));
    const deps = {
      db: t.rt.db,
      mailer: { send: async (m: (typeof t.mails)[number]) => void t.mails.push(m) },
      publicUrl: 'http://x',
    };
    await sendReminders(deps, new Date());
    expect(
      mails()
        .map((m) => m.to)
        .sort(),
    ).toEqual([user('de', 'ncp'), user('nl', 'expert')]);
    expect(mails().find((m) => m.to === user('de', 'ncp'))!.subject).toMatch(/endet in 7 Tag/);
    expect(mails().find((m) => m.to === user('nl', 'expert'))!.subject).toMatch(/closes in 7 day/);
    // a second run (another process, or after a restart) sends nothing again
    await sendReminders(deps, new Date());
    await t.rt.scheduler.runDue(new Date());
    expect(mails()).toHaveLength(2);
    // two days before the close: the second reminder, once; a validated response gets none
    await setResponse(t, c.id, 'NL', { staff: 1 });
    await sendReminders(deps, new Date(closes - 1.5 * day));
    await sendReminders(deps, new Date(closes - 1.4 * day));
    expect(mails().map((m) => m.to)).toEqual([
      ...mails()
        .slice(0, 2)
        .map((m) => m.to),
      user('de', 'ncp'),
    ]);
    expect(mails()[2]!.subject).toMatch(/endet in 2 Tag/);
  });
});
