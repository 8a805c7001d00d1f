import type { Actor } from '../../../access/actor.ts';
import { badRequest, conflict } from '../../../http/errors.ts';
import { enqueueJob } from '../../../jobs/index.ts';
import { kindByName } from '../../../registry/kinds/index.ts';
import { authoriseRecord } from '../../../registry/record-service.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';
import { requireAnalyst } from '../../risk/operations/analyst.ts';

/**
 * Starts the backtest of a draft profile recommendation (job `risk_sharing.backtest`, with
 * progress): 404 unreadable, 403 unless the caller may change the draft and is a risk analyst of
 * its administration (the history is theirs), 409 once it is submitted.
 */
export async function startBacktest(deps: AppDeps, actor: Actor, recordId: string) {
  const kind = kindByName('profile_recommendation')!;
  const rec = await authoriseRecord(deps.db, actor, kind, recordId, 'update');
  const a = requireAnalyst(actor, true);
  if (a.orgId !== rec.owner_org_id)
    throw badRequest('The backtest runs on the proposing administration’s history: ask one of its analysts.');
  if (rec.status !== 'draft')
    throw conflict(
      'The backtest is attached before the recommendation is submitted: this one is no longer a draft.',
    );
  const job = await enqueueJob(deps, a, { kind: 'risk_sharing.backtest', data: { recordId } });
  return { jobId: job.id };
}
