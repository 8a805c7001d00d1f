import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useScreeningAbilities } from './hooks.ts';

/** The "Screening" entry of the main navigation, shown only when the API says the user may screen. */
export function ScreeningNavItem() {
  const { t } = useTranslation();
  const { data } = useScreeningAbilities();
  const ab = data?.abilities;
  if (!ab?.screen && !ab?.loadLists) return null;
  return (
    <li>
      <NavLink to="/screening">{t('screening.nav')}</NavLink>
    </li>
  );
}
