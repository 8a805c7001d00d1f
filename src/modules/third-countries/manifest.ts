import type { JobKind } from '../../jobs/job-types.ts';
import { defineModule } from '../manifest.ts';
import { thirdCountriesHomeTiles } from './home.ts';
import { iatiImportJob } from './iati-import-job.ts';
import { thirdCountriesRoutes } from './third-countries-routes.ts';

/**
 * Cooperation with third countries (issue 16): views over the registry kinds
 * `cooperation_project`, `external_organisation` and `support_need`
 * (src/registry/kinds/third-countries) — the world map, the timeline per region, the overlap and
 * synergy finder — and the IATI activity file export (2.03) and import (2.01–2.03, a job).
 */
export const thirdCountriesModule = defineModule({
  name: 'third-countries',
  routes: [thirdCountriesRoutes],
  jobKinds: [iatiImportJob as JobKind<never, unknown>],
  homeTiles: thirdCountriesHomeTiles,
});
