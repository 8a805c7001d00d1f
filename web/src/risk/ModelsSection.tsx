import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api.ts';
import { JobProgress } from '../components/JobProgress.tsx';
import { ErrorMessage, Loading, Section, TextField, useFormat, useNotice } from '../components/ui.tsx';
import { BudgetFields } from './BudgetFields.tsx';
import { rememberedJob, rememberJob, useDatasets, useModels } from './hooks.ts';
import type { ModelRow } from './types.ts';

export function at(m: ModelRow, n: number) {
  return m.metrics.validation?.at.find((a) => a.n === n);
}

/** Model versions (active marked, make active = rollback) and the training form. */
export function ModelsSection({ canChange }: { canChange: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const notice = useNotice();
  const qc = useQueryClient();
  const { data, isLoading, error } = useModels();
  const datasets = useDatasets();
  const [chosen, setChosen] = useState<string[]>([]);
  const [budget, setBudget] = useState('5');
  const [exploration, setExploration] = useState('0.1');
  const [seed, setSeed] = useState('1');
  const [outcomes, setOutcomes] = useState(true);
  const [failure, setFailure] = useState<unknown>(null);
  const [jobId, setJobId] = useState<string | null>(() => rememberedJob('train'));
  const pct = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
  const histories = (datasets.data?.items ?? []).filter((d) => d.purpose === 'history');

  async function train(e: React.FormEvent) {
    e.preventDefault();
    setFailure(null);
    try {
      const ids = chosen.length ? chosen : histories.slice(0, 1).map((d) => d.id);
      const r = await api<{ jobId: string }>('/risk/models/train', {
        body: {
          datasetIds: ids,
          budgetPercent: Number(budget),
          explorationShare: Number(exploration),
          seed: Number(seed),
          includeOutcomes: outcomes,
        },
      });
      rememberJob('train', r.jobId);
      setJobId(r.jobId);
    } catch (err) {
      setFailure(err);
    }
  }

  async function activate(m: ModelRow) {
    try {
      await api(`/risk/models/${m.id}/activate`, { method: 'POST' });
      notice('success', t('risk.models.activated', { version: m.version }));
      await qc.invalidateQueries({ queryKey: ['risk'] });
    } catch (err) {
      setFailure(err);
    }
  }

  const onDone = useCallback(() => {
    rememberJob('train', null);
    void qc.invalidateQueries({ queryKey: ['risk'] });
  }, [qc]);

  return (
    <Section title={t('risk.models.title')}>
      {isLoading && <Loading />}
      {error && <ErrorMessage error={error} />}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('risk.models.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('risk.models.version')}</th>
              <th scope="col">{t('risk.models.trained')}</th>
              <th scope="col">{t('risk.models.rows')}</th>
              <th scope="col">AUC</th>
              <th scope="col">{t('risk.models.precisionAt', { n: 5 })}</th>
              <th scope="col">{t('risk.models.recallAt', { n: 5 })}</th>
              <th scope="col">{t('risk.models.status')}</th>
            </tr>
          </thead>
          <tbody>
            {(data?.items ?? []).length === 0 && (
              <tr>
                <td colSpan={7} className="empty">
                  {t('risk.models.none')}
                </td>
              </tr>
            )}
            {(data?.items ?? []).map((m) => (
              <tr key={m.id}>
                <td>
                  <Link to={`/risk/models/${m.id}`}>{t('risk.models.versionN', { version: m.version })}</Link>
                </td>
                <td>{fmt.date(m.created_at)}</td>
                <td>{fmt.number(m.training_rows)}</td>
                <td>{m.metrics.validation ? m.metrics.validation.auc.toFixed(3) : '—'}</td>
                <td>{at(m, 5) ? pct.format(at(m, 5)!.precision) : '—'}</td>
                <td>{at(m, 5) ? pct.format(at(m, 5)!.recall) : '—'}</td>
                <td>
                  {m.active ? (
                    <span className="pill pill-published">{t('risk.models.active')}</span>
                  ) : m.abilities.activate ? (
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      onClick={() => void activate(m)}
                    >
                      {t('risk.models.makeActive', { version: m.version })}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canChange && histories.length > 0 && (
        <>
          <h3>{t('risk.models.train')}</h3>
          <form onSubmit={train}>
            <fieldset>
              <legend>{t('risk.models.datasets')}</legend>
              {histories.map((d) => (
                <label key={d.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={chosen.includes(d.id) || (chosen.length === 0 && d.id === histories[0]!.id)}
                    onChange={(e) => {
                      const base = chosen.length ? chosen : [histories[0]!.id];
                      setChosen(e.target.checked ? [...base, d.id] : base.filter((x) => x !== d.id));
                    }}
                  />{' '}
                  {d.name} ({fmt.number(d.row_count)})
                </label>
              ))}
              <label className="checkbox">
                <input type="checkbox" checked={outcomes} onChange={(e) => setOutcomes(e.target.checked)} />{' '}
                {t('risk.models.includeOutcomes')}
              </label>
            </fieldset>
            <div className="form-row">
              <BudgetFields
                budget={budget}
                exploration={exploration}
                onBudget={setBudget}
                onExploration={setExploration}
                explorationHint={t('risk.models.explorationHint')}
              />
              <TextField
                label={t('risk.models.seed')}
                type="number"
                min="0"
                value={seed}
                onChange={(e) => setSeed(e.target.value)}
              />
            </div>
            <div className="actions">
              <button type="submit" className="button">
                {t('risk.models.trainButton')}
              </button>
            </div>
          </form>
        </>
      )}
      {failure !== null && <ErrorMessage error={failure} />}
      {jobId && <JobProgress key={jobId} jobId={jobId} onDone={onDone} />}
    </Section>
  );
}
