import { defineWebModule } from '../web-module.ts';
import { ThirdCountriesPage } from './ThirdCountriesPage.tsx';

/** Cooperation with third countries (issue 16): world map, overlaps, timeline, IATI import and export. */
export const thirdCountriesWebModule = defineWebModule({
  name: 'third-countries',
  routes: [{ path: '/third-countries', element: <ThirdCountriesPage /> }],
  nav: [{ to: '/third-countries', label: 'thirdCountries.nav' }],
});
