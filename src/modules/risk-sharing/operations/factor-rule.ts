import type { Actor } from '../../../access/actor.ts';
import { isUser } from '../../../access/actor.ts';
import { recordAudit } from '../../../audit/audit-log.ts';
import type { FactorToRuleBody } from '../../../contract/risk-sharing.ts';
import { change } from '../../../core/change.ts';
import { badRequest, unauthorized } from '../../../http/errors.ts';
import { kindByName } from '../../../registry/kinds/index.ts';
import { authoriseRecord, createRecord } from '../../../registry/record-service.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';
import { ruleSetOf } from '../../risk/risk-rules.ts';
import { type Indicator, indicatorsToConditions } from '../factor-conditions.ts';

const factorKind = () => kindByName('risk_factor')!;
const ruleKind = () => kindByName('risk_rule')!;

/**
 * "Turn into a rule": a published `risk_rule` of the caller's administration made from a common
 * risk factor they may read — its indicators as conditions, its family, validity and rationale,
 * and a reference back to the factor. 404 when the factor is unreadable, 403 when the caller may
 * not add risk rules, 400 when an indicator has no condition or the rule would not run (a
 * reference table or party list the caller may not read), 409 when the rule id is taken.
 * Audited twice in one transaction: `risk_rule.created` and `risk_factor.rule_created`.
 */
export async function factorToRule(deps: AppDeps, actor: Actor, factorId: string, body: FactorToRuleBody) {
  if (!isUser(actor)) throw unauthorized();
  const factor = await authoriseRecord(deps.db, actor, factorKind(), factorId, 'read');
  const d = factor.data;
  const converted = indicatorsToConditions((d.indicators as Indicator[] | undefined) ?? []);
  if (converted.problems.length || converted.conditions.length === 0)
    throw badRequest(
      'This factor cannot be turned into a rule as it stands: correct its indicators first.',
      converted.problems.map((p) => ({ field: `indicators.${p.index}`, message: p.message })),
    );
  const ruleId = body.ruleId ?? `factor-${factor.id.slice(0, 8)}`;
  const rationale = `${String(d.rationale ?? '')}`.slice(0, 1800);
  const data: Record<string, unknown> = {
    rule_id: ruleId,
    name: String(d.title).slice(0, 200),
    family: d.family,
    weight: body.weight,
    rationale: `${rationale}\n\nFrom the common risk factor “${String(d.title).slice(0, 150)}”.`,
    factor: factor.id,
    mandatory: body.mandatory,
    conditions: converted.conditions,
    ...(d.valid_from ? { valid_from: d.valid_from } : {}),
    ...(d.valid_to ? { valid_to: d.valid_to } : {}),
  };
  const runnable = await ruleSetOf(deps.db, actor, [data]);
  if (runnable.skipped.length)
    throw badRequest(
      `The rule would not run: ${runnable.skipped.map((s) => s.reason).join('; ')}.`,
      runnable.skipped.map((s) => ({ field: 'indicators', message: s.reason })),
    );
  return change(deps, async (trx) => {
    const rule = await createRecord(trx, actor, ruleKind(), { data, publish: true });
    await recordAudit(trx, actor, {
      action: 'risk_factor.rule_created',
      recordKind: 'risk_factor',
      recordId: factor.id,
      organisationId: factor.owner_org_id,
      changes: { rule: { after: rule.id }, rule_id: { after: ruleId } },
    });
    return { ruleId: rule.id, rule_id: ruleId, status: rule.status };
  });
}
