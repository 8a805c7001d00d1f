import type { Actor } from '../../../access/actor.ts';
import { canCreateRecords } from '../../../access/registry-policy.ts';
import { badRequest, forbidden } from '../../../http/errors.ts';
import { enqueueJob, type JobDeps } from '../../../jobs/job-service.ts';
import { iatiImportData, iatiImportJob } from '../iati-import-job.ts';
import type { IatiUpload } from '../iati-multipart.ts';
import { projectKind } from '../third-countries-kinds.ts';

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * Starts an IATI import (a job): the caller must be able to add cooperation projects; the filters
 * and themes are checked before the file is stored. Answers the job's id (progress and the
 * report: GET /api/v1/jobs/:id).
 */
export async function startIatiImport(deps: JobDeps, a: Actor, upload: () => Promise<IatiUpload>) {
  if (!canCreateRecords(a, projectKind)) throw forbidden('You may not add cooperation projects.');
  const { fields, file } = await upload();
  const parsed = iatiImportData.safeParse({
    sectors: list(fields.sectors),
    countries: list(fields.countries).map((c) => c.toUpperCase()),
    text: fields.text ?? '',
    themes: list(fields.themes),
  });
  if (!parsed.success)
    throw badRequest(
      'Check the filters and themes of the import.',
      parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    );
  return enqueueJob(deps, a, { kind: iatiImportJob.kind, data: parsed.data, file });
}
