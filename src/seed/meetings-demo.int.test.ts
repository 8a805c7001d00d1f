import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { seedMeetingsDemo } from './meetings-demo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

it('the meetings demo: a Management Board meeting with minutes and two action points, one overdue and reminded; a network meeting', async () => {
  expect(await seedMeetingsDemo(t.rt.db)).toEqual({ meetings: 2, actionPoints: 2 });
  const de = await t.as('de.ncp@demo.eucab.eu');
  const meetings = (await de.get('/api/v1/registry/meeting?body=management_board')).json().items;
  expect(meetings).toHaveLength(1);
  const board = (await de.get(`/api/v1/registry/meeting/${meetings[0].id}`)).json();
  expect(board.data.minutes).toMatch(/agenda was adopted/);
  expect(board.data.decisions).toHaveLength(2);
  const points = (await de.get(`/api/v1/registry/action_point?meeting=${board.id}`)).json().items;
  expect(points).toHaveLength(2);
  // The scheduled task reminds the owner of the overdue one, once.
  await t.rt.scheduler.runDue(new Date());
  await t.rt.scheduler.runDue(new Date(Date.now() + 2 * 3600_000));
  const notes = await t.rt.db
    .selectFrom('notifications')
    .select(['kind', 'summary'])
    .where('user_id', '=', await t.userId('de.ncp@demo.eucab.eu'))
    .where('kind', 'like', 'action_point.%due')
    .execute();
  expect(notes).toEqual([
    { kind: 'action_point.overdue', summary: expect.stringMatching(/joint procurement/) },
  ]);
  // The network meeting: its members see it, others do not.
  const analyst = await t.as('de.analyst@demo.eucab.eu');
  const network = (await analyst.get('/api/v1/registry/meeting?body=network_risk_management')).json().items;
  expect(network).toHaveLength(1);
  const outsider = await t.as('fr.expert@demo.eucab.eu');
  expect(
    (await outsider.get('/api/v1/registry/meeting?body=network_risk_management')).json().items,
  ).toHaveLength(0);
});
