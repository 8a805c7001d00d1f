import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useRiskAbilities } from './hooks.ts';

/** The "Risk analysis" entry of the main navigation, shown only when the API says the user may use it. */
export function RiskNavItem() {
  const { t } = useTranslation();
  const { data } = useRiskAbilities();
  if (!data?.use) return null;
  return (
    <li>
      <NavLink to="/risk">{t('risk.nav')}</NavLink>
    </li>
  );
}
