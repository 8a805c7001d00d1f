import { authoriseCreate } from '../../access/registry-policy.ts';
import { checkMarking, IMPORTABLE } from '../../access/tlp.ts';
import { tableLimitsFrom } from '../../core/table-reader/limits.ts';
import type { Tlp } from '../../db/schema.ts';
import { badRequest, forbidden, HttpError } from '../../http/errors.ts';
import { isTableLimit, tableLimitError } from '../../http/table-errors.ts';
import { enqueueJob } from '../../jobs/job-service.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { approvalSteps, type KindDefinition } from '../definition.ts';
import { registryImportJob } from '../import/registry-import-job.ts';
import { checkImportFile, fileProblems, UNSUPPORTED_FILE } from './import-file.ts';
import type { UserActor } from './types.ts';

export type ImportDistribution = 'organisation' | 'network' | 'eucab' | 'public';

/** Imports take the kind's default marking, narrowed where an import cannot carry it (groups, named organisations, RED recipients). */
export function importDefaults(kind: KindDefinition): { distribution: ImportDistribution; tlp: Tlp } {
  return {
    distribution: (['sharing_group', 'organisations'] as const).some((d) => d === kind.access.distribution)
      ? 'organisation'
      : (kind.access.distribution as ImportDistribution),
    tlp: IMPORTABLE.includes(kind.access.tlp) ? kind.access.tlp : IMPORTABLE[IMPORTABLE.length - 1]!,
  };
}

/** An empty CSV with the columns of the kind. */
export const importTemplate = (kind: KindDefinition) => `${Object.keys(kind.fields).join(',')}\n`;

export interface ImportInput {
  dryRun: boolean;
  publish: boolean;
  distribution: ImportDistribution;
  tlp: Tlp;
  language: string;
  /** The uploaded file, read only once the caller is known to be allowed to import. */
  file: () => Promise<{ filename: string; mimetype: string; bytes: Buffer }>;
}

/** What an import answers: the dry run's report (200), the file refused (422, problem+json), or the job (202). */
export type ImportOutcome =
  | { outcome: 'dry-run'; body: Record<string, unknown> & { dryRun: true } }
  | { outcome: 'refused'; body: Record<string, unknown> & { status: 422 } }
  | { outcome: 'queued'; body: Record<string, unknown> & { dryRun: false; jobId: string } };

function refused(detail: string, rest: Record<string, unknown>): ImportOutcome {
  return {
    outcome: 'refused',
    body: { type: 'about:blank', title: 'Unprocessable file', status: 422, detail, ...rest },
  };
}

/**
 * Imports records of a kind from a CSV, XLSX or JSON file: a dry run reports every bad cell (line,
 * column, reason) and the numbers to insert, update or leave unchanged; a commit with any problem
 * writes nothing, otherwise a `registry.import` job stages and publishes the rows.
 */
export async function importRecords(
  deps: Pick<AppDeps, 'db' | 'config' | 'jobs'>,
  a: UserActor,
  kind: KindDefinition,
  input: ImportInput,
): Promise<ImportOutcome> {
  authoriseCreate(a, kind);
  const markingProblem = checkMarking(input.distribution, input.tlp);
  if (markingProblem) throw badRequest(markingProblem);
  if (input.publish && approvalSteps(kind).length) {
    throw forbidden(
      `Imported ${kind.labelPlural.en.toLowerCase()} are published only after a second person approves each.`,
    );
  }
  const file = await input.file();
  const checked = await checkImportFile(
    deps.db,
    a,
    kind,
    { name: file.filename, bytes: file.bytes },
    { language: input.language, limits: tableLimitsFrom(deps.config) },
  );
  if (!checked.ok && checked.unsupported)
    throw new HttpError(415, 'Unsupported media type', UNSUPPORTED_FILE);
  if (!checked.ok) {
    const e = checked.error;
    if (isTableLimit(e)) throw tableLimitError(e);
    const errors = [{ line: e.line, column: e.column, reason: e.message }];
    if (input.dryRun)
      return {
        outcome: 'dry-run',
        body: { dryRun: true, rows: 0, wouldInsert: 0, wouldUpdate: 0, unchanged: 0, errors, errorCount: 1 },
      };
    return refused(e.message, { errors, errorCount: 1 });
  }
  const { analysis } = checked;
  const report = {
    rows: analysis.rows,
    wouldInsert: analysis.wouldInsert,
    wouldUpdate: analysis.wouldUpdate,
    unchanged: analysis.unchanged,
    errors: analysis.errors.slice(0, 5000),
    errorCount: analysis.errors.length,
  };
  if (input.dryRun) return { outcome: 'dry-run', body: { dryRun: true, ...report } };
  if (analysis.errors.length) return refused(fileProblems(analysis.errors.length), report);
  // Records that name their network are distributed to it, row by row (the job resolves it).
  const networkId =
    input.distribution === 'network' && !kind.networkField
      ? (
          await deps.db
            .selectFrom('networks')
            .select('id')
            .where('code', '=', kind.network)
            .executeTakeFirstOrThrow()
        ).id
      : null;
  const { id: jobId } = await enqueueJob(deps, a, {
    kind: registryImportJob.kind,
    data: {
      kind: kind.name,
      distribution: input.distribution,
      tlp: input.tlp,
      networkId,
      publish: input.publish,
      language: input.language,
    },
    file: { name: file.filename, bytes: file.bytes, contentType: file.mimetype },
  });
  return { outcome: 'queued', body: { dryRun: false, jobId, ...report } };
}
