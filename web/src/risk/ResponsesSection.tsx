import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecipientAggregate } from '../../../src/contract/risk-sharing.ts';
import { api } from '../api.ts';
import {
  ErrorMessage,
  Loading,
  Section,
  SelectField,
  TextArea,
  TextField,
  useFormat,
} from '../components/ui.tsx';
import { useResponses } from './sharing-hooks.ts';

/** Irregularities and controls per recipient as horizontal bars; the table beside it holds the same figures. */
function AggregateChart({ rows }: { rows: RecipientAggregate[] }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...rows.map((r) => r.controls));
  const h = 22;
  return (
    <svg
      role="img"
      aria-label={t('riskSharing.aggregate.chart', {
        list: rows.map((r) => `${r.organisation_code}: ${r.irregularities}/${r.controls}`).join(', '),
      })}
      viewBox={`0 0 420 ${rows.length * h + 4}`}
      className="risk-sharing-chart"
    >
      {rows.map((r, i) => (
        <g key={r.organisation_code} transform={`translate(0 ${i * h})`}>
          <text x="0" y="15" fontSize="12">
            {r.organisation_code}
          </text>
          <rect x="40" y="4" height="14" width={(r.controls / max) * 360} fill="#9ecae1" />
          <rect x="40" y="4" height="14" width={(r.irregularities / max) * 360} fill="#08519c" />
        </g>
      ))}
    </svg>
  );
}

