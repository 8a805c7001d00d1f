import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadActor } from '../auth/actor-loader.ts';
import { enqueueJob, JobFailedError, registerJobKind } from '../jobs/index.ts';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { approvalViewSchema, editorsViewSchema, markingRulesSchema } from './access-shapes.ts';
import { jobListSchema, jobViewSchema } from './jobs.ts';
import { recordAbilitiesSchema, recordStatusSchema } from './registry-records.ts';
import { membershipStatusSchema, networkRoleSchema } from './roles.ts';
import { hitSchema } from './screening-hits.ts';
import { distributionSchema, tlpSchema } from './shared-records.ts';

/**
 * The contract's schemas describe what the API really answers: the web app compiles against the
 * types derived from them, so a field the server renames or adds shows up here (the object
 * schemas are strict), not as an empty cell in the browser.
 */
registerJobKind({
  kind: 'contract-test.problems',
  parse: (d) => z.strictObject({}).parse(d),
  async run(ctx) {
    await ctx.progress({ done: 1, total: 2, phase: 'reading' });
    throw new JobFailedError('2 problems', [
      { line: 2, column: 'name', reason: 'empty' },
      { reason: 'too few rows' },
    ]);
  },
});

let t: TestApp;
let analyst: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  analyst = await t.as('at.analyst@demo.eucab.eu');
});
afterAll(async () => t?.close());

describe('the contract matches the API', () => {
  it('jobs: a job and the list of jobs', async () => {
    const user = await t.rt.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'at.analyst@demo.eucab.eu')
      .executeTakeFirstOrThrow();
    const actor = (await loadActor(t.rt.db, user.id, null))!;
    const { id } = await enqueueJob(t.rt, actor, {
      kind: 'contract-test.problems',
      data: {},
      file: { name: 'rows.csv', bytes: Buffer.from('a\n'), contentType: 'text/csv' },
    });
    await t.waitForJob(id);
    const job = jobViewSchema.parse((await analyst.get(`/api/v1/jobs/${id}`)).json());
    expect(job.state).toBe('failed');
    expect(job.errors).toHaveLength(2);
    const list = jobListSchema.parse((await analyst.get('/api/v1/jobs')).json());
    expect(list.items.some((j) => j.id === id)).toBe(true);
  });

  it('registry records: status, marking and abilities', async () => {
    const de = await t.as('de.expert@demo.eucab.eu');
    const model = {
      manufacturer: 'Contract',
      model: 'CT-1',
      category: 'nii',
      technology: 'xray_high',
      deployment: 'relocatable',
      specifications: [{ metric: 'penetration_steel', value: 300, unit: 'mm' }],
    };
    const res = await de.post('/api/v1/registry/equipment_model', { data: model, publish: true });
    expect(res.statusCode, res.body).toBe(201);
    const record = z
      .object({
        status: recordStatusSchema,
        tlp: tlpSchema,
        distribution: distributionSchema,
        abilities: recordAbilitiesSchema,
      })
      .parse((await de.get(`/api/v1/registry/equipment_model/${res.json().id}`)).json());
    expect(record.abilities.update).toBe(true);
    const list = (await de.get('/api/v1/registry/equipment_model')).json();
    for (const item of list.items) recordAbilitiesSchema.parse(item.abilities);
  });

  it('announcements (registry records): marking and record abilities', async () => {
    const author = await t.as('nl.analyst@demo.eucab.eu');
    const post = await author.post('/api/v1/registry/announcement', {
      data: { title: 'Contract probe', body: 'The contract test reads it back.', network: 'risk-management' },
      marking: { distribution: 'network', tlp: 'green' },
    });
    expect(post.statusCode, post.body).toBe(201);
    const list = (await author.get('/api/v1/registry/announcement')).json();
    expect(list.items.length).toBeGreaterThan(0);
    for (const item of list.items)
      z.object({ tlp: tlpSchema, distribution: distributionSchema, abilities: recordAbilitiesSchema }).parse(
        item,
      );
  });

  it('screening: the hits of one name', async () => {
    const res = await analyst.post('/api/v1/screening/screen', { name: 'Ivan Fiktivov' });
    expect(res.statusCode, res.body).toBe(200);
    const hits = z.array(hitSchema).parse(res.json().hits);
    expect(hits.length).toBeGreaterThan(0);
  });

  it('networks and memberships: roles and statuses', async () => {
    const me = (await analyst.get('/api/v1/auth/me')).json();
    expect(me.networks.length).toBeGreaterThan(0);
    for (const n of me.networks) networkRoleSchema.parse(n.role);
    const ncp = await t.as('at.ncp@demo.eucab.eu');
    const memberships = (await ncp.get('/api/v1/memberships')).json();
    expect(memberships.items.length).toBeGreaterThan(0);
    for (const m of memberships.items) membershipStatusSchema.parse(m.status);
  });

  it('access shapes: marking rules, co-editors, approval steps', async () => {
    markingRulesSchema.parse((await analyst.get('/api/v1/markings')).json());
    const de = await t.as('de.expert@demo.eucab.eu');
    const colleague = await t.as('de.analyst@demo.eucab.eu');
    const set = {
      title: 'Contract requirements',
      category: 'nii',
      version_label: 'contract-1',
      requirements: [{ req_id: 'R1', text: 'Works', kind: 'performance' }],
    };
    const created = await de.post('/api/v1/registry/requirement_set', { data: set });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const fr = await t.rt.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'fr.expert@demo.eucab.eu')
      .executeTakeFirstOrThrow();
    const editors = await de.put(`/api/v1/registry/requirement_set/${id}/editors`, { userIds: [fr.id] });
    expect(editors.statusCode, editors.body).toBe(200);
    expect(editorsViewSchema.parse(editors.json()).items).toHaveLength(1);
    expect((await de.post(`/api/v1/registry/requirement_set/${id}/submit`, {})).statusCode).toBe(200);
    const reject = await colleague.post(`/api/v1/registry/requirement_set/${id}/reject`, {
      reason: 'Not yet.',
    });
    expect(reject.statusCode, reject.body).toBe(200);
    const view = approvalViewSchema.parse(
      (await de.get(`/api/v1/registry/requirement_set/${id}/approval`)).json(),
    );
    expect(view.rounds[0]?.decisions[0]?.decision).toBe('reject');
  });
});
