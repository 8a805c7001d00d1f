import type { Actor } from '../../access/actor.ts';
import { isUser } from '../../access/actor.ts';
import { canGenerateTrainingProgramme } from '../../access/training-programme-policy.ts';
import { forbidden } from '../../http/errors.ts';
import { enqueueJob } from '../../jobs/index.ts';
import { trainingProgramme } from '../../registry/kinds/training/training-programme.kind.ts';
import { addRecord } from '../../registry/operations/create.ts';
import { getRecordAbilities } from '../../registry/operations/get.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { trainingProgrammeJob } from './programme-job.ts';
import type { GenerateProgrammeBody } from './programme-schema.ts';

const NOT_COORDINATOR =
  'Only a coordinator of the training network generates the training programme: ask its coordinator.';

/** A new, empty programme (a draft) that the generator fills. */
export async function createProgramme(deps: AppDeps, a: Actor, input: { title: string; year: number }) {
  if (!isUser(a) || !canGenerateTrainingProgramme(a)) throw forbidden(NOT_COORDINATOR);
  return addRecord(deps, a, trainingProgramme, {
    data: { title: input.title, year: input.year, items: [], pins: [], excludes: [], uncovered: [] },
    publish: false,
  });
}

/** Starts the generator on a programme (404 unreadable, 403 not its coordinator or not editable). */
export async function generateProgramme(deps: AppDeps, a: Actor, id: string, body: GenerateProgrammeBody) {
  const abilities = await getRecordAbilities(deps.db, a, trainingProgramme, { id });
  if (!canGenerateTrainingProgramme(a)) throw forbidden(NOT_COORDINATOR);
  if (!abilities.update)
    throw forbidden('You may not change this programme (another administration owns it).');
  const job = await enqueueJob(deps, a, {
    kind: trainingProgrammeJob.kind,
    data: { ...body, programmeId: id },
  });
  return { jobId: job.id };
}
