import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type Notification } from '../api.ts';
import { ErrorMessage, Loading, PageTitle, useFormat, useNotice } from '../components/ui.tsx';
import { DigestPreference } from './DigestPreference.tsx';

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
                {n.record_kind === 'announcement' && n.record_id ? (
                  <Link to={`/registry/announcement/${n.record_id}`}>
                    {n.summary || t('notifications.unquoted')}
                  </Link>
                ) : n.record_kind === 'job' && n.record_id ? (
                  <Link to={`/jobs/${n.record_id}`}>
                    {t(
                      `jobs.notice.${n.kind === 'job.succeeded' ? 'succeeded' : n.kind === 'job.cancelled' ? 'cancelled' : 'failed'}`,
                      {
                        what: n.summary,
                      },
                    )}
                  </Link>
                ) : n.record_kind && n.record_id ? (
                  <Link to={`/registry/${n.record_kind}/${n.record_id}`}>
                    {n.summary || t('notifications.unquoted')}
                  </Link>
                ) : (
                  <span>{n.summary || t('notifications.unquoted')}</span>
                )}
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
