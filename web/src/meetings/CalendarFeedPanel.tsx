import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { Alert, ErrorMessage, Section, useFormat } from '../components/ui.tsx';

interface FeedStatus {
  active: boolean;
  createdAt: string | null;
  lastUsedAt: string | null;
}

/**
 * My calendar subscription link: create (shown once), replace, revoke. The server keeps only its
 * hash; the link works without a session and carries what I may read at each update.
 */
export function CalendarFeedPanel() {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const id = useId();
  const key = ['meetings', 'calendar-feed'];
  const status = useQuery({ queryKey: key, queryFn: () => api<FeedStatus>('/account/calendar-feed') });
  const [url, setUrl] = useState<string | null>(null);
  const [revoked, setRevoked] = useState(false);
  const create = useMutation({
    mutationFn: () => api<FeedStatus & { url: string }>('/account/calendar-feed', { method: 'POST' }),
    onSuccess: (data) => {
      setUrl(data.url);
      setRevoked(false);
      qc.setQueryData(key, data);
    },
  });
  const revoke = useMutation({
    mutationFn: () => api('/account/calendar-feed', { method: 'DELETE' }),
    onSuccess: () => {
      setUrl(null);
      setRevoked(true);
      void qc.invalidateQueries({ queryKey: key });
    },
  });
  const s = status.data;
  return (
    <Section title={t('meetings.feed.title')}>
      <p className="hint">{t('meetings.feed.intro')}</p>
      {status.error && <ErrorMessage error={status.error} />}
      {s && (
        <p aria-live="polite">
          {s.active ? t('meetings.feed.active', { date: f.dateTime(s.createdAt) }) : t('meetings.feed.none')}
          {s.active && s.lastUsedAt && (
            <> {t('meetings.feed.lastUsed', { date: f.dateTime(s.lastUsedAt) })}</>
          )}
        </p>
      )}
      {revoked && <Alert kind="success">{t('meetings.feed.revoked')}</Alert>}
      {url && (
        <Alert kind="success">
          <p>{t('meetings.feed.created')}</p>
          <div className="field">
            <label htmlFor={id}>{t('meetings.feed.linkLabel')}</label>
            <input id={id} type="text" readOnly value={url} onFocus={(e) => e.target.select()} />
          </div>
          <p className="hint">{t('meetings.feed.keepSecret')}</p>
        </Alert>
      )}
      <div className="actions">
        <button type="button" className="button" disabled={create.isPending} onClick={() => create.mutate()}>
          {s?.active ? t('meetings.feed.replace') : t('meetings.feed.create')}
        </button>
        {s?.active && (
          <button
            type="button"
            className="button button-secondary"
            disabled={revoke.isPending}
            onClick={() => revoke.mutate()}
          >
            {t('meetings.feed.revoke')}
          </button>
        )}
      </div>
      {(create.error || revoke.error) && <ErrorMessage error={create.error ?? revoke.error} />}
    </Section>
  );
}
