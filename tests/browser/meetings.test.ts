import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionPointReminders } from '../../src/modules/meetings/action-point-reminders.ts';
import { type BrowserEnv, expectAccessible, poll, signIn, startEnv } from './helpers.ts';

/**
 * Meetings as people use them: a Management Board meeting written in the form, with its agenda,
 * minutes and two action points (one overdue, whose owner is reminded), an answer to the
 * invitation, and calendar subscriptions that carry to each person what the marking allows.
 */
let env: BrowserEnv;
const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const ids: Record<string, string> = {};

beforeAll(async () => {
  env = await startEnv();
  const nl = await env.t.as('nl.expert@demo.eucab.eu');
  const risk = await env.t.rt.db
    .selectFrom('networks')
    .select('id')
    .where('code', '=', 'risk-management')
    .executeTakeFirstOrThrow();
  const meeting = async (title: string, marking: Record<string, unknown>) => {
    const res = await nl.post('/api/v1/registry/meeting', {
      data: {
        title,
        body: 'network_risk_management',
        starts_at: `${day(3)}T10:00:00Z`,
        ends_at: `${day(3)}T12:00:00Z`,
        time_zone: 'Europe/Amsterdam',
      },
      marking,
      publish: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  ids.network = await meeting('Risk network workshop', {
    distribution: 'network',
    distributionNetworkId: risk.id,
    tlp: 'green',
  });
  ids.amber = await meeting('Reefer concealment debrief', { distribution: 'eucab', tlp: 'amber' });
});
afterAll(async () => {
  await env?.close();
});

describe('meetings', () => {
  it('a Management Board meeting with agenda and minutes, two action points, one overdue and notified to its owner', async () => {
    const page = await env.page();
    await signIn(page, env.t, 'secretariat@demo.eucab.eu');
    await page.goto('/registry/meeting/new');
    await page.getByLabel(/^Title/).fill('Management Board, spring meeting');
    await page.getByLabel(/^Body/).selectOption({ label: 'Management Board' });
    await page.getByLabel(/^Starts/).fill(`${day(-10)}T09:30`);
    await page.getByLabel(/^Ends/).fill(`${day(-10)}T16:00`);
    await page.getByLabel(/^Organiser’s time zone/).selectOption('Europe/Brussels');
    await page.getByLabel(/^Agenda/).fill('1. Adoption of the agenda\n2. Work programme');
    await page.getByLabel(/^Minutes/).fill('The agenda was adopted. The work programme was discussed.');
    await page.getByRole('button', { name: 'Save and publish' }).click();
    await page.getByRole('heading', { name: 'Management Board, spring meeting', level: 1 }).waitFor();
    await page.getByText('The work programme was discussed.').waitFor();
    ids.board = new URL(page.url()).pathname.split('/').at(-1)!;

    const secretariat = await env.t.as('secretariat@demo.eucab.eu');
    const owner = await env.t.userId('de.ncp@demo.eucab.eu');
    for (const [what, due] of [
      ['Send the list of interested administrations', day(-3)],
      ['Circulate the draft work programme', day(14)],
    ] as const) {
      const res = await secretariat.post('/api/v1/registry/action_point', {
        data: { meeting: ids.board, what, responsible: owner, due_date: due, state: 'open' },
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

    // The owner: reminded of the overdue one, both waiting on the home page, and answers the invitation.
    const de = await env.page();
    await signIn(de, env.t, 'de.ncp@demo.eucab.eu');
    const waiting = de.getByRole('region', { name: 'Waiting for you' });
    await waiting.getByRole('link', { name: '2 open action points of yours' }).waitFor();
    await waiting.getByRole('link', { name: '1 of your action points is overdue' }).waitFor();
    await de.getByRole('link', { name: /Notifications \d+ unread/ }).click();
    await de.getByText('Action point overdue: “Send the list of interested administrations”').waitFor();
    expect(await de.getByText(/Circulate the draft work programme/).count()).toBe(0);
    await expectAccessible(de, 'meetings-notification');

    await de.goto(`/registry/meeting/${ids.board}`);
    await de.getByRole('heading', { name: 'Will you attend?' }).waitFor();
    await de.getByText('You have not answered yet.').waitFor();
    await de.getByLabel('Yes', { exact: true }).check();
    await de.getByRole('button', { name: 'Answer', exact: true }).click();
    await de.getByText('You answered: Yes').waitFor();
    await de.getByText('Yes: 1 · No: 0 · Maybe: 0').waitFor();
    await de.getByRole('cell', { name: 'DE National Contact Point' }).waitFor();
    await expectAccessible(de, 'meeting-rsvp');
    await de.goto(`/registry/action_point?meeting=${ids.board}`);
    await de.getByRole('link', { name: 'Send the list of interested administrations' }).waitFor();
    await de.getByRole('link', { name: 'Circulate the draft work programme' }).waitFor();

    // In French and German.
    await de.goto(`/registry/meeting/${ids.board}`);
    await de.getByLabel('Language').selectOption('fr');
    await de.getByRole('heading', { name: 'Participerez-vous ?' }).waitFor();
    await de.getByText('Vous avez répondu : Oui').waitFor();
    await expectAccessible(de, 'meeting-rsvp-fr');
    await de.getByLabel('Langue').selectOption('de');
    await de.getByRole('heading', { name: 'Nehmen Sie teil?' }).waitFor();
    await de.getByText('Ihre Antwort: Ja').waitFor();
    await expectAccessible(de, 'meeting-rsvp-de');
    await de.getByLabel('Sprache').selectOption('en');
  });

  it('a calendar subscription shows the network meeting to a member, "Restricted item" or nothing to others', async () => {
    const subscribe = async (email: string) => {
      const page = await env.page();
      await signIn(page, env.t, email);
      await page.goto('/calendar');
      await page.getByRole('heading', { name: 'Subscribe in your calendar program' }).waitFor();
      await page.getByText('You have no subscription link.').waitFor();
      await page.getByRole('button', { name: 'Create a subscription link' }).click();
      const link = page.getByLabel('Subscription link');
      await link.waitFor();
      const url = await link.inputValue();
      expect(url).toMatch(/\/api\/v1\/calendar\/feed\/[a-z2-7]{52}\.ics$/);
      return { page, url };
    };
    const member = await subscribe('de.analyst@demo.eucab.eu');
    await member.page.getByRole('link', { name: 'Risk network workshop' }).first().waitFor();
    await expectAccessible(member.page, 'calendar-subscription');
    // Fetched as a calendar program does: no session, no cookie.
    const memberFeed = await fetch(member.url);
    expect(memberFeed.status).toBe(200);
    expect(memberFeed.headers.get('content-type')).toMatch(/^text\/calendar/);
    const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');
    const memberText = unfold(await memberFeed.text());
    expect(memberText).toContain('SUMMARY:Risk network workshop');
    expect(memberText).toMatch(/DTSTART;TZID=Europe\/Amsterdam:\d{8}T\d{6}/);
    expect(memberText).toContain('BEGIN:VTIMEZONE');
    // AMBER: not quoted outside the platform.
    expect(memberText).not.toContain('Reefer concealment');
    expect(memberText).toContain('SUMMARY:Restricted item');

    const outsider = await subscribe('fr.expert@demo.eucab.eu');
    const outsiderText = unfold(await (await fetch(outsider.url)).text());
    expect(outsiderText).not.toContain('Risk network workshop');
    expect(outsiderText).not.toContain(ids.network);
    expect(outsiderText).toContain(`/registry/meeting/${ids.amber}`);
    expect(outsiderText).toContain('SUMMARY:Restricted item');

    // Revoked: the link stops at once.
    await outsider.page.getByRole('button', { name: 'Revoke the link' }).click();
    await outsider.page.getByText('The link is revoked').waitFor();
    await poll(async () => (await fetch(outsider.url)).status).toBe(404);
    await outsider.page.getByLabel('Language').selectOption('fr');
    await outsider.page.getByRole('heading', { name: 'S’abonner dans votre agenda' }).waitFor();
    await expectAccessible(outsider.page, 'calendar-subscription-fr');
  });
});
