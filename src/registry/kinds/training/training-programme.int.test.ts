import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../testing/test-app.ts';
import { trainingProgramme } from './training-programme.kind.ts';

/**
 * The training programme kind: added by the training network's experts and coordinators only,
 * published through four eyes (another writer of the owning administration approves), then
 * readable by every signed-in user, never anonymously.
 */
const BASE = '/api/v1/registry/training_programme';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('training_programme', () => {
  it('is added by the training network, published through four eyes and read by signed-in users', async () => {
    const nl = await t.as('nl.analyst@demo.eucab.eu');
    expect((await nl.post(BASE, { data: trainingProgramme.example('a', (k) => k) })).statusCode).toBe(403);
    const fr = await t.as('fr.expert@demo.eucab.eu');
    const made = await fr.post(BASE, { data: trainingProgramme.example('b', (k) => k) });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id as string;
    expect(made.json().status).toBe('draft');
    expect((await nl.get(`${BASE}/${id}`)).statusCode).toBe(404);
    expect((await fr.post(`${BASE}/${id}/submit`)).statusCode).toBe(200);
    expect((await fr.post(`${BASE}/${id}/approve`, {})).statusCode).toBe(403); // not the submitter
    const colleague = await t.as('fr.ncp@demo.eucab.eu');
    expect((await colleague.post(`${BASE}/${id}/approve`, {})).statusCode).toBe(200);
    const read = await nl.get(`${BASE}/${id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      status: 'published',
      data: { year: 2027, items: [{ course: 'course-1' }] },
    });
    expect((await t.client().get(`${BASE}/${id}`)).statusCode).toBe(404); // never public
    const list = (await nl.get(`${BASE}?year=2027`)).json();
    expect(list.items.map((r: { id: string }) => r.id)).toContain(id);
  });
});
