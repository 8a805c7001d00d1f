import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { FileField } from '../components/FileField.tsx';
import { JobProgress } from '../components/JobProgress.tsx';
import { ErrorMessage, Loading, Section, TextField, useFormat } from '../components/ui.tsx';
import { appendDialect, DETECT, type DialectChoice, FileDialectFields } from './FileDialectFields.tsx';
import { rememberedJob, rememberJob, useDatasets } from './hooks.ts';
import { type MappingProposal, ROLES } from './types.ts';

/** The declaration histories: list, and upload with the mapping editor (the engine's proposal shown). */
export function DatasetsSection({ canChange }: { canChange: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const { data, isLoading, error } = useDatasets();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [proposal, setProposal] = useState<MappingProposal | null>(null);
  const [columns, setColumns] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [dialect, setDialect] = useState<DialectChoice>(DETECT);
  const [jobId, setJobId] = useState<string | null>(() => rememberedJob('upload'));

  async function propose(e: React.FormEvent) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setFailure(null);
    try {
      const form = new FormData();
      appendDialect(form, dialect);
      form.append('file', file);
      const p = await api<MappingProposal>('/risk/mapping-proposal', { form });
      setProposal(p);
      setColumns(p.mapping.columns);
      if (!name) setName(file.name.replace(/\.[^.]+$/, ''));
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  }

  async function upload() {
    if (!file || !proposal) return;
    setBusy(true);
    setFailure(null);
    try {
      const form = new FormData();
      form.append('name', name || file.name);
      form.append('mapping', JSON.stringify({ format: 'eucab-risk-mapping', version: 1, columns }));
      appendDialect(form, dialect);
      form.append('file', file);
      const r = await api<{ jobId: string }>('/risk/datasets', { form });
      rememberJob('upload', r.jobId);
      setJobId(r.jobId);
      setProposal(null);
      setFile(null);
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  }

  const onDone = useCallback(() => {
    rememberJob('upload', null);
    void qc.invalidateQueries({ queryKey: ['risk', 'datasets'] });
  }, [qc]);

  const histories = (data?.items ?? []).filter((d) => d.purpose === 'history');
  const reasons = new Map(proposal?.inferred.map((i) => [i.column, i]) ?? []);
  return (
    <Section title={t('risk.datasets.title')}>
      {isLoading && <Loading />}
      {error && <ErrorMessage error={error} />}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('risk.datasets.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('risk.datasets.name')}</th>
              <th scope="col">{t('risk.datasets.rows')}</th>
              <th scope="col">{t('risk.datasets.frauds')}</th>
              <th scope="col">{t('risk.datasets.period')}</th>
              <th scope="col">{t('risk.datasets.uploaded')}</th>
            </tr>
          </thead>
          <tbody>
            {histories.length === 0 && (
              <tr>
                <td colSpan={5} className="empty">
                  {t('risk.datasets.none')}
                </td>
              </tr>
            )}
            {histories.map((d) => (
              <tr key={d.id}>
                <td>
                  {d.name}
                  {d.is_demo && <span className="pill"> {t('risk.demo')}</span>}
                </td>
                <td>{fmt.number(d.row_count)}</td>
                <td>{fmt.number(d.positives)}</td>
                <td>
                  {fmt.date(d.date_from)} – {fmt.date(d.date_to)}
                </td>
                <td>{fmt.date(d.created_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canChange && (
        <>
          <h3>{t('risk.datasets.upload')}</h3>
          <form onSubmit={propose}>
            <FileField
              label={t('risk.datasets.file')}
              hint={t('risk.datasets.fileHint')}
              accept=".csv,.tsv,.jsonl,.ndjson,.gz,text/csv"
              onChange={(f) => {
                setFile(f);
                setProposal(null);
              }}
            />
            <FileDialectFields value={dialect} onChange={setDialect} />
            <div className="actions">
              <button type="submit" className="button button-secondary" disabled={!file || busy}>
                {t('risk.datasets.propose')}
              </button>
            </div>
          </form>
          {failure !== null && <ErrorMessage error={failure} />}
          {proposal && (
            <div className="risk-mapping">
              <TextField
                label={t('risk.datasets.name')}
                value={name}
                onChange={(e) => setName(e.target.value)}
                required
              />
              {proposal.dialect && (
                <p>
                  {t('riskFiles.dialect.detected')}: {proposal.dialect.notes.join('; ')}
                </p>
              )}
              {proposal.uncertain.length > 0 && <p className="hint">{t('riskFiles.mapping.uncertain')}</p>}
              <div className="table-wrap">
                <table>
                  <caption>{t('risk.mapping.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('risk.mapping.column')}</th>
                      <th scope="col">{t('risk.mapping.sample')}</th>
                      <th scope="col">{t('risk.mapping.role')}</th>
                      <th scope="col">{t('risk.mapping.proposed')}</th>
                      <th scope="col">{t('riskFiles.mapping.confidence')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {proposal.header.map((col, i) => (
                      <tr key={col}>
                        <th scope="row">{col}</th>
                        <td>
                          {proposal.sample
                            .slice(0, 2)
                            .map((r) => r[i] ?? '')
                            .join(' · ')}
                        </td>
                        <td>
                          <select
                            aria-label={t('risk.mapping.roleOf', { column: col })}
                            value={columns[col] ?? 'ignore'}
                            onChange={(e) => setColumns({ ...columns, [col]: e.target.value })}
                          >
                            {ROLES.map((r) => (
                              <option key={r} value={r}>
                                {t(`risk.roles.${r}`)}
                              </option>
                            ))}
                          </select>
                        </td>
                        <td>
                          {t(`risk.roles.${reasons.get(col)?.role ?? 'ignore'}`)}
                          <span className="hint"> — {reasons.get(col)?.reason}</span>
                        </td>
                        <td>
                          {fmt.number(reasons.get(col)?.confidence ?? 0)}
                          {proposal.uncertain.includes(col) && (
                            <strong className="pill"> {t('riskFiles.mapping.review')}</strong>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div className="actions">
                <button type="button" className="button" disabled={busy} onClick={() => void upload()}>
                  {t('risk.datasets.validate')}
                </button>
              </div>
            </div>
          )}
          {jobId && <JobProgress key={jobId} jobId={jobId} onDone={onDone} />}
        </>
      )}
    </Section>
  );
}
