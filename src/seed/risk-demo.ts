import { readFileSync } from 'node:fs';
import { recordAudit } from '../audit/audit-log.ts';
import { loadActor } from '../auth/actor-loader.ts';
import type { Database } from '../db/connection.ts';
import { proposeMapping } from '../engines/risk/mapping.ts';
import { readableRuleSet } from '../modules/risk/risk-rules.ts';
import { activateModel, insertModel, storeDataset } from '../modules/risk/risk-service.ts';
import { sampleTask, trainTask, validateTask } from '../modules/risk/risk-tasks.ts';
import { KINDS } from '../registry/kinds/index.ts';
import { createRecord } from '../registry/record-service.ts';
import { DEMO_DOMAIN } from './demo-data.ts';

const SAMPLE = new URL('./kcs-sample/', import.meta.url);
const kind = (name: string) => KINDS.find((k) => k.name === name)!;

/** The demo administration of the risk journey and its analyst. */
export const RISK_DEMO_ANALYST = `nl.analyst@${DEMO_DOMAIN}`;

/**
 * Risk demo (serve --demo only, never in every test): the NL administration gets the KCS sample
 * history (4,000 synthetic declarations, MIT licence) and a trained, active model version 1, plus
 * one published risk rule shared with the risk-management network. A newcomer signs in as
 * nl.analyst and can score `src/seed/kcs-sample/batch-2021q1.csv` at once.
 * Training runs in-process here (seeding happens before the server answers).
 */
export async function seedRiskDemo(db: Database): Promise<{ datasetId: string; modelId: string }> {
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', RISK_DEMO_ANALYST)
    .executeTakeFirstOrThrow();
  const actor = (await loadActor(db, user.id, null)) as NonNullable<Awaited<ReturnType<typeof loadActor>>> & {
    userId: string;
    orgId: string;
  };
  const bytes = readFileSync(new URL('history-2020.csv', SAMPLE));
  const sample = await sampleTask({ bytes, fileName: 'history-2020.csv', n: 1000 });
  const { mapping } = proposeMapping(sample.header, sample.rows);
  const v = await validateTask({ bytes, fileName: 'history-2020.csv', mapping, requireLabel: true });
  if (v.problems.length) throw new Error(`risk demo history: ${JSON.stringify(v.problems.slice(0, 3))}`);

  await db.transaction().execute(async (trx) => {
    await createRecord(trx, actor, kind('risk_rule'), {
      data: {
        rule_id: 'low-value-per-kg',
        name: '[Demo] Very low declared value per kg',
        family: 'financial',
        weight: 0.4,
        rationale: 'Declared value per kg under 1: a classic undervaluation profile.',
        conditions: [
          { op: 'range', role: 'value', max: 1_000 },
          { op: 'range', role: 'mass', min: 1_000 },
        ],
      },
      publish: true,
      isDemo: true,
    });
  });
  const rules = await readableRuleSet(db, actor);
  const trained = await trainTask({
    mapping,
    header: v.header,
    parts: [{ header: v.header, chunks: v.chunks }],
    seed: 1,
    rules: rules.ruleSet,
    holdout: 0.2,
    nTrees: 150,
  });

  return db.transaction().execute(async (trx) => {
    const datasetId = await storeDataset(trx, {
      organisationId: actor.orgId,
      createdBy: actor.userId,
      name: '[Demo] KCS declarations 2020 (sample)',
      purpose: 'history',
      file: { name: 'history-2020.csv', sha256: 'demo' },
      mapping,
      validated: v,
      report: { demo: true },
      isDemo: true,
    });
    const m = await insertModel(trx, {
      organisationId: actor.orgId,
      createdBy: actor.userId,
      version: 1,
      trained,
      mapping,
      header: v.header,
      settings: { budgetPercent: 5, explorationShare: 0.1, seed: 1, trees: 150 },
      trainedOn: {
        datasetIds: [datasetId],
        batchIds: [],
        rules: rules.ruleSet?.rules.map((r) => r.id) ?? [],
        skippedRules: rules.skipped,
      },
      isDemo: true,
    });
    await recordAudit(trx, actor, {
      action: 'risk.dataset.upload',
      recordKind: 'risk_dataset',
      recordId: datasetId,
      changes: { rows: { after: v.rows }, demo: { after: true } },
    });
    await recordAudit(trx, actor, {
      action: 'risk.model.train',
      recordKind: 'risk_model',
      recordId: m.id,
      changes: { version: { after: 1 }, rows: { after: trained.rows }, demo: { after: true } },
    });
    await activateModel(trx, actor, m);
    return { datasetId, modelId: m.id };
  });
}
