import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { seedDiscussionsDemo } from './discussions-demo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

it('the discussions demo: two discussions in their networks with replies, read by their members only', async () => {
  expect(await seedDiscussionsDemo(t.rt.db)).toEqual({ discussions: 2, posts: 5 });
  await t.rt.outbox.drain();
  const member = await t.as('be.expert@demo.eucab.eu');
  const list = (await member.get('/api/v1/registry/discussion?network=procurement')).json().items;
  expect(list).toHaveLength(1);
  const d = (await member.get(`/api/v1/registry/discussion/${list[0].id}`)).json();
  expect(d.comments).toHaveLength(3);
  expect(
    d.comments.filter((c: { parent_id: string | null }) => c.parent_id === d.comments[0].id),
  ).toHaveLength(2);
  // A person outside the procurement network does not see it.
  const outsider = await t.as('at.expert@demo.eucab.eu');
  expect((await outsider.get('/api/v1/registry/discussion?network=procurement')).json().items).toHaveLength(
    0,
  );
  // The mentioned secretariat is notified of the mention in the communication network.
  const sec = await t.as('secretariat@demo.eucab.eu');
  const kinds = (await sec.get('/api/v1/notifications?limit=100'))
    .json()
    .items.map((n: { kind: string }) => n.kind);
  expect(kinds).toContain('discussion.mention');
});
