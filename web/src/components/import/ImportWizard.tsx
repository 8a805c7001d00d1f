import { createColumnHelper } from '@tanstack/react-table';
import { type ReactNode, type RefObject, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JobProgress, type JobView } from '../JobProgress.tsx';
import { Alert, DataTable } from '../ui.tsx';

/**
 * The pieces both file import wizards share (users: web/src/pages/UserImportPage.tsx; registry
 * kinds: web/src/registry/ImportWizardPage.tsx): choose a file → dry-run report → import as a
 * background job (JobProgress) → done. Strings live in the `importWizard` catalog namespace.
 */
export type ImportStep = 'choose' | 'report' | 'running' | 'done';

/** What a dry run or an import answers (both import endpoints): 422 with the report when refused. */
export interface ImportAnswer {
  jobId?: string | null;
}

/** One bad cell of a dry-run report. */
export interface ImportRowError {
  line: number;
  column?: string | null;
  reason: string;
}

/**
 * The wizard's state: the chosen file, the step, the dry-run report, the job once started.
 * `upload(file, dryRun)` sends the file; `onJobStarted` / `onRestart` let a page remember the
 * job elsewhere (the URL); `onFinished` runs when the job ends (refresh the lists).
 */
export function useImportWizard<R extends ImportAnswer>(opts: {
  upload: (file: File, dryRun: boolean) => Promise<R>;
  initialJobId?: string | null;
  onJobStarted?: (jobId: string) => void;
  onRestart?: () => void;
  onFinished?: (job: JobView) => void;
}) {
  const { upload, onJobStarted, onRestart, onFinished } = opts;
  const initialJobId = opts.initialJobId ?? null;
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<ImportStep>(initialJobId ? 'running' : 'choose');
  const [report, setReport] = useState<R | null>(null);
  const [jobId, setJobId] = useState<string | null>(initialJobId);
  // `finished` is the job once it has ended.
  const [finished, setFinished] = useState<JobView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Moves focus to the new step's heading so screen reader users hear the result.
  useEffect(() => {
    if (step !== 'choose') headingRef.current?.focus();
  }, [step]);

  async function run(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const r = await upload(file, dryRun);
      setReport(r);
      if (dryRun) {
        setStep('report');
        return;
      }
      if (!r.jobId) return; // refused (422): the report shows why
      setJobId(r.jobId);
      setFinished(null);
      setStep('running');
      onJobStarted?.(r.jobId);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const onDone = useCallback(
    (j: JobView) => {
      setFinished(j);
      setStep('done');
      onFinished?.(j);
    },
    [onFinished],
  );

  function restart() {
    onRestart?.();
    setStep('choose');
    setReport(null);
    setJobId(null);
    setFinished(null);
    setFile(null);
    setError(null);
  }

  return {
    file,
    setFile,
    step,
    report,
    jobId,
    finished,
    error,
    busy,
    headingRef,
    check: () => run(true),
    commit: () => run(false),
    restart,
    onDone,
  };
}

/** The numbered list of the wizard's steps, the current one marked for assistive technology. */
export function ImportSteps({ step }: { step: ImportStep }) {
  const { t } = useTranslation();
  const steps: { key: ImportStep; label: string }[] = [
    { key: 'choose', label: t('importWizard.stepChoose') },
    { key: 'report', label: t('importWizard.stepCheck') },
    { key: 'running', label: t('importWizard.stepImport') },
    { key: 'done', label: t('importWizard.stepDone') },
  ];
  const current = steps.findIndex((s) => s.key === step);
  return (
    <ol className="wizard-steps">
      {steps.map((s, i) => (
        <li
          key={s.key}
          aria-current={i === current ? 'step' : undefined}
          className={
            i < current || step === 'done'
              ? `done${i === current ? ' current' : ''}`
              : i === current
                ? 'current'
                : ''
          }
        >
          <span className="step-number" aria-hidden="true">
            {i + 1}
          </span>
          {s.label}
        </li>
      ))}
    </ol>
  );
}

/** The file input of the "choose" step, with its label and hint. */
export function ImportFileField(props: {
  label: string;
  hint: string;
  accept: string;
  onChange: (file: File | null) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <p className="hint">{props.hint}</p>
      <input
        id={id}
        type="file"
        accept={props.accept}
        required
        onChange={(e) => props.onChange(e.target.files?.[0] ?? null)}
      />
    </div>
  );
}

/** A wizard step after "choose": a card whose heading takes the focus when the step opens. */
export function ImportStepCard(props: {
  id: string;
  title: ReactNode;
  headingRef: RefObject<HTMLHeadingElement | null>;
  children: ReactNode;
}) {
  return (
    <section className="card" aria-labelledby={props.id}>
      <h2 id={props.id} ref={props.headingRef} tabIndex={-1}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

/** The "running" step: the import job's progress, until it ends (then `onDone`). */
export function ImportRunningStep(props: {
  title: string;
  jobId: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onDone: (job: JobView) => void;
}) {
  return (
    <ImportStepCard id="running-title" headingRef={props.headingRef} title={props.title}>
      <JobProgress jobId={props.jobId} onDone={props.onDone} />
    </ImportStepCard>
  );
}

/**
 * The "done" step: finished or not completed (the body says what happened), a link back to the
 * list and a button to import another file.
 */
export function ImportDoneStep(props: {
  succeeded: boolean;
  doneTitle: string;
  failedTitle: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  back: ReactNode;
  onRestart: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <ImportStepCard
      id="done-title"
      headingRef={props.headingRef}
      title={props.succeeded ? props.doneTitle : props.failedTitle}
    >
      {props.children}
      <div className="actions">
        {props.back}
        <button type="button" className="button button-secondary" onClick={props.onRestart}>
          {t('importWizard.another')}
        </button>
      </div>
    </ImportStepCard>
  );
}

/** The dry run's figures (rows, new, updated, problems…), as a description list. */
export function ImportStats({ items }: { items: { label: string; value: number; testId?: string }[] }) {
  return (
    <dl className="stats">
      {items.map((s) => (
        <div key={s.label}>
          <dt>{s.label}</dt>
          <dd data-testid={s.testId}>{s.value}</dd>
        </div>
      ))}
    </dl>
  );
}

const col = createColumnHelper<ImportRowError>();

/**
 * The report's outcome: the problems (an alert, the table by line, column and reason, and a
 * button to choose a corrected file) or, when there are none, "valid" and the confirm button.
 */
export function ImportReportOutcome(props: {
  errors: ImportRowError[];
  errorCount: number;
  /** The text(s) of the error alert. */
  errorText: ReactNode;
  commitLabel: string;
  commitDisabled: boolean;
  onCommit: () => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const columns = [
    col.accessor('line', { header: t('importWizard.line') }),
    col.accessor('column', { header: t('importWizard.column'), cell: (c) => c.getValue() || '—' }),
    col.accessor('reason', { header: t('importWizard.reason'), enableSorting: false }),
  ];
  if (props.errorCount > 0) {
    return (
      <>
        <Alert kind="error">{props.errorText}</Alert>
        <DataTable
          data={props.errors}
          columns={columns}
          caption={t('importWizard.errorsCaption')}
          rowKey={(e) => `${e.line}-${e.column}-${e.reason}`}
        />
        <div className="actions">
          <button type="button" className="button" onClick={props.onRestart}>
            {t('importWizard.chooseAnother')}
          </button>
        </div>
      </>
    );
  }
  return (
    <>
      <Alert kind="success">
        <p>{t('importWizard.ready')}</p>
      </Alert>
      <div className="actions">
        <button type="button" className="button" onClick={props.onCommit} disabled={props.commitDisabled}>
          {props.commitLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={props.onRestart}>
          {t('common.cancel')}
        </button>
      </div>
    </>
  );
}
