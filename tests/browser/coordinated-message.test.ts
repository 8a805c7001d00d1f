import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseMessages } from '../../src/modules/messages/release-task.ts';
import { type BrowserEnv, expectAccessible, signIn, startEnv } from './helpers.ts';

/**
 * A coordinated joint statement as people use it: drafted in English by DE's NCP, its French version
 * added in the browser by a translator of France (a co-editor) and its German version by a
 * translator of Germany, each approved by its reviewer; before the embargo a member who is neither
 * translator nor reviewer gets nothing; at the embargo (the release task run with a clock) all three
 * languages are published at once, on the public page and in the Atom feed.
 */
let env: BrowserEnv;
const ids: Record<string, string> = {};
const TITLE = 'Joint statement on the Customs Union week';
let embargo: string;

beforeAll(async () => {
  env = await startEnv();
  const author = await env.t.as('de.ncp@demo.eucab.eu');
  embargo = new Date(Date.now() + 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
  const res = await author.post('/api/v1/registry/message', {
    data: {
      type: 'joint_statement',
      title: TITLE,
      body: 'The customs administrations celebrate the Customs Union week together.',
      embargo_at: embargo,
      time_zone: 'Europe/Brussels',
    },
    language: 'en',
    marking: { distribution: 'public', tlp: 'clear' },
    publish: false,
  });
  expect(res.statusCode, res.body).toBe(201);
  ids.message = res.json().id;
  const editors = await author.put(`/api/v1/registry/message/${ids.message}/editors`, {
    userIds: [await env.t.userId('fr.expert@demo.eucab.eu')],
  });
  expect(editors.statusCode, editors.body).toBe(200);
});
afterAll(async () => {
  await env?.close();
});

describe('coordinated message', () => {
  it('is translated, reviewed, kept under embargo and released in all three languages at once', async () => {
    // The French translator (FR, a co-editor) adds the French version in the browser.
    const fr = await env.page();
    await signIn(fr, env.t, 'fr.expert@demo.eucab.eu');
    await fr.goto(`/registry/message/${ids.message}`);
    await fr.getByRole('heading', { name: 'Language versions' }).waitFor();
    await fr.getByText(/^Embargo: .* left$/).waitFor();
    await fr.getByLabel('Language of the version').selectOption('fr');
    await fr
      .getByLabel('Title', { exact: true })
      .last()
      .fill('Déclaration commune sur la semaine de l’union douanière');
    await fr
      .getByLabel('Text', { exact: true })
      .last()
      .fill('Les administrations douanières célèbrent ensemble la semaine de l’union douanière.');
    const pick = async (field: string, query: string, name: RegExp) => {
      await fr.locator(`#${field}`).fill(query);
      await fr.getByRole('button', { name }).click();
    };
    await pick('version-translator', 'FR Expert', /^Choose FR Expert \(FR\)$/);
    await pick('version-reviewer', 'BE Expert', /^Choose BE Expert \(BE\)$/);
    await fr.getByRole('button', { name: 'Add the version' }).click();
    await fr.getByRole('cell', { name: 'Déclaration commune sur la semaine de l’union douanière' }).waitFor();
    await expectAccessible(fr, 'message-versions');
    await fr.getByRole('button', { name: 'Submit FR for review' }).click();
    await fr.getByRole('cell', { name: 'Waiting for review' }).waitFor();

    // The German version: translated in Germany, reviewed in Austria (through the API, as a client would).
    const author = await env.t.as('de.ncp@demo.eucab.eu');
    const de = await author.post(`/api/v1/messages/${ids.message}/versions`, {
      language: 'de',
      title: 'Gemeinsame Erklärung zur Woche der Zollunion',
      body: 'Die Zollverwaltungen feiern gemeinsam die Woche der Zollunion.',
      translatorId: await env.t.userId('de.analyst@demo.eucab.eu'),
      reviewerId: await env.t.userId('at.expert@demo.eucab.eu'),
    });
    expect(de.statusCode, de.body).toBe(201);
    const deTranslator = await env.t.as('de.analyst@demo.eucab.eu');
    expect((await deTranslator.post(`/api/v1/messages/versions/${de.json().id}/submit`)).statusCode).toBe(
      200,
    );

    // Each reviewer approves their language in the browser.
    for (const [email, language] of [
      ['be.expert@demo.eucab.eu', 'FR'],
      ['at.expert@demo.eucab.eu', 'DE'],
    ] as const) {
      const reviewer = await env.page();
      await signIn(reviewer, env.t, email);
      await reviewer.goto(`/registry/message/${ids.message}`);
      await reviewer.getByRole('button', { name: `Approve ${language}` }).click();
      await reviewer.getByText('The version is approved.').waitFor();
      await reviewer.close();
    }
    expect((await author.post(`/api/v1/registry/message/${ids.message}/publish`, {})).statusCode).toBe(200);

    // Before the embargo: a member who neither translates nor reviews gets nothing.
    const outsider = await env.page();
    await signIn(outsider, env.t, 'pl.expert@demo.eucab.eu');
    await outsider.goto(`/registry/message/${ids.message}`);
    await outsider
      .getByText(/Not found|not allowed/i)
      .first()
      .waitFor();
    const pl = await env.t.as('pl.expert@demo.eucab.eu');
    expect((await pl.get('/api/v1/registry/message?limit=500')).json().items).toEqual([]);
    expect((await pl.get('/api/v1/search?q=customs%20union')).json().items).toEqual([]);
    expect((await env.t.client().get('/api/v1/messages/feed.atom')).body).not.toContain(TITLE);

    // At the embargo the task (driven with the clock) releases all three languages at once.
    const wait = Date.parse(embargo) - Date.now() + 100;
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    expect(
      await releaseMessages.run({
        db: env.t.rt.db,
        now: new Date(embargo),
        config: env.t.rt.config,
        mailer: env.t.rt.mailer,
      }),
    ).toBe('1 messages released');
    await outsider.goto(`/registry/message/${ids.message}`);
    await outsider.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await outsider.getByRole('cell', { name: 'Gemeinsame Erklärung zur Woche der Zollunion' }).waitFor();

    const visitor = await env.page();
    await visitor.goto('/public/messages');
    await visitor.getByRole('heading', { name: 'Public messages', level: 1 }).waitFor();
    await visitor.getByRole('heading', { name: /^FR · Déclaration commune/ }).waitFor();
    await visitor.getByRole('heading', { name: /^DE · Gemeinsame Erklärung/ }).waitFor();
    await expectAccessible(visitor, 'public-messages');
    const feed = (await env.t.client().get('/api/v1/messages/feed.atom')).body;
    for (const lang of ['en', 'fr', 'de']) expect(feed).toContain(`<entry xml:lang="${lang}">`);

    // In French and German.
    await outsider.getByLabel('Language', { exact: true }).selectOption('fr');
    await outsider.getByRole('heading', { name: 'Versions linguistiques' }).waitFor();
    await outsider.getByText('L’embargo est levé.').waitFor();
    await expectAccessible(outsider, 'message-versions-fr');
    await outsider.getByLabel('Langue', { exact: true }).selectOption('de');
    await outsider.getByRole('heading', { name: 'Sprachfassungen' }).waitFor();
    await expectAccessible(outsider, 'message-versions-de');
    await outsider.getByLabel('Sprache', { exact: true }).selectOption('en');
  });
});
