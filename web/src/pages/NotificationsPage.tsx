import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type Notification } from '../api.ts';
import { useSentence } from '../components/sentence.tsx';
import { ErrorMessage, Loading, PageTitle, useFormat, useNotice } from '../components/ui.tsx';
import { DigestPreference } from './DigestPreference.tsx';

/** Where a notification leads: its job, the memberships, or its registry record (announcements included). */
export function notificationLink(n: Notification): string | null {
  if (!n.record_kind || !n.record_id) return null;
  if (n.record_kind === 'job') return `/jobs/${n.record_id}`;
  if (n.record_kind === 'membership') return '/memberships';
  return `/registry/${n.record_kind}/${n.record_id}`;
}

/**
 * A notification as a sentence from the module that writes its kind ("Interest registered — FR:
 * …"), as a link to what it is about; an older kind no module declares shows its summary.
 */
export function NotificationText({ notification: n }: { notification: Notification }) {
  const { t } = useTranslation();
  const sentence = useSentence();
  const text = n.sentence ? sentence(n.sentence) : n.summary || t('notifications.unquoted');
  const link = notificationLink(n);
  return link ? <Link to={link}>{text}</Link> : <span>{text}</span>;
}

export function NotificationsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const notice = useNotice();
  const qc = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const q = useQuery({
    queryKey: ['notifications', 'page', unreadOnly],
    queryFn: () =>
      api<{ items: Notification[]; unread: number }>(
        `/notifications?limit=200${unreadOnly ? '&unread=true' : ''}`,
      ),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['notifications'] });
  const readOne = useMutation({
    mutationFn: (id: string) => api(`/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: refresh,
  });
  const readAll = useMutation({
    mutationFn: () => api('/notifications/read-all', { method: 'POST' }),
    onSuccess: () => {
      notice('success', t('notifications.allRead'));
      void refresh();
    },
  });
  return (
    <>
      <PageTitle>{t('notifications.title')}</PageTitle>
      <div className="table-toolbar">
        <label className="checkbox">
          <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} />
          {t('notifications.unreadOnly')}
        </label>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => readAll.mutate()}
          disabled={!q.data?.unread}
        >
          {t('notifications.markAllRead')}
        </button>
      </div>
      <ErrorMessage error={readAll.error ?? readOne.error} />
      {q.isLoading ? (
        <Loading />
      ) : q.error ? (
        <ErrorMessage error={q.error} />
      ) : q.data!.items.length === 0 ? (
        <p className="muted">{t('notifications.none')}</p>
      ) : (
        <ul className="notification-list">
          {q.data!.items.map((n) => (
            <li key={n.id} className={n.read_at ? 'read' : 'unread'}>
              <div>
                {!n.read_at && <span className="pill pill-new">{t('notifications.new')}</span>}{' '}
                <NotificationText notification={n} />
                <p className="muted">
                  <time dateTime={n.created_at}>{f.dateTime(n.created_at)}</time>
                </p>
              </div>
              {!n.read_at && (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => readOne.mutate(n.id)}
                >
                  {t('notifications.markRead')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <DigestPreference />
    </>
  );
}
