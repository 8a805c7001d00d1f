import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionPointReminders } from '../../src/modules/meetings/action-point-reminders.ts';
import { seedIntegrityDemo } from '../../src/seed/integrity-demo.ts';
import { type BrowserEnv, expectAccessible, signIn, startEnv } from './helpers.ts';

/**
 * The integrity area as people use it (issue 12, Done when): an expert records an initiative on two
 * key factors → the coverage matrix shows it → the integrity coordinator opens the 2026
 * self-assessment → an administration answers and validates → its radar against the median and the
 * change since 2025 appear → a lesson learned with two actions, one overdue, whose owner is notified.
 * Axe clean, in English, French and German.
 */
let env: BrowserEnv;
let seeded: Awaited<ReturnType<typeof seedIntegrityDemo>>;
const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

beforeAll(async () => {
  env = await startEnv();
  seeded = await seedIntegrityDemo(env.t.rt);
}, 300_000);
afterAll(async () => {
  await env?.close();
});

describe('integrity', () => {
  it('initiative → coverage → 2026 self-assessment answered and validated → radar and trend → lesson with an overdue action', async () => {
    // 1. An expert of Malta (no initiative yet) records an initiative on two key factors.
    const mt = await env.page();
    await signIn(mt, env.t, 'mt.expert@demo.eucab.eu');
    await mt.goto('/integrity');
    await mt.getByRole('heading', { name: 'Integrity: trends and gaps', level: 1 }).waitFor();
    const mtRow = mt.getByRole('row', { name: /^MT\b/ });
    expect(await mtRow.getByRole('cell', { name: '1', exact: true }).count()).toBe(0);
    await mt.goto('/registry/integrity_initiative/new');
    await mt.getByLabel(/^Title/).fill('Rotation of officers at the port of Valletta');
    await mt
      .getByLabel(/^Summary/)
      .fill('Officers rotate between the port and the airport every three years.');
    await mt.getByRole('button', { name: 'Add: Key factor' }).click();
    await mt.getByLabel(/^Key factor 1/).selectOption({ label: 'Human resource management' });
    await mt.getByRole('button', { name: 'Add: Key factor' }).click();
    await mt.getByLabel(/^Key factor 2/).selectOption({ label: 'Leadership and commitment' });
    await mt
      .getByLabel(/^Type/)
      .selectOption({ label: 'HR strategy (e.g. rotation, merit-based selection)' });
    await mt
      .getByLabel(/^Status/)
      .first()
      .selectOption({ label: 'Ongoing' });
    await mt.getByLabel(/^Start/).fill('2026-01-01');
    await mt.getByRole('button', { name: 'Save and publish' }).click();
    await mt
      .getByRole('heading', { name: 'Rotation of officers at the port of Valletta', level: 1 })
      .waitFor();

    // 2. The coverage matrix shows it.
    await mt.goto('/integrity');
    await mt.getByRole('heading', { name: 'Initiatives per key factor and administration' }).waitFor();
    await expect
      .poll(() =>
        mt.getByRole('row', { name: /^MT\b/ }).getByRole('cell', { name: '1', exact: true }).count(),
      )
      .toBe(2);
    await expectAccessible(mt, 'integrity-coverage');

    // 3. The integrity coordinator opens the 2026 self-assessment: Luxembourg and Malta have not answered.
    const [, c2026] = seeded.campaigns;
    const pt = await env.page();
    await signIn(pt, env.t, 'pt.expert@demo.eucab.eu');
    await pt.goto(`/mapping/campaigns/${c2026!.id}`);
    await pt.getByRole('heading', { name: '[Demo] Integrity self-assessment 2026', level: 1 }).waitFor();
    await pt.getByText('92.6 % validated (25 of 27)').first().waitFor();
    await expectAccessible(pt, 'integrity-self-assessment-coordinator');

    // 4. Luxembourg answers and validates: the NCP assigns the expert, who drafts; the NCP validates.
    const ncp = await env.page();
    await signIn(ncp, env.t, 'lu.ncp@demo.eucab.eu');
    await ncp.goto(`/mapping/campaigns/${c2026!.id}`);
    await ncp.getByLabel('Colleague').selectOption({ label: 'LU Expert (lu.expert@demo.eucab.eu)' });
    await ncp.getByLabel('Role').selectOption('respondent');
    await ncp.getByRole('button', { name: 'Assign', exact: true }).click();
    await ncp.getByText('LU Expert — Respondent').waitFor();
    const expert = await env.page();
    await signIn(expert, env.t, 'lu.expert@demo.eucab.eu');
    await expert.goto(`/mapping/campaigns/${c2026!.id}`);
    await expert.getByRole('link', { name: 'Answer for LU' }).click();
    await expert.getByRole('heading', { name: /^Response of LU/, level: 1 }).waitFor();
    await expert
      .getByRole('group', { name: /adopted an integrity strategy/ })
      .getByRole('radio', { name: 'Yes' })
      .check();
    const maturities = expert.getByLabel(/— Maturity \(1–5\)/);
    expect(await maturities.count()).toBe(10);
    for (let i = 0; i < 10; i++) await maturities.nth(i).selectOption(String(1 + (i % 5)));
    await expectAccessible(expert, 'integrity-self-assessment-form');
    await expert.getByRole('button', { name: 'Save the draft' }).click();
    await expert.getByText(/Draft saved \(version 1\)/).waitFor();
    await ncp.goto(expert.url());
    await ncp.getByRole('button', { name: 'Validate the response' }).click();
    await ncp.getByText('The response is validated.').waitFor();

    // 5. Its radar against the others' median, and the change since 2025.
    await ncp.goto('/integrity');
    await ncp
      .getByRole('heading', { name: 'Self-assessment: [Demo] Integrity self-assessment 2026' })
      .waitFor();
    await ncp.getByRole('img', { name: /Radar chart: your administration’s maturity/ }).waitFor();
    const table = ncp.getByRole('table', { name: /Maturity per key factor/ });
    await table.getByRole('columnheader', { name: 'Change since 2025' }).waitFor();
    await table.getByRole('row', { name: /^1\. Leadership and commitment \d/ }).waitFor();
    await expectAccessible(ncp, 'integrity-radar');
    await ncp.getByLabel('Language').selectOption('fr');
    await ncp.getByRole('heading', { name: 'Intégrité : tendances et lacunes', level: 1 }).waitFor();
    await ncp.getByRole('columnheader', { name: 'Évolution depuis 2025' }).waitFor();
    await expectAccessible(ncp, 'integrity-radar-fr');
    await ncp.getByLabel('Langue').selectOption('de');
    await ncp.getByRole('heading', { name: 'Integrität: Trends und Lücken', level: 1 }).waitFor();
    await ncp.getByRole('columnheader', { name: 'Veränderung seit 2025' }).waitFor();
    await expectAccessible(ncp, 'integrity-radar-de');
    await ncp.getByLabel('Sprache').selectOption('en');

    // 6. A lesson learned (the form warns against naming officers) with two actions; one falls overdue.
    await pt.goto('/registry/lesson_learned/new');
    await pt.getByRole('note').filter({ hasText: 'never individual officers' }).waitFor();
    await expectAccessible(pt, 'integrity-lesson-form');
    await pt.getByLabel(/^Title/).fill('Port strike and backlog of containers');
    await pt.getByLabel(/^Type of event/).selectOption({ label: 'Other' });
    await pt.getByLabel(/^When it happened/).fill('2026-02-10');
    await pt.getByLabel(/^What happened/).fill('A ten-day strike left 4,000 containers waiting for release.');
    await pt.getByLabel(/^Recommendation/).fill('Agree minimum service with the unions in advance.');
    await pt.getByRole('button', { name: 'Save and publish' }).click();
    await pt.getByRole('heading', { name: 'Port strike and backlog of containers', level: 1 }).waitFor();
    const lessonId = new URL(pt.url()).pathname.split('/').at(-1)!;
    const coordinator = await env.t.as('pt.expert@demo.eucab.eu');
    const network = await env.t.rt.db
      .selectFrom('networks')
      .select('id')
      .where('code', '=', 'resilience-integrity')
      .executeTakeFirstOrThrow();
    const owner = await env.t.userId('bg.expert@demo.eucab.eu');
    for (const [what, due] of [
      ['Draft the minimum-service agreement', day(-2)],
      ['Present the lesson to the network', day(20)],
    ] as const) {
      const res = await coordinator.post('/api/v1/registry/action_point', {
        data: { lesson: lessonId, what, responsible: owner, due_date: due, state: 'open' },
        marking: { distribution: 'network', distributionNetworkId: network.id, tlp: 'amber' },
        publish: true,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    await actionPointReminders.run({
      db: env.t.rt.db,
      now: new Date(),
      config: env.t.rt.config,
      mailer: env.t.rt.mailer,
    });
    const bg = await env.page();
    await signIn(bg, env.t, 'bg.expert@demo.eucab.eu');
    await bg.getByRole('link', { name: /Notifications \d+ unread/ }).click();
    await bg.getByText('Action point overdue: “Draft the minimum-service agreement”').waitFor();
    expect(await bg.getByText(/Present the lesson to the network/).count()).toBe(0);
    await bg.goto('/integrity');
    await bg.getByRole('link', { name: 'Draft the minimum-service agreement' }).waitFor();
    await expectAccessible(bg, 'integrity-overdue');
  });
});
