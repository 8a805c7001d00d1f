import type { JobKind } from '../../jobs/job-types.ts';
import { defineModule } from '../manifest.ts';
import { trainingProgrammeJob } from './programme-job.ts';
import { trainingProgrammeRoutes } from './programme-routes.ts';

/** The generated training cooperation programme: its routes and its job (the kind is the registry's). */
export const trainingProgrammeModule = defineModule({
  name: 'training-programme',
  routes: [trainingProgrammeRoutes],
  jobKinds: [trainingProgrammeJob as unknown as JobKind<never, unknown>],
});
