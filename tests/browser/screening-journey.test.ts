import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoListV2 } from '../../src/modules/screening/screening-test-helpers.ts';
import { type BrowserEnv, expectAccessible, poll, signIn, signOut, startEnv } from './helpers.ts';

let env: BrowserEnv;

beforeAll(async () => {
  env = await startEnv();
}, 120_000);
afterAll(async () => {
  await env?.close();
});

const file = (name: string, text: string, mimeType = 'text/csv') => ({
  name,
  mimeType,
  buffer: Buffer.from(text),
});
const PARTIES = [
  'name,country,birth_date,reference',
  'Ivan Fiktivov,RU,1961-04-12,C-1',
  'Viktor Samplov,RU,1969-07-21,C-2',
  'Anna Harmless Trading,DE,,C-3',
].join('\n');
const db = () => env.t.rt.db;
const caseState = async (party: string) =>
  (
    await db()
      .selectFrom('screening_cases as c')
      .innerJoin('screening_parties as p', 'p.id', 'c.party_id')
      .select('c.state')
      .where('p.name', '=', party)
      .execute()
  ).map((r) => r.state);

describe('screening journey', () => {
  it('party file → explained hits → dismiss a false positive (stays dismissed) → new list version → new case', async () => {
    const page = await env.page();
    await signIn(page, env.t, 'at.analyst@demo.eucab.eu');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Screening' }).click();
    await page.getByRole('heading', { name: 'Sanctions screening', level: 1 }).waitFor();
    // the hand-made list is never presented as real data
    await page.getByText('hand-made DEMO list').waitFor();
    await expectAccessible(page, 'screening-home');

    // 1. upload a party file → progress → explained hits and the report
    await page.getByLabel('File', { exact: true }).setInputFiles(file('parties.csv', PARTIES));
    await page.getByRole('button', { name: 'Upload and screen' }).click();
    await page.getByRole('link', { name: 'Download report (CSV)' }).waitFor();
    const ivanRow = page.locator('.screening-rows > li').filter({ hasText: 'Line 2: Ivan Fiktivov' });
    await ivanRow.getByText('name "Ivan Fiktivov" ~ primary name "Ivan Fiktivov"').waitFor();
    await ivanRow.getByText('Match: a case').waitFor();
    expect(
      await page.locator('.screening-rows > li').filter({ hasText: 'Line 3: Viktor Samplov' }).textContent(),
    ).toContain('No hit');
    await expectAccessible(page, 'screening-batch-results');

    // 2. dismiss Ivan's case as a false positive, with a reason
    const ivanCase = page.locator('.screening-case').filter({ hasText: 'Ivan Fiktivov ↔ Ivan Fiktivov' });
    await ivanCase
      .getByLabel('Reason of your decision on Ivan Fiktivov')
      .fill('Different person: other passport');
    await ivanCase.getByRole('button', { name: 'Dismiss as false positive' }).click();
    await page.getByText('The case is dismissed').waitFor();
    await poll(() => caseState('Ivan Fiktivov')).toEqual(['dismissed']);

    // 3. re-screening the same file keeps the dismissal
    await page.getByLabel('File', { exact: true }).setInputFiles(file('parties-again.csv', PARTIES));
    await page.getByRole('button', { name: 'Upload and screen' }).click();
    await page.getByRole('heading', { name: 'Results of parties-again.csv' }).waitFor();
    await page
      .locator('.screening-rows > li')
      .filter({ hasText: 'Line 2: Ivan Fiktivov' })
      .getByText('Dismissed earlier: suppressed')
      .waitFor();
    expect(await caseState('Ivan Fiktivov')).toEqual(['dismissed']);
    expect(await caseState('Viktor Samplov')).toEqual([]);
    await signOut(page);

    // 4. a platform administrator loads a new list version
    await signIn(page, env.t, 'admin@demo.eucab.eu');
    await page.goto('/screening');
    await page.getByRole('heading', { name: 'Load a new list version' }).waitFor();
    await page.getByLabel('Version label').fill('Demo v2');
    await page.getByLabel('List file').setInputFiles(file('demo-v2.jsonl', demoListV2(), 'application/json'));
    await page.getByRole('button', { name: 'Load and re-screen' }).click();
    await page.getByText('New version loaded: the re-screen opened 1 new case(s) and reopened 0.').waitFor();
    await page.getByRole('button', { name: 'Changes in Demo v2' }).click();
    await page.getByText('+ Viktor Samplov (ftm-eucab-demo-p4)').waitFor();
    await page.getByText('~ Erika Mustermann-Beispiel (ftm-eucab-demo-p2)').waitFor();
    await expectAccessible(page, 'screening-list-diff');
    // the administrator sees no administration's cases
    expect(await page.getByRole('heading', { name: 'Cases and review queue' }).count()).toBe(0);
    await signOut(page);

    // 5. the re-screen raised a new case for the stored party; the dismissal still holds
    await signIn(page, env.t, 'at.analyst@demo.eucab.eu');
    await page.goto('/screening');
    await page.locator('.screening-case').filter({ hasText: 'Viktor Samplov ↔ Viktor Samplov' }).waitFor();
    expect(await page.locator('.screening-case').filter({ hasText: 'Ivan Fiktivov' }).count()).toBe(0);
    expect(await caseState('Viktor Samplov')).toEqual(['open']);
    expect(await caseState('Ivan Fiktivov')).toEqual(['dismissed']);
    await expectAccessible(page, 'screening-new-case');
  }, 180_000);

  it('"Save as party and screen" shows the new case in the case list at once, without a reload (issue 21, item 6)', async () => {
    const page = await env.page();
    await signIn(page, env.t, 'fi.analyst@demo.eucab.eu');
    await page.goto('/screening');
    await page.getByRole('heading', { name: 'Sanctions screening', level: 1 }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Ivan Fiktivov');
    await page.getByRole('button', { name: 'Save as party and screen' }).waitFor();
    await page.getByRole('button', { name: 'Save as party and screen' }).click();
    await page.getByText('Saved as a party of your administration').waitFor();
    await page.locator('.screening-case').filter({ hasText: 'Ivan Fiktivov ↔ Ivan Fiktivov' }).waitFor();
  }, 120_000);
});
