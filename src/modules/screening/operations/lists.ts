import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { canLoadLists, canReadLists } from '../../../access/screening-policy.ts';
import type { Database } from '../../../db/connection.ts';
import { badRequest, forbidden, notFound } from '../../../http/errors.ts';
import { enqueueJob } from '../../../jobs/index.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';
import { parseListsConfig } from '../list-sources.ts';
import { diffStoredVersions, getVersion, listVersions } from '../list-store.ts';
import { listLoadJob } from '../screening-jobs.ts';
import type { listUploadQuery } from '../screening-schema.ts';
import type { ReadUpload, SignedIn } from './signed-in.ts';

/** The stored list versions (global reference data); for those who load lists, the configured ones too. */
export async function listVersionsFor(deps: Pick<AppDeps, 'db' | 'config'>, a: SignedIn) {
  if (!canReadLists(a)) throw forbidden();
  const versions = await listVersions(deps.db);
  const configured = canLoadLists(a)
    ? parseListsConfig(deps.config.SCREENING_LISTS).map((s) => ({ listId: s.listId, format: s.format }))
    : [];
  return { versions, configured };
}

/** Added, removed and amended entries of a version against the previous one, or `from` (same list). */
export async function versionDiff(db: Database, a: SignedIn, input: { id: string; from?: string }) {
  if (!canReadLists(a)) throw forbidden();
  const v = await getVersion(db, input.id);
  if (!v) throw notFound('No such list version.');
  const fromId = input.from ?? v.previousId;
  if (fromId) {
    const f = await getVersion(db, fromId);
    if (!f) throw notFound('No such list version to compare with.');
    if (f.listId !== v.listId) throw badRequest('Compare two versions of the same list.');
  }
  return diffStoredVersions(db, fromId ?? null, v.id);
}

/**
 * Loads a list version from an uploaded file (job `screening.list-load`, which re-screens the
 * stored parties); platform administrators only. Answers the job and the file's SHA-256 (logged).
 */
export async function uploadListVersion(
  deps: AppDeps,
  a: SignedIn,
  input: z.output<typeof listUploadQuery> & { upload: ReadUpload },
) {
  if (!canLoadLists(a)) throw forbidden('Only platform administrators load sanctions lists.');
  const up = await input.upload('list file');
  const job = await enqueueJob(deps, a, {
    kind: listLoadJob.kind,
    data: { listId: input.listId, format: input.format, label: input.label, isDemo: input.demo === 'true' },
    file: { name: up.filename, bytes: up.bytes, contentType: up.mimetype },
  });
  return { jobId: job.id, sha256: createHash('sha256').update(up.bytes).digest('hex') };
}

/** Loads a new version of a configured list (SCREENING_LISTS) from its file or URL; administrators only. */
export async function loadConfiguredList(deps: AppDeps, a: SignedIn, input: { listId: string }) {
  if (!canLoadLists(a)) throw forbidden('Only platform administrators load sanctions lists.');
  const src = parseListsConfig(deps.config.SCREENING_LISTS).find((s) => s.listId === input.listId);
  if (!src) throw badRequest(`"${input.listId}" is not a configured list (SCREENING_LISTS).`);
  const job = await enqueueJob(deps, a, {
    kind: listLoadJob.kind,
    data: {
      listId: src.listId,
      format: src.format,
      label: `${src.listId} ${new Date().toISOString().slice(0, 10)}`,
      location: src.location,
    },
  });
  return { jobId: job.id };
}
