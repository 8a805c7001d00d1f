import { useTranslation } from 'react-i18next';
import { Alert, Loading, NotAllowed, PageTitle } from '../components/ui.tsx';
import { BatchSection } from './BatchSection.tsx';
import { CasesSection } from './CasesSection.tsx';
import { useScreeningAbilities } from './hooks.ts';
import { ListsSection } from './ListsSection.tsx';
import { ScreenOne } from './ScreenOne.tsx';
import './screening.css';

/** Sanctions screening: one party, files of parties or declarations, cases and review queue, list versions. */
export function ScreeningPage() {
  const { t } = useTranslation();
  const { data, isLoading } = useScreeningAbilities();
  if (isLoading || !data) return <Loading />;
  const ab = data.abilities;
  if (!ab.readLists) return <NotAllowed because="role" />;
  const demo = data.lists?.some((l) => l.isDemo);
  return (
    <>
      <PageTitle>{t('screening.title')}</PageTitle>
      {demo && <Alert kind="warning">{t('screening.demoWarning')}</Alert>}
      <p>
        {t('screening.thresholds', {
          threshold: (data.threshold ?? 0.8).toFixed(2),
          review: (data.reviewThreshold ?? 0.65).toFixed(2),
        })}{' '}
        {data.lists?.length
          ? t('screening.listsInUse', { lists: data.lists.map((l) => `${l.listId} (${l.label})`).join(', ') })
          : t('screening.noLists')}
      </p>
      {ab.screen && <ScreenOne canSave={ab.review} />}
      {ab.review && <BatchSection />}
      {ab.review && <CasesSection />}
      <ListsSection canLoad={ab.loadLists} />
    </>
  );
}
