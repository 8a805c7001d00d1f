import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api.ts';
import { type Person, RecipientPicker } from '../components/marking.tsx';
import { Alert, ErrorMessage, fieldErrorsOf, useNotice } from '../components/ui.tsx';
import type { Kind, RecordDetail } from './types.ts';

/**
 * Workflow buttons as the record's abilities (from the API) allow: edit/correct, submit (naming
 * reviewers where a step is theirs), publish, retract with a reason. Kinds with approval steps:
 * the person who submitted cannot approve; they are told so (the steps: ApprovalPanel).
 */
export function WorkflowActions({ kind, record }: { kind: Kind; record: RecordDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const notice = useNotice();
  const reasonId = useId();
  const [retracting, setRetracting] = useState(false);
  const [reason, setReason] = useState('');
  const [reviewers, setReviewers] = useState<Person[]>([]);
  const ab = record.abilities;
  const steps = kind.workflow.approval ?? [];
  const namesReviewers = steps.some((s) => s.by === 'named_reviewers');
  const act = useMutation({
    mutationFn: (action: 'submit' | 'publish' | 'retract') =>
      api(`/registry/${kind.name}/${record.id}/${action}`, {
        method: 'POST',
        body:
          action === 'retract'
            ? { note: reason.trim() }
            : action === 'submit' && namesReviewers
              ? { reviewerIds: reviewers.map((p) => p.id) }
              : {},
      }),
    onSuccess: (_d, action) => {
      notice('success', t(`registry.workflow.done.${action}`));
      setRetracting(false);
      setReason('');
      void qc.invalidateQueries({ queryKey: ['registry'] });
    },
  });
  const own = ab.restrictedFields;
  const awaitingOther = steps.length > 0 && record.status === 'submitted' && own && !ab.publish;
  // One step by a colleague (the four-eyes rule) is said as such; longer chains point to the steps.
  const fourEyesOnly = steps.length === 1 && steps[0]!.by === 'owner_org_writer';
  return (
    <div className="workflow">
      {record.status === 'retracted' && record.status_note && (
        <Alert kind="warning">
          <p>{t('registry.workflow.retractedBecause', { reason: record.status_note })}</p>
        </Alert>
      )}
      {record.status === 'draft' && record.status_note && (
        <Alert kind="warning">
          <p>{t('registry.approval.rejectedBecause', { reason: record.status_note })}</p>
        </Alert>
      )}
      {awaitingOther && (
        <Alert kind="info">
          <p data-testid="four-eyes">
            {fourEyesOnly ? t('registry.workflow.fourEyesWaiting') : t('registry.approval.waiting')}
          </p>
        </Alert>
      )}
      {ab.submit && namesReviewers && (
        <RecipientPicker
          value={reviewers}
          onChange={setReviewers}
          error={fieldErrorsOf(act.error).reviewerIds}
          legend={t('registry.approval.reviewers')}
          hint={t('registry.approval.reviewersHint')}
          chosenLabel={t('registry.approval.chosenReviewers')}
        />
      )}
      {kind.workflow.fourEyes && record.status === 'draft' && own && (
        <p className="hint">{t('registry.workflow.fourEyesHint')}</p>
      )}
      {kind.workflow.fourEyes && record.status === 'submitted' && ab.publish && (
        <p className="hint">{t('registry.workflow.approveHint')}</p>
      )}
      <div className="actions">
        {ab.update && !record.pendingCorrection && (
          <Link to={`/registry/${kind.name}/${record.id}/edit`} className="button button-secondary">
            {record.status === 'published' ? t('registry.workflow.correct') : t('registry.workflow.edit')}
          </Link>
        )}
        {ab.submit && (
          <button
            type="button"
            className="button"
            disabled={act.isPending}
            onClick={() => act.mutate('submit')}
          >
            {t('registry.workflow.submit')}
          </button>
        )}
        {ab.publish && (
          <button
            type="button"
            className="button"
            disabled={act.isPending}
            onClick={() => act.mutate('publish')}
          >
            {kind.workflow.fourEyes ? t('registry.workflow.approvePublish') : t('registry.workflow.publish')}
          </button>
        )}
        {ab.retract && !retracting && (
          <button type="button" className="button button-secondary" onClick={() => setRetracting(true)}>
            {t('registry.workflow.retract')}
          </button>
        )}
      </div>
      {retracting && (
        <form
          className="stack"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            if (reason.trim()) act.mutate('retract');
          }}
        >
          <div className="field">
            <label htmlFor={reasonId}>{t('registry.workflow.reason')}</label>
            <textarea
              id={reasonId}
              required
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <div className="actions">
            <button type="submit" className="button" disabled={!reason.trim() || act.isPending}>
              {t('registry.workflow.confirmRetract')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setRetracting(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      <ErrorMessage error={act.error} />
    </div>
  );
}
