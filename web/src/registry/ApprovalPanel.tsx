import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { ErrorMessage, useFormat, useNotice } from '../components/ui.tsx';
import type { ApprovalView, Kind, RecordDetail } from './types.ts';

type Step = ApprovalView['steps'][number];

/** Who decides a step, in the reader's language. */
export function useStepWords() {
  const { t } = useTranslation();
  return (s: Pick<Step, 'by' | 'network' | 'role' | 'organisation'>) =>
    t(`registry.approval.by.${s.by}`, {
      network: s.network ?? '',
      role: s.role ? t(`roles.${s.role}`) : '',
      organisation:
        s.organisation === 'owner' ? t('registry.approval.owningAdministration') : (s.organisation ?? ''),
    });
}

/**
 * The approval of a record (kinds with approval steps): the steps in order with where the record
 * stands, the rounds of decisions (for the owning administration, co-editors and approvers), and
 * approve / reject as the record's abilities allow. The last step's approval is the workflow's
 * "Approve and publish" button.
 */
export function ApprovalPanel({ kind, record }: { kind: Kind; record: RecordDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const notice = useNotice();
  const words = useStepWords();
  const reasonId = useId();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const url = `/registry/${kind.name}/${record.id}/approval`;
  const q = useQuery({
    queryKey: ['registry', 'approval', kind.name, record.id, record.status, record.updated_at],
    queryFn: () => api<ApprovalView>(url),
  });
  const decide = useMutation({
    mutationFn: (what: 'approve' | 'reject') =>
      api(`/registry/${kind.name}/${record.id}/${what}`, {
        method: 'POST',
        body: what === 'reject' ? { reason: reason.trim() } : {},
      }),
    onSuccess: (_d, what) => {
      notice(
        'success',
        t(v?.correction ? `registry.correction.done.${what}` : `registry.approval.done.${what}`),
      );
      setRejecting(false);
      setReason('');
      void qc.invalidateQueries({ queryKey: ['registry'] });
    },
  });
  const v = q.data;
  if (!v) return <ErrorMessage error={q.error} />;
  const ab = record.abilities;
  const last = v.rounds.find((r) => r.decisions.length > 0);
  return (
    <div className="approval">
      <ol className="approval-steps">
        {v.steps.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the steps are a fixed, ordered list
          <li key={i} className={`approval-step approval-${s.state}`}>
            <span className="approval-state">{t(`registry.approval.state.${s.state}`)}</span>{' '}
            {t('registry.approval.step', { n: i + 1, who: words(s) })}
          </li>
        ))}
      </ol>
      {last && (
        <ul className="approval-decisions" aria-label={t('registry.approval.decisions')}>
          {last.decisions.map((d) => (
            <li key={`${last.round}-${d.step}`}>
              {t(`registry.approval.decision.${d.decision}`, {
                n: d.step + 1,
                who: `${d.approver} (${d.organisation})`,
              })}{' '}
              · <time dateTime={d.decided_at}>{f.dateTime(d.decided_at)}</time>
              {d.comment && <q className="approval-comment">{d.comment}</q>}
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        {ab.approve && !ab.publish && (
          <button
            type="button"
            className="button"
            disabled={decide.isPending}
            onClick={() => decide.mutate('approve')}
          >
            {v.correction && v.steps.findIndex((s) => s.state === 'waiting') === v.steps.length - 1
              ? t('registry.correction.approveApply')
              : t('registry.approval.approve')}
          </button>
        )}
        {ab.reject && !rejecting && (
          <button type="button" className="button button-secondary" onClick={() => setRejecting(true)}>
            {t('registry.approval.reject')}
          </button>
        )}
      </div>
      {rejecting && (
        <form
          className="stack"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            if (reason.trim()) decide.mutate('reject');
          }}
        >
          <div className="field">
            <label htmlFor={reasonId}>
              {t(v.correction ? 'registry.correction.reason' : 'registry.approval.reason')}
            </label>
            <textarea
              id={reasonId}
              required
              maxLength={2000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <div className="actions">
            <button type="submit" className="button" disabled={!reason.trim() || decide.isPending}>
              {t(v.correction ? 'registry.correction.confirmReject' : 'registry.approval.confirmReject')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setRejecting(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      <ErrorMessage error={decide.error} />
    </div>
  );
}
