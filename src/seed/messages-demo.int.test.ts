import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { seedMessagesDemo } from './messages-demo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

it('the messages demo: a public joint statement in EN/FR/DE, and lines-to-take under embargo for the insiders only', async () => {
  expect(await seedMessagesDemo(t.rt.db)).toEqual({ messages: 2, versions: 3 });
  const pub = (await t.client().get('/api/v1/messages/public')).json().messages;
  expect(pub).toHaveLength(1);
  expect(pub[0].versions.map((v: { language: string }) => v.language)).toEqual(['en', 'de', 'fr']);
  const feed = (await t.client().get('/api/v1/messages/feed.atom')).body;
  expect(feed.match(/<entry xml:lang/g)).toHaveLength(3);
  expect(feed).not.toMatch(/Lines to take/);

  const lines = await t.rt.db
    .selectFrom('registry_records')
    .select('id')
    .where('kind', '=', 'message')
    .where('title', 'like', '%Lines to take%')
    .executeTakeFirstOrThrow();
  const url = `/api/v1/registry/message/${lines.id}`;
  for (const who of ['nl.ncp', 'nl.analyst', 'fr.expert', 'be.expert'])
    expect((await (await t.as(`${who}@demo.eucab.eu`)).get(url)).statusCode, who).toBe(200);
  for (const who of ['de.ncp', 'pl.expert', 'de.analyst'])
    expect((await (await t.as(`${who}@demo.eucab.eu`)).get(url)).statusCode, who).toBe(404);
  // The reviewer of the French version approves it; it stays with the insiders until the embargo.
  const be = await t.as('be.expert@demo.eucab.eu');
  const versions = (await be.get(`/api/v1/messages/${lines.id}/versions`)).json().versions;
  expect(versions).toHaveLength(1);
  expect(versions[0].abilities).toMatchObject({ approve: true, return: true, update: false });
});
