import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, expectAccessible, poll, signIn, startEnv } from './helpers.ts';

/**
 * The entry points every module plugs into, as people see them: the home page (what waits for
 * me, figures by area), the calendar (dates of what I may read) and the audit trail in sentences.
 */
let env: BrowserEnv;
const today = new Date().toISOString().slice(0, 10);
const thisMonth = today.slice(0, 7);

const tender = (reference: string, title: string) => ({
  reference,
  title,
  cpv_codes: ['38582000-7'],
  category: 'nii',
  procedure_type: 'open',
  status: 'planned',
  submission_deadline: today,
});

beforeAll(async () => {
  env = await startEnv();
  const de = await env.t.as('de.ncp@demo.eucab.eu');
  for (const body of [
    { data: tender('CAL-B1', 'Container scanners for Hamburg'), publish: true },
    {
      data: tender('CAL-B2', 'Confidential scanner lot'),
      marking: { distribution: 'organisation', tlp: 'amber' },
      publish: true,
    },
  ]) {
    const res = await de.post('/api/v1/registry/tender', body);
    expect(res.statusCode, res.body).toBe(201);
  }
  const set = await de.post('/api/v1/registry/requirement_set', {
    data: {
      title: 'Scanner requirements 2031',
      category: 'nii',
      version_label: 'b-1',
      requirements: [{ req_id: 'R1', text: 'Works', kind: 'performance' }],
    },
  });
  expect(set.statusCode, set.body).toBe(201);
  expect((await de.post(`/api/v1/registry/requirement_set/${set.json().id}/submit`)).statusCode).toBe(200);
});
afterAll(async () => {
  await env?.close();
});

describe('home, calendar and the audit trail in sentences', () => {
  it('the home page lists what waits for me and the figures of each area', async () => {
    const page = await env.page();
    await signIn(page, env.t, 'de.analyst@demo.eucab.eu');
    const waiting = page.getByRole('region', { name: 'Waiting for you' });
    const approve = waiting.getByRole('link', {
      name: '1 record awaiting your approval (four eyes): Requirement set',
    });
    await approve.waitFor();
    const areas = page.getByRole('region', { name: 'By area' });
    await areas.getByRole('heading', { name: 'Procurement', level: 3 }).waitFor();
    await areas.getByRole('link', { name: 'Tenders: published records' }).waitFor();
    await expectAccessible(page, 'home-tasks');
    await approve.click();
    await page.getByRole('heading', { name: 'Minimum requirements', level: 1 }).waitFor();
    expect(new URL(page.url()).search).toBe('?status=submitted');
    await page.getByRole('link', { name: 'Scanner requirements 2031' }).waitFor();

    // Someone with nothing waiting is told so.
    const fr = await env.page();
    await signIn(fr, env.t, 'fr.expert@demo.eucab.eu');
    await fr.getByText('Nothing is waiting for you.').waitFor();
  });

  it('the calendar shows the dates I may read, as an agenda or a month, by keyboard', async () => {
    const page = await env.page();
    await signIn(page, env.t, 'de.ncp@demo.eucab.eu');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
    await page.getByRole('heading', { name: 'Calendar', level: 1 }).waitFor();
    const agenda = page.getByRole('list').filter({ hasText: 'Container scanners for Hamburg' }).first();
    await agenda.getByRole('link', { name: 'Container scanners for Hamburg' }).waitFor();
    await agenda.getByRole('link', { name: 'Confidential scanner lot' }).waitFor();
    await page.getByText('Submission deadline').first().waitFor();
    await expectAccessible(page, 'calendar-agenda');

    // The month as a table, chosen and left with the keyboard.
    const month = page.getByRole('button', { name: 'Month', exact: true });
    await month.focus();
    await page.keyboard.press('Enter');
    await poll(() => month.getAttribute('aria-pressed')).toBe('true');
    const table = page.getByRole('table');
    await table.getByRole('link', { name: /Container scanners for Hamburg/ }).waitFor();
    expect(new URL(page.url()).searchParams.get('view')).toBe('month');
    await expectAccessible(page, 'calendar-month');
    await page.getByRole('button', { name: 'Next month' }).focus();
    await page.keyboard.press('Enter');
    await poll(() => new URL(page.url()).searchParams.get('month')).not.toBe(thisMonth);
    await page.getByRole('button', { name: 'This month' }).click();
    await poll(() => new URL(page.url()).searchParams.get('month')).toBe(thisMonth);
    await table.getByRole('link', { name: /Container scanners for Hamburg/ }).click();
    await page.getByRole('heading', { name: 'Container scanners for Hamburg', level: 1 }).waitFor();

    // Another administration sees the shared tender, not the organisation's own.
    const fr = await env.page();
    await signIn(fr, env.t, 'fr.expert@demo.eucab.eu');
    await fr.goto('/calendar');
    await fr.getByRole('link', { name: 'Container scanners for Hamburg' }).waitFor();
    expect(await fr.getByText('Confidential scanner lot').count()).toBe(0);
  });

  it('the audit trail says who did what in words', async () => {
    const page = await env.page();
    await signIn(page, env.t, 'de.ncp@demo.eucab.eu');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit trail' }).click();
    await page
      .getByRole('cell', {
        name: /DE National Contact Point submitted “Scanner requirements 2031” for approval/,
      })
      .first()
      .waitFor();
    await page
      .getByRole('cell', {
        name: /DE National Contact Point added “Container scanners for Hamburg” \(Tender\)/,
      })
      .first()
      .waitFor();
    await expectAccessible(page, 'audit-sentences');
    await page.getByLabel('Language').selectOption('fr');
    await page
      .getByRole('cell', {
        name: /Ajout de « Container scanners for Hamburg » \(Appel d'offres\) par DE National/,
      })
      .first()
      .waitFor();
  });
});
