import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/test-app.ts';

/**
 * Codes of conduct and best practices: one per administration with its language versions (records
 * naming the original, files attached as a document's), by key factor, comparable side by side
 * (the compare view reads them through the policy like any list).
 */
const URL = '/api/v1/registry/code_of_conduct';
let t: TestApp;
let fr: TestClient;
let de: TestClient;
let nl: TestClient;

const code = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  doc_type: 'code_of_ethics',
  factors: ['code_of_conduct', 'transparency'],
  adopted: '2023-06-01',
  summary: 'Gifts and hospitality, conflicts of interest.',
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  fr = await t.as('fr.expert@demo.eucab.eu');
  de = await t.as('de.expert@demo.eucab.eu');
  nl = await t.as('nl.expert@demo.eucab.eu');
});
afterAll(async () => t?.close());

describe('codes of conduct', () => {
  it('an administration’s code with its language version; filtered by key factor and country; TLP:GREEN for all members', async () => {
    const original = await fr.post(URL, {
      data: code('Charte de déontologie'),
      language: 'fr',
      publish: true,
    });
    expect(original.statusCode, original.body).toBe(201);
    const id = original.json().id as string;
    const english = await fr.post(URL, {
      data: code('Code of ethics', { language_version_of: id }),
      language: 'en',
      publish: true,
    });
    expect(english.statusCode, english.body).toBe(201);
    const german = await de.post(URL, {
      data: code('Verhaltenskodex', { doc_type: 'code_of_conduct', factors: ['private_sector'] }),
      language: 'de',
      publish: true,
    });
    expect(german.statusCode).toBe(201);

    const read = (await nl.get(`${URL}/${english.json().id}`)).json();
    expect(read).toMatchObject({ distribution: 'eucab', tlp: 'green', language: 'en' });
    expect(read.data).toMatchObject({ language_version_of: id, country: 'FR' });
    const titles = async (query: string) =>
      ((await nl.get(`${URL}?${query}`)).json().items as { title: string }[]).map((r) => r.title).sort();
    expect(await titles('factors=transparency')).toEqual(['Charte de déontologie', 'Code of ethics']);
    expect(await titles('country=DE')).toEqual(['Verhaltenskodex']);
    expect(await titles('doc_type=code_of_ethics&country=FR')).toEqual([
      'Charte de déontologie',
      'Code of ethics',
    ]);

    // The language version must name a code of conduct, not any record.
    const bad = await fr.post(URL, {
      data: code('Etikkodeks', { language_version_of: '00000000-0000-4000-8000-000000000000' }),
      publish: true,
    });
    expect(bad.statusCode).toBe(400);
    const kinds = (await nl.get('/api/v1/registry')).json().kinds as {
      name: string;
      views: { type: string }[];
    }[];
    expect(kinds.find((k) => k.name === 'code_of_conduct')!.views.map((v) => v.type)).toEqual([
      'list',
      'compare',
      'matrix',
    ]);
  });
});
