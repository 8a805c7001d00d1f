import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../api.ts';
import { ErrorMessage, Loading, SelectField, TextArea, useFormat, useNotice } from '../components/ui.tsx';
import type { CaseRow } from './types.ts';

function Decide({ c }: { c: CaseRow }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const notice = useNotice();
  const [reason, setReason] = useState('');
  const [decision, setDecision] = useState<'confirm' | 'dismiss' | null>(null);
  const m = useMutation({
    mutationFn: (d: 'confirm' | 'dismiss') =>
      api(`/screening/cases/${c.id}/decision`, { body: { decision: d, reason } }),
    onSuccess: (_r, d) => {
      notice('success', d === 'confirm' ? t('screening.cases.confirmed') : t('screening.cases.dismissed'));
      void qc.invalidateQueries({ queryKey: ['screening', 'cases'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (decision && reason.trim().length >= 3) m.mutate(decision);
  };
  return (
    <form onSubmit={submit} className="screening-decide">
      <TextArea
        label={t('screening.cases.reason', { party: c.party_name })}
        hint={t('screening.cases.reasonHint')}
        value={reason}
        required
        minLength={3}
        rows={2}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="actions">
        <button
          type="submit"
          className="button"
          onClick={() => setDecision('confirm')}
          disabled={m.isPending || reason.trim().length < 3}
        >
          {t('screening.cases.confirm')}
        </button>
        <button
          type="submit"
          className="button button-secondary"
          onClick={() => setDecision('dismiss')}
          disabled={m.isPending || reason.trim().length < 3}
        >
          {t('screening.cases.dismiss')}
        </button>
      </div>
      {m.error && <ErrorMessage error={m.error} />}
    </form>
  );
}

/** Cases (threshold hits) and the review queue (review-band hits), with confirm/dismiss and a reason. */
export function CasesSection() {
  const { t } = useTranslation();
  const f = useFormat();
  const [state, setState] = useState('pending');
  const { data, error, isLoading } = useQuery({
    queryKey: ['screening', 'cases', state],
    queryFn: () =>
      api<{ items: CaseRow[]; counts: Record<string, number>; threshold: number }>(
        `/screening/cases${qs({ state, limit: 100 })}`,
      ),
  });
  return (
    <section aria-labelledby="screening-cases">
      <h2 id="screening-cases">{t('screening.cases.title')}</h2>
      <SelectField
        label={t('screening.cases.filter')}
        value={state}
        onChange={(e) => setState(e.target.value)}
      >
        {['pending', 'open', 'review', 'confirmed', 'dismissed'].map((s) => (
          <option key={s} value={s}>
            {t(`screening.state.${s}`)} {data?.counts && s !== 'pending' ? `(${data.counts[s] ?? 0})` : ''}
          </option>
        ))}
      </SelectField>
      {isLoading && <Loading />}
      {error && <ErrorMessage error={error} />}
      {data && data.items.length === 0 && <p>{t('screening.cases.none')}</p>}
      <ul className="screening-cases">
        {data?.items.map((c) => (
          <li key={c.id} className="screening-case">
            <h3>{t('screening.cases.pair', { party: c.party_name, entry: c.entity_name })}</h3>
            <p>
              {t(`screening.state.${c.state}`)} ·{' '}
              {t('screening.hits.score', { score: c.score.toFixed(3), threshold: data.threshold.toFixed(2) })}{' '}
              · {c.list_id} {c.entity_id}
              {c.is_demo && <span className="screening-demo-badge"> {t('screening.demoBadge')}</span>}
              {c.raised_count > 1 && <> · {t('screening.cases.reraised', { count: c.raised_count })}</>}
            </p>
            <ul className="screening-explanation">
              {c.explanation.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
            {c.reason && (
              <p>
                {t('screening.cases.decision', {
                  reviewer: c.reviewer ?? '',
                  date: f.dateTime(c.decided_at),
                  reason: c.reason,
                })}
              </p>
            )}
            {c.abilities.decide && (c.state === 'open' || c.state === 'review') && <Decide c={c} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
