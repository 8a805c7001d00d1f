import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

/**
 * The generated programme's routes. The training kinds (courses, trainers, facilities) and the
 * needs questionnaire come from another branch: here the loader is tested with a fake data source
 * (programme-input.test.ts) and the job up to its first read (a campaign it may not read).
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const COORDINATOR = 'fr.expert@demo.eucab.eu';

describe('training programme routes', () => {
  it('follow the ladder: 401, 400, 403, then 201 for the coordinator of the training network', async () => {
    expect(
      (await t.client().post('/api/v1/training/programmes', { title: 'P', year: 2027 })).statusCode,
    ).toBe(401);
    const fr = await t.as(COORDINATOR);
    expect((await fr.post('/api/v1/training/programmes', { title: 'P', year: 1999 })).statusCode).toBe(400);
    expect(
      (await fr.post('/api/v1/training/programmes', { title: 'P', year: 2027, extra: 1 })).statusCode,
    ).toBe(400);
    const nl = await t.as('nl.analyst@demo.eucab.eu');
    const refused = await nl.post('/api/v1/training/programmes', { title: 'Not mine', year: 2027 });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail ?? refused.json().message).toMatch(/coordinator of the training network/);
    const listBefore = (await fr.get('/api/v1/registry/training_programme')).json();
    const made = await fr.post('/api/v1/training/programmes', { title: 'Programme 2027', year: 2027 });
    expect(made.statusCode).toBe(201);
    const rec = (await fr.get(`/api/v1/registry/training_programme/${made.json().id}`)).json();
    expect(rec).toMatchObject({ status: 'draft', data: { title: 'Programme 2027', year: 2027, items: [] } });
    // the refused call wrote nothing
    const listAfter = (await fr.get('/api/v1/registry/training_programme')).json();
    expect(listAfter.total).toBe(listBefore.total + 1);
  });

  it('starts the generator as a job, which fails with a message when the campaign cannot be read', async () => {
    const fr = await t.as(COORDINATOR);
    const id = (await fr.post('/api/v1/training/programmes', { title: 'Programme B', year: 2027 })).json().id;
    const bad = await fr.post(`/api/v1/training/programmes/${id}/generate`, {
      campaignId: 'x',
    });
    expect(bad.statusCode).toBe(400);
    const badPin = await fr.post(`/api/v1/training/programmes/${id}/generate`, {
      campaignId: '00000000-0000-4000-8000-000000000000',
      excludes: [{}],
    });
    expect(badPin.statusCode).toBe(400);
    const de = await t.as('de.expert@demo.eucab.eu');
    const other = await de.post(`/api/v1/training/programmes/${id}/generate`, {
      campaignId: '00000000-0000-4000-8000-000000000000',
    });
    expect(other.statusCode).toBe(404); // another administration does not see FR's draft
    const colleague = await t.as('fr.ncp@demo.eucab.eu');
    const noRole = await colleague.post(`/api/v1/training/programmes/${id}/generate`, {
      campaignId: '00000000-0000-4000-8000-000000000000',
    });
    expect(noRole.statusCode).toBe(403);
    const missing = await fr.post(
      '/api/v1/training/programmes/00000000-0000-4000-8000-000000000001/generate',
      {
        campaignId: '00000000-0000-4000-8000-000000000000',
      },
    );
    expect(missing.statusCode).toBe(404);
    const res = await fr.post(`/api/v1/training/programmes/${id}/generate`, {
      campaignId: '00000000-0000-4000-8000-000000000000',
      pins: [],
      timeLimitSeconds: 5,
    });
    expect(res.statusCode).toBe(202);
    const job = await t.waitForJob(res.json().jobId);
    expect(JSON.stringify(job)).toMatch(/needs campaign does not exist or you may not read it/);
  });
});
