import { useTranslation } from 'react-i18next';
import { Loading, NotAllowed, PageTitle } from '../components/ui.tsx';
import { DatasetsSection } from './DatasetsSection.tsx';
import { HistorySection } from './HistorySection.tsx';
import { useRiskAbilities } from './hooks.ts';
import { ModelsSection } from './ModelsSection.tsx';
import { ScoreSection } from './ScoreSection.tsx';
import './risk.css';

/** Risk analysis: histories → models → scored batches → outcomes → hit rate over time. */
export function RiskPage() {
  const { t } = useTranslation();
  const { data: ab, isLoading } = useRiskAbilities();
  if (isLoading || !ab) return <Loading />;
  if (!ab.use) return <NotAllowed because="role" />;
  return (
    <>
      <PageTitle>{t('risk.title')}</PageTitle>
      <p className="lead">{t('risk.intro')}</p>
      <DatasetsSection canChange={ab.change} />
      <ModelsSection canChange={ab.change} />
      {ab.change && <ScoreSection />}
      <HistorySection />
    </>
  );
}
