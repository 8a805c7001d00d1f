import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, expectAccessible, signIn, startEnv } from './helpers.ts';

let env: BrowserEnv;

beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => {
  await env?.close();
});

async function membership(email: string, networkCode: string) {
  return env.t.rt.db
    .selectFrom('network_memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('networks as n', 'n.id', 'm.network_id')
    .select(['m.status', 'm.role'])
    .where('u.email', '=', email)
    .where('n.code', '=', networkCode)
    .orderBy('m.created_at', 'desc')
    .executeTakeFirst();
}

describe('network membership: request or nomination → endorsement → approval', () => {
  it('a user asks to join, their NCP endorses, the coordinator approves', async () => {
    // 1. The user asks to join the procurement network.
    const user = await env.page();
    await signIn(user, env.t, 'at.expert@demo.eucab.eu');
    await user.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Networks' }).click();
    await user.getByRole('link', { name: 'Procurement' }).click();
    await user.getByRole('heading', { name: 'Procurement', level: 1 }).waitFor();
    await user.getByRole('heading', { name: 'Join this network' }).waitFor();
    await user.getByLabel('Note (optional)').fill('I lead our procurement of scanners.');
    await user.getByRole('button', { name: 'Ask to join' }).click();
    await user.getByText('Your request was sent to your national contact point').waitFor();
    expect(await membership('at.expert@demo.eucab.eu', 'procurement')).toMatchObject({
      status: 'requested',
      role: 'expert',
    });
    await user.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Memberships' }).click();
    await user.getByRole('heading', { name: 'My memberships and requests' }).waitFor();
    await user
      .getByRole('row')
      .filter({ hasText: 'Procurement' })
      .filter({ hasText: 'Requested' })
      .first()
      .waitFor();
    await expectAccessible(user, 'memberships-user');

    // 2. The NCP of the user's administration endorses.
    const ncp = await env.page();
    await signIn(ncp, env.t, 'at.ncp@demo.eucab.eu');
    await ncp.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Memberships' }).click();
    await ncp.getByRole('heading', { name: /waiting for your endorsement/ }).waitFor();
    await expectAccessible(ncp, 'memberships-ncp');
    // The request's note is shown to whoever decides on it (issue 21, item 6).
    await ncp
      .getByRole('row')
      .filter({ hasText: 'AT Expert' })
      .getByText('I lead our procurement of scanners.')
      .waitFor();
    await ncp.getByRole('button', { name: 'Endorse AT Expert for Procurement' }).click();
    await ncp.getByRole('status').filter({ hasText: 'AT Expert was endorsed for Procurement' }).waitFor();
    expect((await membership('at.expert@demo.eucab.eu', 'procurement'))?.status).toBe('endorsed');

    // 3. The coordinator of procurement (DE) approves.
    const coordinator = await env.page();
    await signIn(coordinator, env.t, 'de.expert@demo.eucab.eu');
    await coordinator
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Memberships' })
      .click();
    await coordinator.getByRole('heading', { name: /waiting for your approval/ }).waitFor();
    await expectAccessible(coordinator, 'memberships-coordinator');
    await coordinator
      .getByRole('row')
      .filter({ hasText: 'AT Expert' })
      .getByText('I lead our procurement of scanners.')
      .first()
      .waitFor();
    await coordinator.getByRole('button', { name: 'Approve AT Expert for Procurement' }).click();
    await coordinator
      .getByRole('status')
      .filter({ hasText: 'AT Expert is now a member of Procurement' })
      .waitFor();
    expect((await membership('at.expert@demo.eucab.eu', 'procurement'))?.status).toBe('active');

    // The new member sees the network among theirs and may post in it.
    await user.goto('/');
    await user
      .getByRole('region', { name: 'My networks' })
      .getByRole('link', { name: 'Procurement' })
      .waitFor();
    await user
      .getByRole('region', { name: 'My networks' })
      .getByRole('link', { name: 'Procurement' })
      .click();
    await user.getByRole('heading', { name: 'Post an announcement' }).waitFor();
  });

  it('the NCP nominates a person, the coordinator approves; the NCP cannot approve', async () => {
    const ncp = await env.page();
    await signIn(ncp, env.t, 'at.ncp@demo.eucab.eu');
    await ncp.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Networks' }).click();
    // The network's link in the list (the main navigation also has a training entry).
    await ncp.getByRole('main').getByRole('link', { name: 'Training', exact: true }).click();
    await ncp.getByRole('heading', { name: 'Nominate a member' }).waitFor();
    await ncp.getByLabel('Person').selectOption({ label: 'AT Risk Analyst (AT, at.analyst@demo.eucab.eu)' });
    await ncp.getByRole('button', { name: 'Nominate', exact: true }).click();
    await ncp
      .getByRole('status')
      .filter({ hasText: 'The nomination was sent to the network coordinator' })
      .waitFor();
    expect((await membership('at.analyst@demo.eucab.eu', 'training'))?.status).toBe('endorsed');
    // The NCP sees the nomination but has no approve button for it.
    await ncp.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Memberships' }).click();
    await ncp
      .getByRole('row')
      .filter({ hasText: 'AT Risk Analyst' })
      .filter({ hasText: 'Endorsed' })
      .first()
      .waitFor();
    expect(await ncp.getByRole('button', { name: 'Approve AT Risk Analyst for Training' }).count()).toBe(0);

    // The coordinator of training (FR) approves.
    const coordinator = await env.page();
    await signIn(coordinator, env.t, 'fr.expert@demo.eucab.eu');
    await coordinator.goto('/memberships');
    await coordinator.getByRole('button', { name: 'Approve AT Risk Analyst for Training' }).click();
    await coordinator
      .getByRole('status')
      .filter({ hasText: 'AT Risk Analyst is now a member of Training' })
      .waitFor();
    expect((await membership('at.analyst@demo.eucab.eu', 'training'))?.status).toBe('active');
    // The member list of the network now shows them.
    await coordinator.getByRole('main').getByRole('link', { name: 'Training', exact: true }).first().click();
    await coordinator.getByRole('row').filter({ hasText: 'AT Risk Analyst' }).waitFor();
    await expectAccessible(coordinator, 'network-coordinator');

    // Ending someone else's membership says "Remove" and asks first (issue 21, item 6).
    await coordinator.goto('/memberships');
    expect(
      await coordinator.getByRole('button', { name: 'Withdraw AT Risk Analyst from Training' }).count(),
    ).toBe(0);
    await coordinator.getByRole('button', { name: 'Remove AT Risk Analyst from Training' }).click();
    await coordinator.getByText('Remove AT Risk Analyst from Training? They lose').waitFor();
    expect((await membership('at.analyst@demo.eucab.eu', 'training'))?.status).toBe('active');
    await expectAccessible(coordinator, 'membership-remove-confirm');
    await coordinator.getByRole('button', { name: 'Remove', exact: true }).click();
    await coordinator.getByRole('status').filter({ hasText: 'AT Risk Analyst' }).waitFor();
    expect((await membership('at.analyst@demo.eucab.eu', 'training'))?.status).toBe('withdrawn');
  });
});
