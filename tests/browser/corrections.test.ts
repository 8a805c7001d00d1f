import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, expectAccessible, poll, signIn, startEnv } from './helpers.ts';

/**
 * Four eyes on corrections: the author corrects a published requirement set; the correction waits
 * (the record page says so, with the changes against the published version, in EN, FR and DE);
 * another administration still reads the published text; a colleague approves and applies it.
 */
let env: BrowserEnv;
const db = () => env.t.rt.db;

beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => {
  await env?.close();
});

describe('corrections awaiting approval', () => {
  it('the author proposes, readers keep the published text, a colleague approves and applies it', async () => {
    const de = await env.t.as('de.expert@demo.eucab.eu');
    const data = {
      title: 'Cargo scanners 2027',
      category: 'nii',
      version_label: '2027.9',
      requirements: [{ req_id: 'R1', text: 'Penetrates 300 mm of steel', kind: 'performance' }],
    };
    const res = await de.post('/api/v1/registry/requirement_set', {
      data,
      marking: { distribution: 'eucab', tlp: 'green' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    expect((await de.post(`/api/v1/registry/requirement_set/${id}/submit`)).statusCode).toBe(200);
    const analyst = await env.t.as('de.analyst@demo.eucab.eu');
    expect((await analyst.post(`/api/v1/registry/requirement_set/${id}/approve`, {})).statusCode).toBe(200);

    // The author corrects the title in the form: it is saved as a proposal.
    const author = await env.page();
    await signIn(author, env.t, 'de.expert@demo.eucab.eu');
    await author.goto(`/registry/requirement_set/${id}/edit`);
    await author.getByTestId('correction-hint').waitFor();
    await author.getByRole('textbox', { name: /^Title/ }).fill('Cargo scanners 2027 (revised)');
    await author.getByLabel('What was corrected').fill('Title names the revision');
    await author.getByRole('button', { name: /^Save/ }).click();
    await author.getByTestId('pending-correction').waitFor();
    await author.getByText(/A correction of this record awaits approval, proposed by DE Expert/).waitFor();
    await author.getByRole('cell', { name: 'Cargo scanners 2027 (revised)' }).waitFor();
    await author.getByRole('button', { name: 'Withdraw my correction' }).waitFor();
    expect(await author.getByRole('link', { name: 'Correct' }).count()).toBe(0);
    await expectAccessible(author, 'correction-pending-en');
    await author.getByLabel('Language').selectOption('fr');
    await author.getByText(/Une correction de cette fiche attend une approbation/).waitFor();
    await author.getByRole('button', { name: 'Retirer ma correction' }).waitFor();
    await expectAccessible(author, 'correction-pending-fr');
    await author.getByLabel('Langue').selectOption('de');
    await author.getByText(/Eine Korrektur dieses Eintrags wartet auf Freigabe/).waitFor();
    await author.getByRole('button', { name: 'Meine Korrektur zurückziehen' }).waitFor();
    await expectAccessible(author, 'correction-pending-de');
    await author.getByLabel('Sprache').selectOption('en');

    // Another administration reads the published title and nothing of the proposal.
    const fr = await env.page();
    await signIn(fr, env.t, 'fr.expert@demo.eucab.eu');
    await fr.goto(`/registry/requirement_set/${id}`);
    await fr.getByRole('heading', { name: 'Cargo scanners 2027', level: 1 }).waitFor();
    expect(await fr.getByTestId('pending-correction').count()).toBe(0);

    // The colleague sees the diff and approves: the correction becomes version 2.
    const colleague = await env.page();
    await signIn(colleague, env.t, 'de.analyst@demo.eucab.eu');
    await colleague.goto(`/registry/requirement_set/${id}`);
    await colleague.getByTestId('pending-correction').waitFor();
    expect(await colleague.getByRole('button', { name: 'Withdraw my correction' }).count()).toBe(0);
    await expectAccessible(colleague, 'correction-approve');
    await colleague.getByRole('button', { name: 'Approve and apply the correction' }).click();
    await poll(
      async () =>
        (
          await db()
            .selectFrom('registry_records')
            .select(['title', 'version'])
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).version,
    ).toBe(2);
    await fr.reload();
    await fr.getByRole('heading', { name: 'Cargo scanners 2027 (revised)', level: 1 }).waitFor();
  });
});
