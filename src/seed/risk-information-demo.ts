import type { Database } from '../db/connection.ts';
import { kindByName } from '../registry/kinds/index.ts';
import { createRecord } from '../registry/record-service.ts';
import { demoActor } from './demo-actor.ts';

const DAY = 86_400_000;
/** A day relative to today (UTC), as YYYY-MM-DD. */
const day = (offset: number, now: Date) => new Date(now.getTime() + offset * DAY).toISOString().slice(0, 10);

/**
 * Demo risk information (marked as demo, issue 17) at several markings: TLP:AMBER from the
 * Netherlands to two named administrations (Germany and Belgium; Germany confirmed receipt and
 * reported a seizure, Belgium confirmed receipt only), TLP:GREEN to the risk-management network
 * from Germany, TLP:AMBER kept inside the Netherlands' administration, and TLP:RED from France to
 * two named people. Dates are relative to the day the demo is loaded.
 */
export async function seedRiskInformationDemo(
  db: Database,
  now = new Date(),
): Promise<{ records: number; feedback: number }> {
  return db.transaction().execute(async (trx) => {
    const kind = kindByName('risk_information')!;
    const [nl, deAnalyst, fr, beAnalyst] = await Promise.all([
      demoActor(trx, 'nl.analyst'),
      demoActor(trx, 'de.analyst'),
      demoActor(trx, 'fr.analyst'),
      demoActor(trx, 'be.analyst'),
    ]);
    const amber = await createRecord(trx, nl, kind, {
      publish: true,
      isDemo: true,
      notify: false,
      marking: {
        distribution: 'organisations',
        tlp: 'amber',
        organisationIds: [deAnalyst.orgId, beAnalyst.orgId],
      },
      data: {
        title: '[Demo] Cigarettes concealed in reefer insulation, Rotterdam – Duisburg – Antwerp',
        family: 'financial',
        modus_operandi:
          'Cigarettes declared as frozen vegetables; the load continues by rail to Duisburg and by road to Antwerp. Demo content.',
        concealment: 'Inside the insulation panels of the refrigerated container’s front wall.',
        goods: [
          { cn_code: '07108095', description: 'Frozen vegetables (declared)' },
          { cn_code: '24022090', description: 'Cigarettes containing tobacco (found)' },
        ],
        route: {
          countries: ['VN', 'NL', 'DE', 'BE'],
          places: ['Haiphong', 'Rotterdam', 'Duisburg', 'Antwerp'],
          transport_mode: 'sea',
          container: 'MSCU1234565',
          vessel_imo: '9321483',
        },
        parties: [
          {
            name: 'Demo Frozen Foods Trading BV',
            party_type: 'organisation',
            identifiers: { eori: 'NL812345678' },
          },
          { name: 'Jan Demo', party_type: 'person', identifiers: { other: 'Declarant representative' } },
        ],
        indicators:
          'Reefer set to −18 °C with a declared low value per kg; new consignee; container weight above the declared mass.',
        recommended_action:
          'Scan the container and check the front wall insulation; compare the gross mass with the declaration.',
        valid_from: day(-10, now),
        valid_to: day(80, now),
        urgency: 'high',
        crms_reference: 'CRMS-DEMO-2026-0042',
      },
    });
    await createRecord(trx, deAnalyst, kind, {
      publish: true,
      isDemo: true,
      notify: false,
      marking: { distribution: 'network', tlp: 'green' },
      data: {
        title: '[Demo] Undervalued e-bikes routed through Türkiye',
        family: 'financial',
        modus_operandi:
          'E-bikes declared at a third of the median value per kg, origin declared as TR. Demo content.',
        goods: [{ cn_code: '87116010', description: 'Electric bicycles' }],
        route: { countries: ['CN', 'TR', 'DE'], transport_mode: 'road' },
        recommended_action: 'Documentary check of invoices and proof of origin.',
        valid_from: day(-30, now),
        valid_to: day(150, now),
        urgency: 'medium',
      },
    });
    await createRecord(trx, nl, kind, {
      publish: true,
      isDemo: true,
      notify: false,
      marking: { distribution: 'organisation', tlp: 'amber' },
      data: {
        title: '[Demo] Internal: dual-use machine tools, watch list',
        family: 'sanctions',
        modus_operandi: 'Machine tools re-exported through a Central Asian intermediary. Demo content.',
        goods: [{ cn_code: '8457', description: 'Machining centres' }],
        route: { countries: ['NL', 'KZ'], transport_mode: 'road' },
        recommended_action: 'Check end-user statements before release.',
        valid_from: day(-5, now),
        urgency: 'immediate',
      },
    });
    await createRecord(trx, fr, kind, {
      publish: true,
      isDemo: true,
      notify: false,
      marking: { distribution: 'network', tlp: 'red', recipientIds: [deAnalyst.userId, nl.userId] },
      data: {
        title: '[Demo] Ongoing operation: counterfeit medicines by air',
        family: 'security_safety',
        modus_operandi: 'Counterfeit medicines in express parcels declared as cosmetics. Demo content.',
        goods: [{ cn_code: '3004', description: 'Medicaments' }],
        route: { countries: ['IN', 'FR'], transport_mode: 'air' },
        recommended_action: 'Hold and inform the sender of this information before any control.',
        valid_from: day(-2, now),
        valid_to: day(30, now),
        urgency: 'immediate',
      },
    });
    await trx
      .insertInto('risk_information_feedback')
      .values([
        {
          record_id: amber.id,
          organisation_id: deAnalyst.orgId,
          received_by: deAnalyst.userId,
          received_at: new Date(now.getTime() - 9 * DAY),
          received_version: 1,
          feedback_by: deAnalyst.userId,
          feedback_at: new Date(now.getTime() - 3 * DAY),
          control_performed: true,
          result: 'seizure',
          usefulness: 'very_useful',
          comment: 'Two containers scanned at Duisburg; 4.2 million cigarettes seized. Demo content.',
        },
        {
          record_id: amber.id,
          organisation_id: beAnalyst.orgId,
          received_by: beAnalyst.userId,
          received_at: new Date(now.getTime() - 8 * DAY),
          received_version: 1,
        },
      ])
      .execute();
    return { records: 4, feedback: 2 };
  });
}
