import type { Database } from '../db/connection.ts';
import { kindByName } from '../registry/kinds/index.ts';
import { createRecord } from '../registry/record-service.ts';
import { demoActor } from './demo-actor.ts';

const DAY = 86_400_000;
/** A day relative to today (UTC), as YYYY-MM-DD. */
const day = (offset: number, now: Date) => new Date(now.getTime() + offset * DAY).toISOString().slice(0, 10);

/**
 * Demo meetings (marked as demo): a Management Board meeting held three weeks ago with its agenda,
 * minutes, decisions and two action points — one overdue (its owner is reminded by the scheduled
 * task), one due in two weeks — and a meeting of the risk-management network next month, for its
 * members only. Dates are relative to the day the demo is loaded.
 */
export async function seedMeetingsDemo(
  db: Database,
  now = new Date(),
): Promise<{ meetings: number; actionPoints: number }> {
  return db.transaction().execute(async (trx) => {
    const user = (who: string) => demoActor(trx, who);
    const meeting = kindByName('meeting')!;
    const actionPoint = kindByName('action_point')!;
    const secretariat = await user('secretariat');
    const [deNcp, frNcp, nlNcp, itExpert] = await Promise.all([
      user('de.ncp'),
      user('fr.ncp'),
      user('nl.ncp'),
      user('it.expert'),
    ]);
    const held = day(-21, now);
    const board = await createRecord(trx, secretariat, meeting, {
      publish: true,
      isDemo: true,
      marking: { distribution: 'eucab', tlp: 'green' },
      data: {
        title: '[Demo] Management Board, quarterly meeting',
        body: 'management_board',
        starts_at: `${held}T08:30:00Z`,
        ends_at: `${held}T15:00:00Z`,
        time_zone: 'Europe/Brussels',
        location: 'Brussels, Commission conference centre, room 0.B',
        online_link: 'https://meet.demo.eucab.eu/management-board',
        agenda: [
          '1. Adoption of the agenda',
          '2. Work programme of the networks for next year',
          '3. Joint procurement of mobile scanners: state of play',
          '4. Any other business',
        ].join('\n'),
        participants: [deNcp.userId, frNcp.userId, nlNcp.userId, itExpert.userId],
        minutes: [
          'The chair opened the meeting and the agenda was adopted without change.',
          'The coordinators presented the draft work programmes; the Board asked for one consolidated document.',
          'Germany reported on the market consultation for relocatable scanners; five administrations expressed interest.',
          'Demo content.',
        ].join('\n\n'),
        decisions: [
          'The agenda is adopted.',
          'The network coordinators send one consolidated draft work programme before the next meeting.',
        ],
      },
    });
    await createRecord(trx, secretariat, actionPoint, {
      publish: true,
      isDemo: true,
      marking: { distribution: 'eucab', tlp: 'green' },
      data: {
        meeting: board.id,
        what: '[Demo] Circulate the consolidated draft work programme to the Board',
        responsible: frNcp.userId,
        due_date: day(14, now),
        state: 'open',
      },
    });
    await createRecord(trx, secretariat, actionPoint, {
      publish: true,
      isDemo: true,
      marking: { distribution: 'eucab', tlp: 'green' },
      data: {
        meeting: board.id,
        what: '[Demo] Send the list of administrations interested in joint procurement of scanners',
        responsible: deNcp.userId,
        due_date: day(-7, now),
        state: 'open',
      },
    });
    const coordinator = await user('nl.expert');
    const network = await trx
      .selectFrom('networks')
      .select('id')
      .where('code', '=', 'risk-management')
      .executeTakeFirstOrThrow();
    const next = day(30, now);
    await createRecord(trx, coordinator, meeting, {
      publish: true,
      isDemo: true,
      marking: { distribution: 'network', distributionNetworkId: network.id, tlp: 'green' },
      data: {
        title: '[Demo] Risk management network: common risk profiles workshop',
        body: 'network_risk_management',
        starts_at: `${next}T12:00:00Z`,
        ends_at: `${next}T15:30:00Z`,
        time_zone: 'Europe/Amsterdam',
        online_link: 'https://meet.demo.eucab.eu/risk-management',
        agenda: '1. E-bike undervaluation: shared indicators\n2. Reefer container concealment\n3. Next steps',
      },
    });
    return { meetings: 2, actionPoints: 2 };
  });
}
