import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { API, api, qs } from '../api.ts';
import {
  ImportDoneStep,
  ImportFileField,
  ImportReportOutcome,
  ImportRunningStep,
  ImportStats,
  ImportStepCard,
  ImportSteps,
  useImportWizard,
} from '../components/import/ImportWizard.tsx';
import { Alert, ErrorMessage, Loading, NotAllowed, PageTitle, Section } from '../components/ui.tsx';
import { useKind } from './hooks.ts';
import { useRegistryLabels } from './labels.ts';
import type { Kind, RegistryImportReport } from './types.ts';
import './registry.css';

/** /registry/:kind/import — template, file, dry run with every bad cell, confirm, progress (the job), result. */
export function ImportWizardPage() {
  const { kind: kindName } = useParams();
  const { kind, isLoading, error } = useKind(kindName);
  if (isLoading) return <Loading />;
  if (error) return <ErrorMessage error={error} />;
  if (!kind) return <NotAllowed />;
  if (!kind.abilities.import) return <NotAllowed because="role" />;
  return <ImportWizard kind={kind} />;
}

function ImportWizard({ kind }: { kind: Kind }) {
  const { t } = useTranslation();
  const l = useRegistryLabels();
  const qc = useQueryClient();
  const [publish, setPublish] = useState(false);
  const base = `/registry/${kind.name}/import`;
  // The import runs as a background job (GET /jobs/:id, followed by JobProgress).
  const w = useImportWizard<RegistryImportReport>({
    upload: (file, dryRun) => {
      const form = new FormData();
      form.append('file', file);
      return api<RegistryImportReport>(
        `${base}${qs({ dryRun: String(dryRun), publish: publish ? 'true' : undefined, language: l.lang })}`,
        { method: 'POST', form, acceptStatus: [422] },
      );
    },
    onFinished: useCallback(() => void qc.invalidateQueries({ queryKey: ['registry'] }), [qc]),
  });
  const { report, finished, headingRef } = w;
  const counts = (finished?.result ?? {}) as { inserted?: number; updated?: number };
  const toWrite = report ? report.wouldInsert + report.wouldUpdate : 0;

  return (
    <>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link to="/registry">{t('registry.home.title')}</Link> ›{' '}
        <Link to={`/registry/${kind.name}`}>{l.kindPlural(kind)}</Link>
      </nav>
      <PageTitle>{t('registry.import.title', { kind: l.kindPlural(kind) })}</PageTitle>
      <ImportSteps step={w.step} />
      <ErrorMessage error={w.error} />

      {w.step === 'choose' && (
        <Section title={t('importWizard.stepChoose')}>
          <p>{t('registry.import.intro', { key: kind.importKey.join(' + ') })}</p>
          <p>
            <a href={`${API}/registry/${kind.name}/import-template`} download>
              {t('registry.import.template')}
            </a>
          </p>
          <p className="hint">
            {t('registry.import.columns', { columns: kind.fields.map((f) => f.name).join(', ') })}
          </p>
          <form
            className="stack"
            onSubmit={(e) => {
              e.preventDefault();
              void w.check();
            }}
          >
            <ImportFileField
              label={t('registry.import.file')}
              hint={t('registry.import.fileHint')}
              accept=".csv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={w.setFile}
            />
            {!kind.workflow.fourEyes && (
              <label className="checkbox">
                <input type="checkbox" checked={publish} onChange={(e) => setPublish(e.target.checked)} />
                {t('registry.import.publish')}
              </label>
            )}
            <p className="hint">
              {kind.workflow.fourEyes ? t('registry.import.fourEyes') : t('registry.import.markingHint')}
            </p>
            <div className="actions">
              <button type="submit" className="button" disabled={!w.file || w.busy}>
                {t('importWizard.check')}
              </button>
              <Link to={`/registry/${kind.name}`} className="button button-secondary">
                {t('common.cancel')}
              </Link>
            </div>
          </form>
        </Section>
      )}

      {w.step === 'report' && report && (
        <ImportStepCard
          id="report-title"
          headingRef={headingRef}
          title={t('importWizard.reportTitle', { file: w.file?.name ?? '' })}
        >
          <ImportStats
            items={[
              { label: t('importWizard.rows'), value: report.rows, testId: 'rows' },
              { label: t('registry.import.wouldInsert'), value: report.wouldInsert, testId: 'would-insert' },
              { label: t('registry.import.wouldUpdate'), value: report.wouldUpdate, testId: 'would-update' },
              { label: t('registry.import.unchanged'), value: report.unchanged, testId: 'unchanged' },
              { label: t('importWizard.problems'), value: report.errorCount, testId: 'problems' },
            ]}
          />
          <ImportReportOutcome
            errors={report.errors}
            errorCount={report.errorCount}
            errorText={
              <>
                <p>{report.detail ?? t('registry.import.hasErrors', { count: report.errorCount })}</p>
                {report.errorCount > report.errors.length && (
                  <p>{t('registry.import.firstErrors', { shown: report.errors.length })}</p>
                )}
              </>
            }
            commitLabel={t('registry.import.commit', { count: toWrite })}
            commitDisabled={w.busy || toWrite === 0}
            onCommit={() => void w.commit()}
            onRestart={w.restart}
          />
        </ImportStepCard>
      )}

      {w.step === 'running' && w.jobId && (
        <ImportRunningStep
          title={t('registry.import.running')}
          jobId={w.jobId}
          headingRef={headingRef}
          onDone={w.onDone}
        />
      )}

      {w.step === 'done' && finished && (
        <ImportDoneStep
          succeeded={finished.state === 'succeeded'}
          doneTitle={t('registry.import.doneTitle')}
          failedTitle={t('registry.import.failedTitle')}
          headingRef={headingRef}
          back={
            <Link to={`/registry/${kind.name}`} className="button">
              {t('registry.import.backToList', { kind: l.kindPlural(kind) })}
            </Link>
          }
          onRestart={w.restart}
        >
          {finished.state === 'succeeded' ? (
            <Alert kind="success">
              <p data-testid="import-result">
                {t('registry.import.doneText', {
                  inserted: counts.inserted ?? 0,
                  updated: counts.updated ?? 0,
                })}
              </p>
            </Alert>
          ) : (
            <Alert kind="error">
              <p>{finished.error ?? t(`registry.import.status.${finished.state}`)}</p>
            </Alert>
          )}
        </ImportDoneStep>
      )}
    </>
  );
}
