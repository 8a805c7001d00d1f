import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { ErrorMessage, SelectField, useFormat, useNotice } from '../components/ui.tsx';
import { useSignedIn } from '../session.ts';
import { useRegistryLabels } from './labels.ts';
import type { Kind, RecordDetail } from './types.ts';

/**
 * Comments and feedback from readers (other administrations included) and, where the kind's
 * definition names the button (`interest`), registering interest (e.g. joint procurement).
 */
export function CommentsPanel({ kind, record }: { kind: Kind; record: RecordDetail }) {
  const { t } = useTranslation();
  const l = useRegistryLabels();
  const f = useFormat();
  const qc = useQueryClient();
  const notice = useNotice();
  const bodyId = useId();
  const [body, setBody] = useState('');
  const [type, setType] = useState<'comment' | 'feedback'>('comment');
  const interestLabel = kind.interest ? l.text(kind.interest) : undefined;
  const me = useSignedIn();
  const alreadyInterested = record.comments.some(
    (c) => c.kind === 'interest' && c.organisation === me.organisation.code,
  );
  const post = useMutation({
    mutationFn: (v: { kind: 'comment' | 'feedback' | 'interest'; body: string }) =>
      api(`/registry/${kind.name}/${record.id}/comments`, { method: 'POST', body: v }),
    onSuccess: (_d, v) => {
      notice('success', t(`registry.comments.posted.${v.kind}`));
      setBody('');
      void qc.invalidateQueries({ queryKey: ['registry', 'detail', kind.name, record.id] });
    },
  });
  return (
    <>
      {record.comments.length === 0 ? (
        <p className="muted">{t('registry.comments.none')}</p>
      ) : (
        <ul className="comment-list">
          {record.comments.map((c) => (
            <li key={c.id}>
              <p className="muted">
                <strong>{t(`registry.comments.kind.${c.kind}`)}</strong> · {c.author} ({c.organisation}) ·{' '}
                <time dateTime={c.created_at}>{f.dateTime(c.created_at)}</time>
              </p>
              <p className="prewrap">{c.body}</p>
            </li>
          ))}
        </ul>
      )}
      {record.abilities.comment && (
        <>
          {interestLabel && !record.abilities.restrictedFields && !alreadyInterested && (
            <div className="actions">
              <button
                type="button"
                className="button"
                disabled={post.isPending}
                onClick={() => post.mutate({ kind: 'interest', body: t('registry.comments.interestBody') })}
              >
                {interestLabel}
              </button>
            </div>
          )}
          <form
            className="stack"
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              if (body.trim()) post.mutate({ kind: type, body: body.trim() });
            }}
          >
            <SelectField
              label={t('registry.comments.type')}
              value={type}
              onChange={(e) => setType(e.target.value as 'comment' | 'feedback')}
            >
              <option value="comment">{t('registry.comments.kind.comment')}</option>
              <option value="feedback">{t('registry.comments.kind.feedback')}</option>
            </SelectField>
            <div className="field">
              <label htmlFor={bodyId}>{t('registry.comments.body')}</label>
              <textarea id={bodyId} maxLength={5000} value={body} onChange={(e) => setBody(e.target.value)} />
            </div>
            <div className="actions">
              <button
                type="submit"
                className="button button-secondary"
                disabled={!body.trim() || post.isPending}
              >
                {t('registry.comments.post')}
              </button>
            </div>
          </form>
        </>
      )}
      <ErrorMessage error={post.error} />
    </>
  );
}
