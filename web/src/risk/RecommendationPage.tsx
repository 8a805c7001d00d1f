import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../api.ts';
import { JobProgress } from '../components/JobProgress.tsx';
import { ErrorMessage, Loading, PageTitle, Section, useFormat } from '../components/ui.tsx';
import { ResponsesSection } from './ResponsesSection.tsx';
import { useSharedRecord } from './sharing-hooks.ts';
import './risk.css';

interface Backtest {
  rows?: number;
  selection_rate?: number;
  hit_rate?: number;
  revenue?: number;
  baseline_rows?: number;
  baseline_selection_rate?: number;
  baseline_hit_rate?: number;
  baseline_revenue?: number;
  computed_at?: string;
}

/**
 * A profile recommendation: its backtest on the proposer's history (run as a job with progress
 * while it is a draft), then the recipients' adoption and control feedback and, for the author and
 * the coordinator, the aggregate per recipient administration.
 */
export function RecommendationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const { data: r, isLoading, error } = useSharedRecord('profile_recommendation', id);
  const [jobId, setJobId] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const onDone = useCallback(() => {
    void qc.invalidateQueries({ queryKey: ['risk-sharing', 'profile_recommendation', id] });
  }, [qc, id]);
  if (isLoading) return <Loading />;
  if (error || !r) return <ErrorMessage error={error} />;
  const bt = (r.data.backtest as Backtest | undefined) ?? null;
  const figure = (v: number | undefined, unit = '') => (v === undefined ? '—' : `${fmt.number(v)}${unit}`);

  async function backtest() {
    setFailure(null);
    try {
      setJobId(
        (await api<{ jobId: string }>(`/risk-sharing/recommendations/${id}/backtest`, { body: {} })).jobId,
      );
    } catch (err) {
      setFailure(err);
    }
  }

  return (
    <>
      <p>
        <Link to="/registry/profile_recommendation">{t('riskSharing.recommendations')}</Link>
      </p>
      <PageTitle>{r.title}</PageTitle>
      <p>
        {t('riskSharing.period', {
          budget: fmt.number(Number(r.data.selection_budget)),
          from: fmt.date(String(r.data.valid_from)),
          to: fmt.date(String(r.data.valid_to)),
          review: r.data.review_date ? fmt.date(String(r.data.review_date)) : '—',
        })}{' '}
        <Link to={`/registry/profile_recommendation/${id}`}>{t('riskSharing.openRecord')}</Link>
      </p>
      <Section title={t('riskSharing.backtest.title')}>
        {bt?.rows !== undefined ? (
          <div className="table-wrap">
            <table>
              <caption>
                {t('riskSharing.backtest.caption', {
                  rows: fmt.number(bt.rows),
                  date: fmt.dateTime(bt.computed_at),
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('riskSharing.backtest.figure')}</th>
                  <th scope="col">{t('riskSharing.backtest.profile')}</th>
                  <th scope="col">{t('riskSharing.backtest.baseline')}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t('riskSharing.backtest.selectionRate')}</th>
                  <td>{figure(bt.selection_rate, ' %')}</td>
                  <td>{figure(bt.baseline_selection_rate, ' %')}</td>
                </tr>
                <tr>
                  <th scope="row">{t('riskSharing.backtest.hitRate')}</th>
                  <td>{figure(bt.hit_rate, ' %')}</td>
                  <td>{figure(bt.baseline_hit_rate, ' %')}</td>
                </tr>
                <tr>
                  <th scope="row">{t('riskSharing.backtest.revenue')}</th>
                  <td>{figure(bt.revenue)}</td>
                  <td>{figure(bt.baseline_revenue)}</td>
                </tr>
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t('riskSharing.backtest.none')}</p>
        )}
        {bt?.rows !== undefined && bt.baseline_rows === undefined && (
          <p>{t('riskSharing.backtest.noBaseline')}</p>
        )}
        {r.status === 'draft' && r.abilities.update && (
          <div className="actions">
            <button type="button" className="button" onClick={() => void backtest()}>
              {t('riskSharing.backtest.button')}
            </button>
          </div>
        )}
        {failure !== null && <ErrorMessage error={failure} />}
        {jobId && <JobProgress key={jobId} jobId={jobId} onDone={onDone} />}
      </Section>
      <ResponsesSection id={id} published={r.status === 'published'} />
    </>
  );
}
