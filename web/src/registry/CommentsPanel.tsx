import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentionablePerson, ThreadPost } from '../../../src/contract/thread-posts.ts';
import { api } from '../api.ts';
import { ErrorMessage, SelectField, useFormat, useNotice } from '../components/ui.tsx';
import { useSignedIn } from '../session.ts';
import { useRegistryLabels } from './labels.ts';
import { MentionPicker } from './MentionPicker.tsx';
import type { Kind, RecordDetail } from './types.ts';

type PostKind = 'comment' | 'feedback' | 'interest';

function useRefreshRecord(kind: Kind, record: RecordDetail) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['registry', 'detail', kind.name, record.id] });
}

/**
 * The record's thread: comments and feedback from readers (other administrations included),
 * replies (one level: a reply to a reply joins the thread of the post it answers), mentions of
 * people who may read the record, editing and withdrawing one's own posts, hiding a post (the
 * network's coordinators), following the thread; and, where the kind's definition names the
 * button (`interest`), registering interest. What each may do comes from the API's abilities.
 */
export function CommentsPanel({ kind, record }: { kind: Kind; record: RecordDetail }) {
  const { t } = useTranslation();
  const l = useRegistryLabels();
  const interestLabel = kind.interest ? l.text(kind.interest) : undefined;
  const me = useSignedIn();
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const alreadyInterested = record.comments.some(
    (c) => c.kind === 'interest' && c.organisation === me.organisation.code,
  );
  const top = record.comments.filter((c) => !c.parent_id);
  const repliesTo = (id: string) => record.comments.filter((c) => c.parent_id === id);
  return (
    <>
      {record.thread?.subscribe && <FollowToggle kind={kind} record={record} />}
      {record.comments.length === 0 ? (
        <p className="muted">{t('registry.comments.none')}</p>
      ) : (
        <ul className="comment-list" aria-label={t('registry.thread.thread')}>
          {top.map((p) => {
            const replies = repliesTo(p.id);
            return (
              <li key={p.id} id={`post-${p.id}`}>
                <Post kind={kind} record={record} post={p} onReply={() => setReplyTo(p.id)} />
                {replies.length > 0 && (
                  <ul
                    className="comment-list replies"
                    aria-label={t('registry.thread.replies', { author: p.author })}
                  >
                    {replies.map((r) => (
                      <li key={r.id} id={`post-${r.id}`}>
                        <Post kind={kind} record={record} post={r} onReply={() => setReplyTo(p.id)} />
                      </li>
                    ))}
                  </ul>
                )}
                {replyTo === p.id && (
                  <Composer
                    kind={kind}
                    record={record}
                    parent={p}
                    onDone={() => setReplyTo(null)}
                    onCancel={() => setReplyTo(null)}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {record.abilities.comment && (
        <>
          {interestLabel && !record.abilities.restrictedFields && !alreadyInterested && (
            <InterestButton kind={kind} record={record} label={interestLabel} />
          )}
          <Composer kind={kind} record={record} />
        </>
      )}
    </>
  );
}

function InterestButton({ kind, record, label }: { kind: Kind; record: RecordDetail; label: string }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const refresh = useRefreshRecord(kind, record);
  const post = useMutation({
    mutationFn: () =>
      api(`/registry/${kind.name}/${record.id}/comments`, {
        method: 'POST',
        body: { kind: 'interest', body: t('registry.comments.interestBody') },
      }),
    onSuccess: () => {
      notice('success', t('registry.comments.posted.interest'));
      void refresh();
    },
  });
  return (
    <div className="actions">
      <button type="button" className="button" disabled={post.isPending} onClick={() => post.mutate()}>
        {label}
      </button>
      <ErrorMessage error={post.error} />
    </div>
  );
}

function FollowToggle({ kind, record }: { kind: Kind; record: RecordDetail }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const refresh = useRefreshRecord(kind, record);
  const subscribed = record.thread.subscribed;
  const toggle = useMutation({
    mutationFn: () =>
      api(`/registry/${kind.name}/${record.id}/subscription`, {
        method: 'PUT',
        body: { subscribed: !subscribed },
      }),
    onSuccess: () => {
      notice('success', t(subscribed ? 'registry.thread.left' : 'registry.thread.followed'));
      void refresh();
    },
  });
  return (
    <div className="actions">
      <p className="muted">{t(subscribed ? 'registry.thread.following' : 'registry.thread.notFollowing')}</p>
      <button
        type="button"
        className="button button-secondary button-small"
        aria-pressed={subscribed}
        disabled={toggle.isPending}
        onClick={() => toggle.mutate()}
      >
        {t('registry.thread.follow')}
      </button>
      <ErrorMessage error={toggle.error} />
    </div>
  );
}

/** One post: who and when, its text (or why it is not shown), its mentions and what the caller may do. */
function Post({
  kind,
  record,
  post,
  onReply,
}: {
  kind: Kind;
  record: RecordDetail;
  post: ThreadPost;
  onReply: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const notice = useNotice();
  const refresh = useRefreshRecord(kind, record);
  const [mode, setMode] = useState<'view' | 'edit' | 'withdraw' | 'hide'>('view');
  const [reason, setReason] = useState('');
  const reasonId = useId();
  const url = `/registry/${kind.name}/${record.id}/comments/${post.id}`;
  const act = useMutation({
    mutationFn: (v: { action: 'withdraw' | 'hide' }) =>
      api(`${url}/${v.action}`, {
        method: 'POST',
        body: v.action === 'hide' ? { reason: reason.trim() } : {},
      }),
    onSuccess: (_d, v) => {
      notice(
        'success',
        t(v.action === 'hide' ? 'registry.thread.hiddenDone' : 'registry.thread.withdrawnDone'),
      );
      setMode('view');
      void refresh();
    },
  });
  return (
    <article aria-label={t('registry.thread.by', { author: post.author, organisation: post.organisation })}>
      <p className="muted">
        <strong>{t(`registry.comments.kind.${post.kind}`)}</strong> · {post.author} ({post.organisation}) ·{' '}
        <time dateTime={post.created_at}>{f.dateTime(post.created_at)}</time>
        {post.edited_at && <> · {t('registry.thread.edited')}</>}
      </p>
      {post.withdrawn_at ? (
        <p className="muted">{t('registry.thread.withdrawn')}</p>
      ) : post.hidden && post.body === null ? (
        <p className="muted">{t('registry.thread.hidden')}</p>
      ) : mode === 'edit' ? (
        <Composer
          kind={kind}
          record={record}
          editing={post}
          onDone={() => setMode('view')}
          onCancel={() => setMode('view')}
        />
      ) : (
        <>
          {post.hidden && (
            <p className="muted">{t('registry.thread.hiddenReason', { reason: post.hidden.reason ?? '' })}</p>
          )}
          <p className="prewrap">{post.body}</p>
        </>
      )}
      {mode === 'view' && (
        <div className="actions">
          {post.abilities.reply && record.abilities.comment && (
            <button type="button" className="button button-secondary button-small" onClick={onReply}>
              {t('registry.thread.replyTo', { author: post.author })}
            </button>
          )}
          {post.abilities.edit && (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => setMode('edit')}
            >
              {t('registry.thread.edit')}
            </button>
          )}
          {post.abilities.withdraw && (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => setMode('withdraw')}
            >
              {t('registry.thread.withdraw')}
            </button>
          )}
          {post.abilities.hide && (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => setMode('hide')}
            >
              {t('registry.thread.hide')}
            </button>
          )}
        </div>
      )}
      {mode === 'withdraw' && (
        <div className="actions">
          <p role="alert">{t('registry.thread.withdrawConfirm')}</p>
          <button
            type="button"
            className="button button-danger button-small"
            disabled={act.isPending}
            onClick={() => act.mutate({ action: 'withdraw' })}
          >
            {t('registry.thread.withdraw')}
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => setMode('view')}
          >
            {t('registry.thread.cancel')}
          </button>
        </div>
      )}
      {mode === 'hide' && (
        <form
          className="stack"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            if (reason.trim().length >= 3) act.mutate({ action: 'hide' });
          }}
        >
          <div className="field">
            <label htmlFor={reasonId}>{t('registry.thread.hideReason')}</label>
            <input
              id={reasonId}
              required
              minLength={3}
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <div className="actions">
            <button
              type="submit"
              className="button button-small"
              disabled={reason.trim().length < 3 || act.isPending}
            >
              {t('registry.thread.hideSubmit')}
            </button>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => setMode('view')}
            >
              {t('registry.thread.cancel')}
            </button>
          </div>
        </form>
      )}
      <ErrorMessage error={act.error} />
    </article>
  );
}

/** Writes a post: a new one (with its type), a reply to `parent`, or a change of `editing`. */
function Composer({
  kind,
  record,
  parent,
  editing,
  onDone,
  onCancel,
}: {
  kind: Kind;
  record: RecordDetail;
  parent?: ThreadPost;
  editing?: ThreadPost;
  onDone?: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const notice = useNotice();
  const refresh = useRefreshRecord(kind, record);
  const bodyId = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState(editing?.body ?? '');
  const [type, setType] = useState<'comment' | 'feedback'>('comment');
  const [mentions, setMentions] = useState<MentionablePerson[]>(
    editing ? editing.mentions.map((m) => ({ id: m.id, name: m.name, organisation: '' })) : [],
  );
  useEffect(() => {
    if (parent || editing) area.current?.focus();
  }, [parent, editing]);
  const post = useMutation({
    mutationFn: (v: { kind: PostKind; body: string }) =>
      editing
        ? api(`/registry/${kind.name}/${record.id}/comments/${editing.id}`, {
            method: 'PATCH',
            body: { body: v.body, mentions: mentions.map((m) => m.id) },
          })
        : api(`/registry/${kind.name}/${record.id}/comments`, {
            method: 'POST',
            body: {
              ...v,
              ...(parent ? { parentId: parent.id } : {}),
              ...(mentions.length ? { mentions: mentions.map((m) => m.id) } : {}),
            },
          }),
    onSuccess: (_d, v) => {
      notice('success', editing ? t('registry.thread.saved') : t(`registry.comments.posted.${v.kind}`));
      setBody('');
      setMentions([]);
      void refresh();
      onDone?.();
    },
  });
  const label = parent
    ? t('registry.thread.replyTo', { author: parent.author })
    : t('registry.comments.body');
  return (
    <form
      className="stack"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        if (body.trim()) post.mutate({ kind: parent || editing ? 'comment' : type, body: body.trim() });
      }}
    >
      {!parent && !editing && (
        <SelectField
          label={t('registry.comments.type')}
          value={type}
          onChange={(e) => setType(e.target.value as 'comment' | 'feedback')}
        >
          <option value="comment">{t('registry.comments.kind.comment')}</option>
          <option value="feedback">{t('registry.comments.kind.feedback')}</option>
        </SelectField>
      )}
      <div className="field">
        <label htmlFor={bodyId}>{label}</label>
        <textarea
          ref={area}
          id={bodyId}
          maxLength={5000}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
      </div>
      <MentionPicker
        kind={kind.name}
        recordId={record.id}
        value={mentions}
        onChange={(people, added) => {
          setMentions(people);
          if (added && !body.includes(`@${added.name}`))
            setBody((b) => `${b}${b && !/\s$/.test(b) ? ' ' : ''}@${added.name} `);
        }}
      />
      <div className="actions">
        <button type="submit" className="button button-secondary" disabled={!body.trim() || post.isPending}>
          {editing
            ? t('registry.thread.save')
            : parent
              ? t('registry.thread.postReply')
              : t('registry.comments.post')}
        </button>
        {onCancel && (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('registry.thread.cancel')}
          </button>
        )}
      </div>
      <ErrorMessage error={post.error} />
    </form>
  );
}
