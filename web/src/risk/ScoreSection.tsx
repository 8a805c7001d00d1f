import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api.ts';
import { FileField } from '../components/FileField.tsx';
import { JobProgress, type JobView } from '../components/JobProgress.tsx';
import { ErrorMessage, Section, TextField } from '../components/ui.tsx';
import { BudgetFields } from './BudgetFields.tsx';
import { rememberedJob, rememberJob, useModels } from './hooks.ts';

/** Score a batch of new declarations with the active model. */
export function ScoreSection() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const models = useModels();
  const active = models.data?.items.find((m) => m.active);
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [budget, setBudget] = useState('');
  const [exploration, setExploration] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [jobId, setJobId] = useState<string | null>(() => rememberedJob('score'));

  async function score(e: React.FormEvent) {
    e.preventDefault();
    if (!file) return;
    setFailure(null);
    try {
      const form = new FormData();
      form.append('name', name || file.name);
      if (budget) form.append('budgetPercent', budget);
      if (exploration) form.append('explorationShare', exploration);
      form.append('file', file);
      const r = await api<{ jobId: string }>('/risk/batches', { form });
      rememberJob('score', r.jobId);
      setJobId(r.jobId);
    } catch (err) {
      setFailure(err);
    }
  }

  const onDone = useCallback(
    (job: JobView) => {
      rememberJob('score', null);
      void qc.invalidateQueries({ queryKey: ['risk'] });
      const batchId = (job.result as { batchId?: string } | null)?.batchId;
      if (job.state === 'succeeded' && batchId) navigate(`/risk/batches/${batchId}`);
    },
    [qc, navigate],
  );

  return (
    <Section title={t('risk.score.title')}>
      {!active ? (
        <p>{t('risk.score.noModel')}</p>
      ) : (
        <form onSubmit={score}>
          <p>
            {t('risk.score.withModel', {
              version: active.version,
              budget: active.settings.budgetPercent ?? 5,
              exploration: active.settings.explorationShare ?? 0.1,
            })}
          </p>
          <FileField
            label={t('risk.score.file')}
            hint={t('risk.score.fileHint')}
            accept=".csv,.jsonl,.ndjson,text/csv"
            onChange={setFile}
          />
          <div className="form-row">
            <TextField label={t('risk.score.name')} value={name} onChange={(e) => setName(e.target.value)} />
            <BudgetFields
              budget={budget}
              exploration={exploration}
              onBudget={setBudget}
              onExploration={setExploration}
              placeholders={{
                budget: String(active.settings.budgetPercent ?? 5),
                exploration: String(active.settings.explorationShare ?? 0.1),
              }}
            />
          </div>
          <div className="actions">
            <button type="submit" className="button" disabled={!file}>
              {t('risk.score.button')}
            </button>
          </div>
        </form>
      )}
      {failure !== null && <ErrorMessage error={failure} />}
      {jobId && <JobProgress key={jobId} jobId={jobId} onDone={onDone} />}
    </Section>
  );
}
