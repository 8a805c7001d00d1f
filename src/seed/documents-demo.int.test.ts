import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { seedDocumentsDemo } from './documents-demo.ts';

/** The demo documents and directory entries load, and are found by the words of their files through the policy. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  expect(await seedDocumentsDemo(t.rt.db)).toBe(4);
});
afterAll(async () => t?.close());

describe('documents demo', () => {
  it('finds a network document by a word of its PDF for members only', async () => {
    const member = await t.as('be.expert@demo.eucab.eu');
    const outsider = await t.as('at.expert@demo.eucab.eu');
    const hits = (await member.get('/api/v1/registry/document?q=penetration')).json().items;
    expect(hits.map((r: { title: string }) => r.title)).toEqual([
      '[Demo] Field test report: relocatable cargo scanner',
    ]);
    const files = (await member.get(`/api/v1/registry/document/${hits[0].id}/attachments`)).json().items;
    expect(files.map((f: { filename: string }) => f.filename)).toEqual([
      'field-test-report-draft.pdf',
      'field-test-report.pdf',
    ]);
    expect((await outsider.get('/api/v1/registry/document?q=penetration')).json().items).toEqual([]);
    // The Management Board's agenda is for all members; the French version names its original.
    expect((await outsider.get('/api/v1/search?q=secretariat%20report')).json().items.length).toBe(1);
    const it = await t.as('it.expert@demo.eucab.eu');
    const fr = (await it.get('/api/v1/registry/document?q=chargement')).json().items;
    expect(fr).toHaveLength(1);
    expect(fr[0].language).toBe('fr');
    expect(fr[0].data.language_version_of).toBeTruthy();
  });

  it('shows the demo directory details people chose', async () => {
    const reader = await t.as('pl.expert@demo.eucab.eu');
    const it = (await reader.get('/api/v1/directory?organisation=IT&role=coordinator')).json().items;
    expect(it[0]).toMatchObject({ jobTitle: 'Head of external communication', phone: '+39 06 5024 0000' });
    const de = (await reader.get('/api/v1/directory?organisation=DE&role=ncp')).json().items;
    expect(de[0]).toMatchObject({ email: 'de.ncp@demo.eucab.eu', phone: null });
  });
});
