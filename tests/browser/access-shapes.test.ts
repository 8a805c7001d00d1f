import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, expectAccessible, poll, signIn, startEnv } from './helpers.ts';

/**
 * Access shapes in the web app: distribution to named organisations (the marking editor), the
 * co-editors of a record (the owner names them; a co-editor of another administration corrects),
 * and the approval steps (approve / reject from the record's abilities).
 */
let env: BrowserEnv;
const db = () => env.t.rt.db;

beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => {
  await env?.close();
});

describe('access shapes', () => {
  it('the owner shares a model with named organisations and names a co-editor of another administration', async () => {
    const de = await env.t.as('de.expert@demo.eucab.eu');
    const res = await de.post('/api/v1/registry/equipment_model', {
      data: { manufacturer: 'Rapiscan', model: 'Eagle M60', category: 'nii', technology: 'xray_high' },
      marking: { distribution: 'organisation', tlp: 'amber' },
      publish: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;

    const page = await env.page();
    await signIn(page, env.t, 'de.expert@demo.eucab.eu');
    await page.goto(`/registry/equipment_model/${id}`);
    await page.getByRole('heading', { name: 'Eagle M60', level: 1 }).waitFor();
    await page.getByText('Change sharing').click();
    await page.getByLabel('Distribution').selectOption('organisations');
    await page.getByRole('group', { name: 'Named organisations' }).waitFor();
    await page.getByLabel('FR — France').check();
    await expectAccessible(page, 'marking-named-organisations');
    await page.getByRole('button', { name: 'Save sharing' }).click();
    await poll(
      async () =>
        (
          await db()
            .selectFrom('registry_records')
            .select('distribution')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).distribution,
    ).toBe('organisations');
    const named = await db()
      .selectFrom('record_organisations as ro')
      .innerJoin('organisations as o', 'o.id', 'ro.organisation_id')
      .select('o.code')
      .where('ro.record_id', '=', id)
      .execute();
    expect(named.map((r) => r.code)).toEqual(['FR']);
    await page.getByText('Named organisations: FR').waitFor();

    // Co-editors: a Belgian expert (of no named organisation) who may correct the model.
    const editors = page.getByRole('group', { name: 'Co-editors' });
    await editors.getByLabel('Find people by name or exact e-mail').fill('BE Exp');
    await editors.getByRole('button', { name: 'Add BE Expert (BE)' }).click();
    await page.getByRole('list', { name: 'Chosen co-editors' }).getByText('BE Expert (BE)').waitFor();
    await expectAccessible(page, 'record-co-editors');
    const rows = await db()
      .selectFrom('record_editors')
      .select('user_id')
      .where('record_id', '=', id)
      .execute();
    expect(rows.map((r) => r.user_id)).toEqual([await env.t.userId('be.expert@demo.eucab.eu')]);

    // The co-editor (BE, not a named organisation) reads and corrects it, but never shares it.
    const be = await env.page();
    await signIn(be, env.t, 'be.expert@demo.eucab.eu');
    await be.goto(`/registry/equipment_model/${id}`);
    await be.getByRole('heading', { name: 'Eagle M60', level: 1 }).waitFor();
    await be.getByRole('link', { name: 'Correct' }).waitFor();
    expect(await be.getByText('Change sharing').count()).toBe(0);
    expect(await be.getByRole('button', { name: /^Remove / }).count()).toBe(0);
    await expectAccessible(be, 'record-as-co-editor');
  });

  it('approval: a colleague rejects a submitted requirement set with the reason the author then reads', async () => {
    const de = await env.t.as('de.expert@demo.eucab.eu');
    const res = await de.post('/api/v1/registry/requirement_set', {
      data: {
        title: 'Handheld trace detectors',
        category: 'nii',
        version_label: '2027.3',
        requirements: [{ req_id: 'R1', text: 'Detects 50 substances', kind: 'performance' }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    expect((await de.post(`/api/v1/registry/requirement_set/${id}/submit`)).statusCode).toBe(200);

    const colleague = await env.page();
    await signIn(colleague, env.t, 'de.analyst@demo.eucab.eu');
    await colleague.goto(`/registry/requirement_set/${id}`);
    await colleague.getByRole('heading', { name: 'Approval' }).waitFor();
    await colleague.getByText('Step 1: another person of the owning administration').waitFor();
    await colleague.getByRole('button', { name: 'Approve and publish' }).waitFor();
    await colleague.getByRole('button', { name: 'Reject' }).click();
    await colleague
      .getByLabel('Why is it rejected? The submitter reads this on the draft.')
      .fill('Add the detection limits.');
    await expectAccessible(colleague, 'approval-reject');
    await colleague.getByRole('button', { name: 'Reject and return to draft' }).click();
    await poll(
      async () =>
        (
          await db()
            .selectFrom('registry_records')
            .select(['status', 'status_note'])
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).status,
    ).toBe('draft');

    const author = await env.page();
    await signIn(author, env.t, 'de.expert@demo.eucab.eu');
    await author.goto(`/registry/requirement_set/${id}`);
    await author.getByText('Returned to draft: Add the detection limits.').waitFor();
    await author.getByText(/Step 1 rejected by DE Risk Analyst \(DE\)/).waitFor();
    await author.getByRole('button', { name: 'Submit for approval' }).waitFor();
    await expectAccessible(author, 'approval-rejected-draft');
  });
});