/** Adoption and control feedback (recipients), and the aggregate per recipient (author, coordinator). */
export function ResponsesSection({ id, published }: { id: string; published: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const { data, isLoading, error } = useResponses(id, published);
  const [adoption, setAdoption] = useState('adopted');
  const [reason, setReason] = useState('');
  const [fb, setFb] = useState({
    from: '',
    to: '',
    controls: '',
    irregularities: '',
    seizures: '',
    revenue: '',
  });
  const [notRelevant, setNotRelevant] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  if (!published) return <p>{t('riskSharing.responses.afterPublication')}</p>;
  if (isLoading) return <Loading />;
  if (error || !data) return <ErrorMessage error={error} />;
  const num = (v: string) => (v === '' ? undefined : Number(v));

  async function send(path: string, body: unknown, what: string) {
    setFailure(null);
    setSaved(null);
    try {
      await api(`/risk-sharing/recommendations/${id}/${path}`, { body });
      setSaved(what);
      await qc.invalidateQueries({ queryKey: ['risk-sharing', 'responses', id] });
    } catch (err) {
      setFailure(err);
    }
  }

  return (
    <>
      {data.abilities.respond && (
        <Section title={t('riskSharing.adoption.title')}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void send(
                'adoption',
                { adoption, ...(reason ? { reason } : {}) },
                t('riskSharing.adoption.saved'),
              );
            }}
          >
            <SelectField
              label={t('riskSharing.adoption.label')}
              value={adoption}
              onChange={(e) => setAdoption(e.target.value)}
            >
              <option value="adopted">{t('riskSharing.adoption.adopted')}</option>
              <option value="adapted">{t('riskSharing.adoption.adapted')}</option>
              <option value="not_adopted">{t('riskSharing.adoption.not_adopted')}</option>
            </SelectField>
            <TextArea
              label={t('riskSharing.adoption.reason')}
              hint={t('riskSharing.adoption.reasonHint')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <div className="actions">
              <button type="submit" className="button">
                {t('riskSharing.adoption.button')}
              </button>
            </div>
          </form>
        </Section>
      )}
      {data.abilities.respond && (
        <Section title={t('riskSharing.feedback.title')}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void send(
                'feedback',
                {
                  periodFrom: fb.from,
                  periodTo: fb.to,
                  controls: num(fb.controls),
                  irregularities: num(fb.irregularities),
                  seizures: num(fb.seizures),
                  revenue: num(fb.revenue),
                  notRelevant,
                },
                t('riskSharing.feedback.saved'),
              );
            }}
          >
            <div className="form-row">
              <TextField
                label={t('riskSharing.feedback.from')}
                type="date"
                required
                value={fb.from}
                onChange={(e) => setFb({ ...fb, from: e.target.value })}
              />
              <TextField
                label={t('riskSharing.feedback.to')}
                type="date"
                required
                value={fb.to}
                onChange={(e) => setFb({ ...fb, to: e.target.value })}
              />
            </div>
            <div className="form-row">
              {(['controls', 'irregularities', 'seizures', 'revenue'] as const).map((k) => (
                <TextField
                  key={k}
                  label={t(`riskSharing.feedback.${k}`)}
                  type="number"
                  min={0}
                  value={fb[k]}
                  onChange={(e) => setFb({ ...fb, [k]: e.target.value })}
                />
              ))}
            </div>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={notRelevant}
                onChange={(e) => setNotRelevant(e.target.checked)}
              />{' '}
              {t('riskSharing.feedback.notRelevant')}
            </label>
            <div className="actions">
              <button type="submit" className="button">
                {t('riskSharing.feedback.button')}
              </button>
            </div>
          </form>
        </Section>
      )}
      {failure !== null && <ErrorMessage error={failure} />}
      {saved && <p role="status">{saved}</p>}
      {data.aggregate && (
        <Section title={t('riskSharing.aggregate.title')}>
          {data.aggregate.length === 0 ? (
            <p>{t('riskSharing.aggregate.none')}</p>
          ) : (
            <>
              <AggregateChart rows={data.aggregate} />
              {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls; the keyboard reaches it */}
              <section className="table-wrap" aria-label={t('riskSharing.aggregate.caption')} tabIndex={0}>
                <table>
                  <caption>{t('riskSharing.aggregate.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('riskSharing.aggregate.administration')}</th>
                      <th scope="col">{t('riskSharing.adoption.label')}</th>
                      <th scope="col">{t('riskSharing.aggregate.reports')}</th>
                      <th scope="col">{t('riskSharing.feedback.controls')}</th>
                      <th scope="col">{t('riskSharing.feedback.irregularities')}</th>
                      <th scope="col">{t('riskSharing.aggregate.hitRate')}</th>
                      <th scope="col">{t('riskSharing.feedback.seizures')}</th>
                      <th scope="col">{t('riskSharing.feedback.revenue')}</th>
                      <th scope="col">{t('riskSharing.aggregate.notRelevant')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.aggregate.map((r) => (
                      <tr key={r.organisation_code}>
                        <th scope="row">{r.organisation_name}</th>
                        <td>
                          {r.adoption ? t(`riskSharing.adoption.${r.adoption}`) : '—'}
                          {r.reason ? ` (${r.reason})` : ''}
                        </td>
                        <td>{fmt.number(r.reports)}</td>
                        <td>{fmt.number(r.controls)}</td>
                        <td>{fmt.number(r.irregularities)}</td>
                        <td>{r.hit_rate === null ? '—' : `${fmt.number(r.hit_rate)} %`}</td>
                        <td>{fmt.number(r.seizures)}</td>
                        <td>{fmt.number(r.revenue)}</td>
                        <td>{fmt.number(r.not_relevant)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            </>
          )}
        </Section>
      )}
      {!data.aggregate && data.items.length > 0 && (
        <Section title={t('riskSharing.responses.mine')}>
          <ul>
            {data.items.map((r) => (
              <li key={r.id}>
                {fmt.date(r.created_at)}:{' '}
                {r.response_type === 'adoption'
                  ? t(`riskSharing.adoption.${r.adoption}`)
                  : t('riskSharing.responses.feedbackLine', {
                      from: r.period_from,
                      to: r.period_to,
                      controls: r.controls ?? 0,
                      irregularities: r.irregularities ?? 0,
                    })}
              </li>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}
