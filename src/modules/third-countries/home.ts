import { isUser } from '../../access/actor.ts';
import type { ModuleReadContext } from '../calendar/calendar-item.ts';
import type { HomeTile } from '../home/home-item.ts';
import { overlaps, worldMap } from './operations/views.ts';

/**
 * The third-countries area's tiles on the home page: the recipient countries of the projects the
 * caller may read, and the overlaps and unmet support needs the finder shows; both open the area.
 */
export async function thirdCountriesHomeTiles({ db, actor }: ModuleReadContext): Promise<HomeTile[]> {
  if (!isUser(actor)) return [];
  const [map, found] = await Promise.all([worldMap(db, actor, {}), overlaps(db, actor, {})]);
  return [
    {
      id: 'third-countries.countries',
      area: 'third_countries',
      title: { key: 'thirdCountries.home.countries', params: {} },
      count: map.countries.length,
      link: '/third-countries',
    },
    {
      id: 'third-countries.overlaps',
      area: 'third_countries',
      title: { key: 'thirdCountries.home.overlaps', params: {} },
      count: found.overlaps.length + found.unmetNeeds.length,
      link: '/third-countries',
    },
  ];
}
