import { recordAudit } from '../audit/audit-log.ts';
import type { Database } from '../db/connection.ts';
import { kindByName } from '../registry/kinds/index.ts';
import { createRecord, transitionRecord } from '../registry/record-service.ts';
import { demoActor } from './demo-actor.ts';

/**
 * Risk sharing demo (serve --demo; issue 17), every record marked demo: two common risk factors of
 * the NL risk analyst published by the risk network's coordinator (nl.expert), and a published
 * profile recommendation built from the first, with its backtest figures as the demo states them
 * (marked "demo figures"), DE's and BE's adoption and DE's control results over two months, so
 * that the author sees the aggregate per administration. Written through the registry's steps
 * (versions and audit events as in use); the responses as the risk-sharing operations write them.
 */
export async function seedRiskSharingDemo(
  db: Database,
): Promise<{ factors: string[]; recommendation: string }> {
  const factorKind = kindByName('risk_factor')!;
  const recKind = kindByName('profile_recommendation')!;
  return db.transaction().execute(async (trx) => {
    const analyst = await demoActor(trx, 'nl.analyst');
    const coordinator = await demoActor(trx, 'nl.expert');
    const publish = async (kind: typeof factorKind, data: Record<string, unknown>) => {
      const { id } = await createRecord(trx, analyst, kind, { data, isDemo: true, notify: false });
      await transitionRecord(trx, analyst, kind, id, 'submit');
      await transitionRecord(trx, coordinator, kind, id, 'publish');
      return id;
    };
    const bikes = await publish(factorKind, {
      title: '[Demo] Undervalued e-bikes from East Asia',
      family: 'financial',
      risk_area: 'Undervaluation of electrically assisted bicycles (HS 8711 60)',
      indicators: [
        { role: 'hs_prefix', operator: 'prefix', value: '871160' },
        { role: 'origin', operator: 'in', value: 'CN, VN, KH' },
      ],
      rationale:
        'Several administrations report declared values per kg far below reference prices for e-bikes. Demo content.',
      sources: 'Risk-management network meeting, spring 2026. Demo content.',
      valid_from: '2026-01-01',
      valid_to: '2026-12-31',
    });
    const reefers = await publish(factorKind, {
      title: '[Demo] Concealment in reefer container insulation',
      family: 'prohibitions_restrictions',
      risk_area: 'Drugs concealed in the insulation of refrigerated containers',
      indicators: [
        { role: 'route', operator: 'equals', value: 'EC>NL' },
        { role: 'transport_mode', operator: 'equals', value: '1' },
      ],
      rationale: 'A new concealment method inside reefer insulation was found at Rotterdam. Demo content.',
      valid_from: '2026-03-01',
    });
    const recommendation = await publish(recKind, {
      title: '[Demo] Profile: undervalued e-bikes at 2 %',
      family: 'financial',
      factors: [bikes],
      rules: [
        {
          rule_id: 'ebikes-east-asia',
          name: 'E-bikes from East Asia',
          weight: 1.5,
          conditions: [
            { op: 'hsPrefix', prefixes: ['871160'] },
            { op: 'in', role: 'origin', values: ['CN', 'VN', 'KH'] },
          ],
        },
      ],
      selection_budget: 2,
      valid_from: '2026-04-01',
      valid_to: '2026-09-30',
      review_date: '2026-08-31',
      // Demo figures (not computed on a real history: the demo has none of e-bikes).
      backtest: {
        rows: 4000,
        selection_rate: 2,
        hit_rate: 31.25,
        revenue: 48200,
        baseline_rows: 4000,
        baseline_selection_rate: 2,
        baseline_hit_rate: 22.5,
        baseline_revenue: 35100,
        computed_at: '2026-03-20T09:00:00Z',
      },
    });
    const owner = analyst.orgId;
    const respond = async (who: string, values: Record<string, unknown>) => {
      const a = await demoActor(trx, who);
      const row = await trx
        .insertInto('recommendation_responses')
        .values({
          record_id: recommendation,
          record_owner_org_id: owner,
          organisation_id: a.orgId,
          author_id: a.userId,
          ...(values as { response_type: 'adoption' | 'feedback' }),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const event = {
        recordKind: 'recommendation_response',
        recordId: row.id,
        changes: { recommendation, ...values, demo: true },
      };
      if (values.response_type === 'adoption')
        await recordAudit(trx, a, { action: 'recommendation_response.adoption', ...event });
      else await recordAudit(trx, a, { action: 'recommendation_response.feedback', ...event });
    };
    await respond('de.analyst', { response_type: 'adoption', adoption: 'adopted' });
    await respond('be.analyst', {
      response_type: 'adoption',
      adoption: 'adapted',
      reason: 'Budget of 1 % at Antwerp only. Demo content.',
    });
    await respond('fr.analyst', {
      response_type: 'adoption',
      adoption: 'not_adopted',
      reason: 'No such traffic at French ports. Demo content.',
    });
    await respond('de.analyst', {
      response_type: 'feedback',
      period_from: '2026-04-01',
      period_to: '2026-04-30',
      controls: 42,
      irregularities: 11,
      seizures: 2,
      revenue: 18400,
      comment: 'Demo content.',
    });
    await respond('de.analyst', {
      response_type: 'feedback',
      period_from: '2026-05-01',
      period_to: '2026-05-31',
      controls: 38,
      irregularities: 9,
      seizures: 1,
      revenue: 15250,
      comment: 'Demo content.',
    });
    return { factors: [bikes, reefers], recommendation };
  });
}
