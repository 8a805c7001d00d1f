import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../api.ts';
import { ErrorMessage, Loading, PageTitle, Section, TextField } from '../components/ui.tsx';
import { useSharedRecord } from './sharing-hooks.ts';
import './risk.css';

interface Indicator {
  role: string;
  operator: string;
  value: string;
  table?: string;
}

/** A common risk factor: its indicators, and "turn into a rule" (a published risk rule of mine). */
export function FactorPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { data: f, isLoading, error } = useSharedRecord('risk_factor', id);
  const [ruleId, setRuleId] = useState('');
  const [weight, setWeight] = useState('1');
  const [mandatory, setMandatory] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [made, setMade] = useState<{ ruleId: string; rule_id: string } | null>(null);
  if (isLoading) return <Loading />;
  if (error || !f) return <ErrorMessage error={error} />;
  const indicators = (f.data.indicators as Indicator[] | undefined) ?? [];

  async function turn(e: React.FormEvent) {
    e.preventDefault();
    setFailure(null);
    try {
      setMade(
        await api<{ ruleId: string; rule_id: string }>(`/risk-sharing/factors/${id}/rule`, {
          body: { ...(ruleId ? { ruleId } : {}), weight: Number(weight), mandatory },
        }),
      );
    } catch (err) {
      setFailure(err);
    }
  }

  return (
    <>
      <p>
        <Link to="/registry/risk_factor">{t('riskSharing.factors')}</Link>
      </p>
      <PageTitle>{f.title}</PageTitle>
      <p>
        <Link to={`/registry/risk_factor/${id}`}>{t('riskSharing.openRecord')}</Link>
      </p>
      <Section title={t('riskSharing.indicators')}>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('riskSharing.role')}</th>
                <th scope="col">{t('riskSharing.operator')}</th>
                <th scope="col">{t('riskSharing.value')}</th>
              </tr>
            </thead>
            <tbody>
              {indicators.map((i, n) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: indicators have no id; their order is the record's
                <tr key={n}>
                  <td>{i.role}</td>
                  <td>{i.operator}</td>
                  <td>
                    {i.value}
                    {i.table ? ` (${i.table})` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
      <Section title={t('riskSharing.toRule.title')}>
        <p>{t('riskSharing.toRule.intro')}</p>
        <form onSubmit={turn}>
          <div className="form-row">
            <TextField
              label={t('riskSharing.toRule.ruleId')}
              hint={t('riskSharing.toRule.ruleIdHint')}
              value={ruleId}
              onChange={(e) => setRuleId(e.target.value)}
            />
            <TextField
              label={t('riskSharing.toRule.weight')}
              type="number"
              step="0.1"
              min={-10}
              max={10}
              value={weight}
              onChange={(e) => setWeight(e.target.value)}
            />
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={mandatory} onChange={(e) => setMandatory(e.target.checked)} />{' '}
            {t('riskSharing.toRule.mandatory')}
          </label>
          <div className="actions">
            <button type="submit" className="button">
              {t('riskSharing.toRule.button')}
            </button>
          </div>
        </form>
        {failure !== null && <ErrorMessage error={failure} />}
        {made && (
          <p role="status">
            {t('riskSharing.toRule.done', { rule: made.rule_id })}{' '}
            <Link to={`/registry/risk_rule/${made.ruleId}`}>{t('riskSharing.toRule.open')}</Link>
          </p>
        )}
      </Section>
    </>
  );
}
