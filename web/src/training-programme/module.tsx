import { defineWebModule } from '../web-module.ts';
import { TrainingProgrammePage } from './TrainingProgrammePage.tsx';

/** The generated training cooperation programme (issue 14): generate, pin, exclude, re-run, publish. */
export const trainingProgrammeWebModule = defineWebModule({
  name: 'training-programme',
  routes: [{ path: '/training/programme', element: <TrainingProgrammePage /> }],
  nav: [{ to: '/training/programme', label: 'trainingProgramme.nav' }],
});
