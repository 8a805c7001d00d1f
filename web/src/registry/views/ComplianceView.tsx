import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, qs } from '../../api.ts';
import { ErrorMessage, Loading, SelectField, useFormat } from '../../components/ui.tsx';
import { useCodeList, useKinds } from '../hooks.ts';
import { useRegistryLabels } from '../labels.ts';
import type { Kind, RecordList, ViewDef } from '../types.ts';

type Verdict = 'pass' | 'fail' | 'no_data' | 'not_measurable';
interface Requirement {
  req_id: string;
  text: string;
  metric?: string;
  comparison?: 'min' | 'max';
  threshold?: number;
  unit?: string;
}
interface CellResult {
  req_id: string;
  verdict: Verdict;
  value?: number;
  unit?: string;
  converted?: number;
  reason?: string;
}
interface Subject {
  kind: string;
  id: string;
  title: string;
  owner: string;
  results: CellResult[];
  passed: number;
  failed: number;
}
interface Compliance {
  requirementSet: { id: string; title: string; category: string; requirements: Requirement[] };
  subjects: Subject[];
}

const ICON: Record<Verdict, string> = { pass: '✓', fail: '✗', no_data: '?', not_measurable: '–' };

/** A requirement set against the models and field tests of its category: pass, fail or unknown, in words. */
export function ComplianceView({ kind }: { kind: Kind; view: ViewDef }) {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const [params, setParams] = useSearchParams();
  const id = params.get('id') ?? '';
  const sets = useQuery({
    queryKey: ['registry', kind.name, 'list', 'published'],
    queryFn: () =>
      api<RecordList>(`/registry/${kind.name}${qs({ status: 'published', limit: 200, sort: 'title' })}`),
  });
  return (
    <>
      {sets.error ? (
        <ErrorMessage error={sets.error} />
      ) : sets.isLoading ? (
        <Loading />
      ) : (
        <div className="filter-row compliance-pick">
          <SelectField
            label={labels.kind(kind)}
            value={id}
            onChange={(e) => {
              const p = new URLSearchParams(params);
              if (e.target.value) p.set('id', e.target.value);
              else p.delete('id');
              setParams(p, { replace: true });
            }}
          >
            <option value="">{t('registryViews.compliance.choose')}</option>
            {(sets.data?.items ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.title} ({s.owner_org_code})
              </option>
            ))}
          </SelectField>
        </div>
      )}
      {id ? (
        <ComplianceTables kind={kind} id={id} />
      ) : (
        <p className="hint">{t('registryViews.compliance.pickHint')}</p>
      )}
    </>
  );
}

function ComplianceTables({ kind, id }: { kind: Kind; id: string }) {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const fmt = useFormat();
  const kinds = useKinds();
  const units = useCodeList('unit');
  const comparisons = useCodeList('comparison');
  const q = useQuery({
    queryKey: ['registry', kind.name, id, 'compliance'],
    queryFn: () => api<Compliance>(`/registry/${kind.name}/${id}/compliance`),
  });
  if (q.error) return <ErrorMessage error={q.error} />;
  if (q.isLoading || !q.data) return <Loading />;
  const { requirementSet: set, subjects } = q.data;
  const unit = (code?: string) =>
    code
      ? labels.code(
          units.data?.codes.find((c) => c.code === code),
          code,
        )
      : '';
  const threshold = (r: Requirement) =>
    r.comparison && r.threshold !== undefined
      ? `${labels.code(
          comparisons.data?.codes.find((c) => c.code === r.comparison),
          r.comparison,
        )} ${fmt.number(r.threshold)} ${unit(r.unit)}`.trim()
      : t('registryViews.compliance.notMeasurable');
  const groups = [...new Set(subjects.map((s) => s.kind))];
  const kindOf = (name: string) => kinds.data?.kinds.find((k) => k.name === name);

  return (
    <section aria-labelledby="compliance-title">
      <h2 id="compliance-title">{t('registryViews.compliance.title', { title: set.title })}</h2>
      <div className="table-wrap">
        <table>
          <caption>{t('registryViews.compliance.requirements')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('registryViews.compliance.reqId')}</th>
              <th scope="col">{t('registryViews.compliance.reqText')}</th>
              <th scope="col">{t('registryViews.compliance.threshold')}</th>
            </tr>
          </thead>
          <tbody>
            {set.requirements.map((r) => (
              <tr key={r.req_id}>
                <th scope="row">{r.req_id}</th>
                <td>{r.text}</td>
                <td>{threshold(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {groups.length === 0 && <p>{t('registryViews.compliance.noSubjects')}</p>}
      {groups.map((g) => {
        const k = kindOf(g);
        const title = k ? labels.kindPlural(k) : g;
        const rows = subjects.filter((s) => s.kind === g);
        return (
          <div key={g} className="compliance-group">
            <h3>{title}</h3>
            <div className="table-wrap">
              <table className="compliance-table">
                <caption>{t('registryViews.compliance.caption', { kind: title, title: set.title })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('registryViews.compliance.subject')}</th>
                    {set.requirements.map((r) => (
                      <th scope="col" key={r.req_id}>
                        {r.req_id}
                        <span className="req-threshold">{threshold(r)}</span>
                      </th>
                    ))}
                    <th scope="col">{t('registryViews.compliance.summary')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">
                        <Link to={`/registry/${s.kind}/${s.id}`}>{s.title}</Link>{' '}
                        <span className="muted">({s.owner})</span>
                      </th>
                      {set.requirements.map((r) => {
                        const c = s.results.find((x) => x.req_id === r.req_id);
                        const verdict: Verdict = c?.verdict ?? 'no_data';
                        return (
                          <td key={r.req_id} className={`verdict verdict-${verdict}`}>
                            <span className="verdict-word">
                              <span aria-hidden="true">{ICON[verdict]} </span>
                              {t(`registryViews.compliance.verdict.${verdict}`)}
                            </span>
                            {c?.converted !== undefined && (
                              <span className="verdict-value">
                                {fmt.number(c.converted)} {unit(r.unit)}
                                {c.unit && c.unit !== r.unit && (
                                  <span className="muted">
                                    {' '}
                                    {t('registryViews.compare.recordedAs', {
                                      value: `${fmt.number(c.value ?? 0)} ${unit(c.unit)}`,
                                    })}
                                  </span>
                                )}
                              </span>
                            )}
                            {c?.converted === undefined && c?.value !== undefined && (
                              <span className="verdict-value">
                                {fmt.number(c.value)} {unit(c.unit)}
                              </span>
                            )}
                          </td>
                        );
                      })}
                      <td>{t('registryViews.compliance.counts', { passed: s.passed, failed: s.failed })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        );
      })}
    </section>
  );
}
