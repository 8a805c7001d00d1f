import type { Actor } from '../../../access/actor.ts';
import { enqueueJob } from '../../../jobs/index.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';
import { outcomesData } from '../risk-jobs.ts';
import { findBatch } from '../risk-service.ts';
import { requireAnalyst } from './analyst.ts';
import type { ReadUpload } from './uploaded-file.ts';

/**
 * Starts recording the control results of a scored batch (job `risk.outcomes`); 404 when the
 * batch is not the caller's, checked before the file is read.
 */
export async function uploadOutcomes(deps: AppDeps, actor: Actor, input: { id: string; upload: ReadUpload }) {
  const a = requireAnalyst(actor, true);
  const b = await findBatch(deps.db, a, input.id);
  const { file } = await input.upload('outcomes file');
  const data = outcomesData.parse({ batchId: b.id });
  const job = await enqueueJob(deps, a, { kind: 'risk.outcomes', data, file });
  return { jobId: job.id };
}
