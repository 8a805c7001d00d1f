import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../api.ts';
import { JobProgress, type JobView } from '../components/JobProgress.tsx';
import { ErrorMessage, Loading, SelectField, TextField, useFormat } from '../components/ui.tsx';
import type { Version, VersionDiff } from './types.ts';

interface LoadResult {
  created: boolean;
  rescreen: { raised: number; reopened: number } | null;
}

const show = (v: unknown) => (v === null || v === undefined ? '—' : JSON.stringify(v));

function Diff({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data, error, isLoading } = useQuery({
    queryKey: ['screening', 'diff', id],
    queryFn: () => api<VersionDiff>(`/screening/lists/${id}/diff`),
  });
  if (isLoading) return <Loading />;
  if (error) return <ErrorMessage error={error} />;
  if (!data) return null;
  return (
    <div className="screening-diff">
      <p>
        {t('screening.lists.diffSummary', {
          added: data.added.length,
          removed: data.removed.length,
          amended: data.amended.length,
          unchanged: data.unchanged,
        })}
      </p>
      {data.added.length > 0 && (
        <>
          <h4>{t('screening.lists.added')}</h4>
          <ul>
            {data.added.map((e) => (
              <li key={e.id}>
                + {e.name} ({e.id})
              </li>
            ))}
          </ul>
        </>
      )}
      {data.removed.length > 0 && (
        <>
          <h4>{t('screening.lists.removed')}</h4>
          <ul>
            {data.removed.map((e) => (
              <li key={e.id}>
                − {e.name} ({e.id})
              </li>
            ))}
          </ul>
        </>
      )}
      {data.amended.length > 0 && (
        <>
          <h4>{t('screening.lists.amended')}</h4>
          <ul>
            {data.amended.map((e) => (
              <li key={e.id}>
                ~ {e.name} ({e.id})
                <ul>
                  {e.changes.map((c) => (
                    <li key={c.field}>
                      {t('screening.lists.fieldChange', {
                        field: c.field,
                        before: show(c.before),
                        after: show(c.after),
                      })}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function LoadVersion() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [listId, setListId] = useState('demo');
  const [format, setFormat] = useState('ftm-jsonl');
  const [label, setLabel] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const m = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.append('file', file!);
      return api<{ jobId: string }>(
        `/screening/lists/upload${qs({ listId, format, label, demo: listId === 'demo' ? 'true' : 'false' })}`,
        { form },
      );
    },
    onSuccess: (r) => {
      setResult(null);
      setJobId(r.jobId);
    },
  });
  const [result, setResult] = useState<JobView | null>(null);
  const onDone = useCallback(
    (j: JobView) => {
      setResult(j);
      void qc.invalidateQueries({ queryKey: ['screening'] });
    },
    [qc],
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file && label.trim()) m.mutate();
  };
  return (
    <form onSubmit={submit} className="screening-form" aria-labelledby="load-version">
      <h3 id="load-version">{t('screening.lists.loadTitle')}</h3>
      <TextField
        label={t('screening.lists.listId')}
        value={listId}
        onChange={(e) => setListId(e.target.value)}
        required
      />
      <SelectField
        label={t('screening.lists.format')}
        value={format}
        onChange={(e) => setFormat(e.target.value)}
      >
        {['un-xml', 'eu-fsf-xml', 'eu-833-csv', 'ftm-jsonl', 'us-csl-csv', 'bis-dpl-tsv'].map((x) => (
          <option key={x} value={x}>
            {x}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('screening.lists.label')}
        value={label}
        onChange={(e) => setLabel(e.target.value)}
        required
      />
      <div className="field">
        <label htmlFor="screening-list-file">{t('screening.lists.file')}</label>
        <input id="screening-list-file" type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={!file || !label.trim() || m.isPending}>
          {t('screening.lists.load')}
        </button>
      </div>
      {m.error && <ErrorMessage error={m.error} />}
      {jobId && <JobProgress key={jobId} jobId={jobId} onDone={onDone} />}
      {result?.state === 'succeeded' && (
        <p aria-live="polite">
          {(result.result as LoadResult).created
            ? t('screening.lists.loaded', {
                raised: (result.result as LoadResult).rescreen?.raised ?? 0,
                reopened: (result.result as LoadResult).rescreen?.reopened ?? 0,
              })
            : t('screening.lists.unchanged')}
        </p>
      )}
    </form>
  );
}

/** List versions (global reference data) with a diff view; platform administrators load new versions. */
export function ListsSection({ canLoad }: { canLoad: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [open, setOpen] = useState<string | null>(null);
  const { data, error, isLoading } = useQuery({
    queryKey: ['screening', 'lists'],
    queryFn: () => api<{ versions: Version[] }>('/screening/lists'),
  });
  return (
    <section aria-labelledby="screening-lists">
      <h2 id="screening-lists">{t('screening.lists.title')}</h2>
      {isLoading && <Loading />}
      {error && <ErrorMessage error={error} />}
      <table>
        <caption>{t('screening.lists.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('screening.lists.list')}</th>
            <th scope="col">{t('screening.lists.version')}</th>
            <th scope="col">{t('screening.lists.entries')}</th>
            <th scope="col">{t('screening.lists.loadedAt')}</th>
            <th scope="col">{t('screening.lists.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {data?.versions.map((v) => (
            <tr key={v.id}>
              <td>
                {v.listId}
                {v.isDemo && <span className="screening-demo-badge"> {t('screening.demoBadge')}</span>}
              </td>
              <td>{v.label}</td>
              <td>{f.number(v.entryCount)}</td>
              <td>{f.dateTime(v.loadedAt)}</td>
              <td>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  aria-expanded={open === v.id}
                  onClick={() => setOpen(open === v.id ? null : v.id)}
                >
                  {t('screening.lists.showChanges', { label: v.label })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {open && <Diff id={open} />}
      {canLoad && <LoadVersion />}
    </section>
  );
}
