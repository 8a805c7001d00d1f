import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { seedTrainingDemo } from './training-demo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('training demo data', () => {
  it('courses, marked fictitious trainers, facilities and an event whose registration has begun', async () => {
    expect(await seedTrainingDemo(t.rt.db)).toEqual({
      courses: 3,
      trainers: 3,
      facilities: 2,
      events: 1,
      nominations: 3,
    });
    const fr = await t.as('fr.expert@demo.eucab.eu');
    const trainers = (await fr.get('/api/v1/registry/trainer?limit=50')).json().items as { title: string }[];
    expect(trainers).toHaveLength(3);
    for (const tr of trainers) expect(tr.title).toMatch(/^\[Demo\] .*\(fictitious person\)$/);
    // The trainer who is a demo user sees their record; the observer sees no trainer.
    const be = await t.as('be.expert@demo.eucab.eu');
    expect((await be.get('/api/v1/registry/trainer?limit=50')).json().items.length).toBe(3);
    const observer = await t.as('observer@demo.eucab.eu');
    expect((await observer.get('/api/v1/registry/trainer?limit=50')).json().items).toEqual([]);
    const events = (await fr.get('/api/v1/registry/training_event?limit=50')).json().items as {
      id: string;
    }[];
    expect(events).toHaveLength(1);
    const reg = (await fr.get(`/api/v1/training/events/${events[0]!.id}/registration`)).json();
    expect(reg).toMatchObject({ seatsTotal: 8, freeSeats: 7, nominations: [] });
    expect(reg.administrations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'DE', quota: 1, seated: 1, waiting: 1 }),
        expect.objectContaining({ code: 'PL', quota: 0, seated: 0, waiting: 1 }),
      ]),
    );
  });
});
