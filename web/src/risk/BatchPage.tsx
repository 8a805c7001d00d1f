import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../api.ts';
import { FileField } from '../components/FileField.tsx';
import { JobProgress, type JobView } from '../components/JobProgress.tsx';
import { ErrorMessage, Loading, NotAllowed, PageTitle, Section, useFormat } from '../components/ui.tsx';
import { rememberedJob, rememberJob, useBatch, useRiskAbilities } from './hooks.ts';
import './risk.css';

const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;

interface OutcomesResult {
  matched: number;
  unmatchedCount: number;
  unmatched: { line: number; id: string }[];
}

/** A scored batch: its selection with explanations, downloads, and the outcomes upload. */
export function BatchPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const ab = useRiskAbilities();
  const { data: b, isLoading, error } = useBatch(id);
  const [file, setFile] = useState<File | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [jobId, setJobId] = useState<string | null>(() => rememberedJob(`outcomes.${id}`));
  const [result, setResult] = useState<OutcomesResult | null>(null);

  const onDone = useCallback(
    (job: JobView) => {
      rememberJob(`outcomes.${id}`, null);
      if (job.state === 'succeeded') setResult(job.result as OutcomesResult);
      void qc.invalidateQueries({ queryKey: ['risk'] });
    },
    [qc, id],
  );

  if (ab.data && !ab.data.use) return <NotAllowed because="role" />;
  if (isLoading) return <Loading />;
  if (error || !b) return <ErrorMessage error={error} />;
  const pct = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });

  async function send(e: React.FormEvent) {
    e.preventDefault();
    if (!file) return;
    setFailure(null);
    setResult(null);
    try {
      const form = new FormData();
      form.append('file', file);
      const r = await api<{ jobId: string }>(`/risk/batches/${id}/outcomes`, { form });
      rememberJob(`outcomes.${id}`, r.jobId);
      setJobId(r.jobId);
    } catch (err) {
      setFailure(err);
    }
  }

  return (
    <>
      <p>
        <Link to="/risk">{t('risk.title')}</Link>
      </p>
      <PageTitle>{t('risk.batch.title', { name: b.name })}</PageTitle>
      <p>
        {t('risk.batch.summary', {
          rows: fmt.number(b.row_count),
          selected: fmt.number(b.selected_count),
          mandatory: fmt.number(b.mandatory_count),
          explore: fmt.number(b.explore_count),
          version: b.model_version,
        })}
      </p>
      <p data-testid="batch-hit-rate">
        {b.hit_rate === null
          ? t('risk.batch.noOutcomes')
          : t('risk.batch.hitRate', {
              rate: pct.format(b.hit_rate),
              frauds: fmt.number(b.frauds_found),
              controlled: fmt.number(b.controlled),
            })}
      </p>
      <p className="actions">
        <a className="button button-secondary" href={`/api/v1/risk/batches/${b.id}/selection.csv`} download>
          {t('risk.batch.downloadCsv')}
        </a>
        <a className="button button-secondary" href={`/api/v1/risk/batches/${b.id}/selection.xlsx`} download>
          {t('risk.batch.downloadXlsx')}
        </a>
      </p>
      {b.abilities.outcomes && (
        <Section title={t('risk.outcomes.title')}>
          <form onSubmit={send}>
            <FileField
              label={t('risk.outcomes.file')}
              hint={t('risk.outcomes.fileHint')}
              accept=".csv,.jsonl,text/csv"
              onChange={setFile}
            />
            <div className="actions">
              <button type="submit" className="button" disabled={!file}>
                {t('risk.outcomes.button')}
              </button>
            </div>
          </form>
          {failure !== null && <ErrorMessage error={failure} />}
          {jobId && <JobProgress key={jobId} jobId={jobId} onDone={onDone} />}
          {result && (
            <div role="status">
              <p>{t('risk.outcomes.matched', { n: result.matched })}</p>
              {result.unmatchedCount > 0 && (
                <>
                  <p>{t('risk.outcomes.unmatched', { n: result.unmatchedCount })}</p>
                  <ul>
                    {result.unmatched.slice(0, 50).map((u) => (
                      <li key={`${u.line}-${u.id}`}>
                        {t('risk.outcomes.unmatchedLine', { line: u.line, id: u.id })}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
        </Section>
      )}
      <Section title={t('risk.batch.selection')}>
        <div className="table-wrap">
          <table>
            <caption>{t('risk.batch.selectionCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('risk.batch.rank')}</th>
                <th scope="col">{t('risk.batch.declaration')}</th>
                <th scope="col">{t('risk.batch.reason')}</th>
                <th scope="col">{t('risk.batch.score')}</th>
                <th scope="col">{t('risk.batch.probability')}</th>
                <th scope="col">{t('risk.batch.explanation')}</th>
                <th scope="col">{t('risk.batch.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {b.selection.map((s) => (
                <tr key={s.rank}>
                  <td>{s.rank}</td>
                  <th scope="row">{s.declaration_id}</th>
                  <td>
                    {t(`risk.reason.${s.reason}`)}
                    {s.mandatory_reasons.length > 0 && (
                      <div className="hint">{s.mandatory_reasons.join('; ')}</div>
                    )}
                  </td>
                  <td>{s.score.toFixed(3)}</td>
                  <td>{pct.format(s.probability)}</td>
                  <td>
                    <ul className="risk-contributions">
                      <li>
                        {t('risk.batch.base')} {signed(s.base)}
                      </li>
                      {s.contributions.map((c) => (
                        <li key={c.name} className={c.value >= 0 ? 'positive' : 'negative'}>
                          {c.name} {signed(c.value)}
                        </li>
                      ))}
                      <li>
                        {t('risk.batch.other')} {signed(s.rest)}
                      </li>
                    </ul>
                  </td>
                  <td>
                    {s.fraud === null ? '—' : s.fraud ? t('risk.batch.fraud') : t('risk.batch.noFraud')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
    </>
  );
}
