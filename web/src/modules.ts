import { calendarWebModule } from './calendar/module.tsx';
import { directoryWebModule } from './directory/module.tsx';
import { documentsWebModule } from './documents/module.tsx';
import { innovationWebModule } from './innovation/module.tsx';
import { integrityWebModule } from './integrity/module.tsx';
import { mappingWebModule } from './mapping/module.tsx';
import { messagesWebModule } from './messages/module.tsx';
import {
  accountWebModule,
  announcementsWebModule,
  auditWebModule,
  authWebModule,
  homeWebModule,
  jobsWebModule,
  membershipsWebModule,
  networksWebModule,
  notificationsWebModule,
  organisationsWebModule,
  schedulerWebModule,
  usersWebModule,
} from './pages/modules.tsx';
import { registryWebModule } from './registry/module.tsx';
import { riskWebModule } from './risk/module.tsx';
import { screeningWebModule } from './screening/module.tsx';
import { thirdCountriesWebModule } from './third-countries/module.tsx';
import { trainingProgrammeWebModule } from './training-programme/module.tsx';
import type { WebModule } from './web-module.ts';

/**
 * Every area of the web app, in the order of the main navigation. Add an area here: the app's
 * router and navigation are built from this list (`modules.test.ts` checks it).
 */
export const WEB_MODULES: readonly WebModule[] = [
  authWebModule,
  homeWebModule,
  networksWebModule,
  announcementsWebModule,
  calendarWebModule,
  documentsWebModule,
  messagesWebModule,
  directoryWebModule,
  membershipsWebModule,
  organisationsWebModule,
  registryWebModule,
  usersWebModule,
  riskWebModule,
  screeningWebModule,
  mappingWebModule,
  integrityWebModule,
  trainingProgrammeWebModule,
  innovationWebModule,
  thirdCountriesWebModule,
  auditWebModule,
  jobsWebModule,
  notificationsWebModule,
  accountWebModule,
  schedulerWebModule,
];
