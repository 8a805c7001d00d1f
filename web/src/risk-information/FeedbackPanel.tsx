import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FEEDBACK_RESULTS,
  FEEDBACK_USEFULNESS,
  type FeedbackList,
  type FeedbackResult,
  type FeedbackUsefulness,
} from '../../../src/contract/risk-information.ts';
import { api } from '../api.ts';
import { ErrorMessage, Section, useNotice } from '../components/ui.tsx';

/**
 * A risk information's receipts and feedback: a recipient administration confirms receipt and
 * reports on its controls (control performed, result, usefulness); the author's administration
 * sees every recipient's answer. The STIX 2.1 download of the record is offered beside it.
 */
export function FeedbackPanel({ recordId, canExport }: { recordId: string; canExport: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const notice = useNotice();
  const key = ['risk-information', 'feedback', recordId];
  const q = useQuery({
    queryKey: key,
    queryFn: () => api<FeedbackList>(`/risk-information/${recordId}/feedback`),
  });
  const [performed, setPerformed] = useState(true);
  const [result, setResult] = useState<FeedbackResult>('no_irregularity');
  const [usefulness, setUsefulness] = useState<FeedbackUsefulness>('useful');
  const [comment, setComment] = useState('');
  const onSuccess = (data: FeedbackList) => {
    qc.setQueryData(key, data);
    notice('success', t('riskInformation.feedback.saved'));
  };
  const receipt = useMutation({
    mutationFn: () => api<FeedbackList>(`/risk-information/${recordId}/receipt`, { method: 'PUT' }),
    onSuccess,
  });
  const send = useMutation({
    mutationFn: () =>
      api<FeedbackList>(`/risk-information/${recordId}/feedback`, {
        method: 'PUT',
        body: { controlPerformed: performed, result: performed ? result : null, usefulness, comment },
      }),
    onSuccess,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate();
  };
  const d = q.data;
  return (
    <Section title={t('riskInformation.feedback.title')}>
      {canExport && (
        <p>
          <a
            href={`/api/v1/stix/risk-information/${recordId}`}
            download={`risk-information-${recordId}.stix.json`}
          >
            {t('riskInformation.feedback.stix')}
          </a>
        </p>
      )}
      {q.error ? (
        <ErrorMessage error={q.error} />
      ) : !d ? null : (
        <>
          {d.abilities.respond && (
            <>
              <p className="hint">{t('riskInformation.feedback.intro')}</p>
              <button
                type="button"
                className="button"
                disabled={receipt.isPending}
                onClick={() => receipt.mutate()}
              >
                {t('riskInformation.feedback.confirmReceipt')}
              </button>
              {receipt.error && <ErrorMessage error={receipt.error} />}
              <form onSubmit={submit} className="stack">
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={performed}
                    onChange={(e) => setPerformed(e.target.checked)}
                  />
                  {t('riskInformation.feedback.controlPerformed')}
                </label>
                {performed && (
                  <label>
                    {t('riskInformation.feedback.result')}
                    <select value={result} onChange={(e) => setResult(e.target.value as FeedbackResult)}>
                      {FEEDBACK_RESULTS.map((r) => (
                        <option key={r} value={r}>
                          {t(`riskInformation.feedback.results.${r}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
                <label>
                  {t('riskInformation.feedback.usefulness')}
                  <select
                    value={usefulness}
                    onChange={(e) => setUsefulness(e.target.value as FeedbackUsefulness)}
                  >
                    {FEEDBACK_USEFULNESS.map((u) => (
                      <option key={u} value={u}>
                        {t(`riskInformation.feedback.usefulnessValues.${u}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('riskInformation.feedback.comment')}
                  <textarea value={comment} maxLength={2000} onChange={(e) => setComment(e.target.value)} />
                </label>
                <button type="submit" className="button" disabled={send.isPending}>
                  {t('riskInformation.feedback.send')}
                </button>
                {send.error && <ErrorMessage error={send.error} />}
              </form>
            </>
          )}
          {d.items.length === 0 ? (
            <p className="muted">{t('riskInformation.feedback.none')}</p>
          ) : (
            <div className="table-wrap">
              <table className="compact">
                <caption>{t('riskInformation.feedback.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('riskInformation.feedback.administration')}</th>
                    <th scope="col">{t('riskInformation.feedback.received')}</th>
                    <th scope="col">{t('riskInformation.feedback.result')}</th>
                    <th scope="col">{t('riskInformation.feedback.usefulness')}</th>
                    <th scope="col">{t('riskInformation.feedback.comment')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((i) => (
                    <tr key={i.organisation.id}>
                      <td>{i.organisation.name}</td>
                      <td>{new Date(i.receivedAt).toLocaleDateString()}</td>
                      <td>
                        {!i.feedback
                          ? t('riskInformation.feedback.pending')
                          : i.feedback.controlPerformed && i.feedback.result
                            ? t(`riskInformation.feedback.results.${i.feedback.result}`)
                            : t('riskInformation.feedback.notControlled')}
                      </td>
                      <td>
                        {i.feedback
                          ? t(`riskInformation.feedback.usefulnessValues.${i.feedback.usefulness}`)
                          : ''}
                      </td>
                      <td>{i.feedback?.comment ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </Section>
  );
}
