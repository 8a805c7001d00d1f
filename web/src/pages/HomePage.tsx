import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AuditPage, api, type Membership, type Notification } from '../api.ts';
import { ActivityList } from '../components/audit.tsx';
import { ErrorMessage, Loading, PageTitle, Section, useFormat } from '../components/ui.tsx';
import { useSignedIn } from '../session.ts';

export function HomePage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const f = useFormat();
  const activity = useQuery({
    queryKey: ['audit', 'home'],
    queryFn: () => api<AuditPage>('/audit?limit=20'),
  });
  const notes = useQuery({
    queryKey: ['notifications', 'home'],
    queryFn: () => api<{ items: Notification[]; unread: number }>('/notifications?unread=true&limit=5'),
  });
  const memberships = useQuery({
    queryKey: ['memberships'],
    queryFn: () => api<{ items: Membership[] }>('/memberships'),
    enabled: !me.abilities.readOnly,
  });
  const others = (memberships.data?.items ?? []).filter((m) => m.user_id !== me.user.id);
  const toEndorse = others.filter((m) => m.abilities.endorse).length;
  const toApprove = others.filter((m) => m.abilities.approve).length;
  const org = me.organisation;
  return (
    <>
      <PageTitle title={t('home.title')}>{t('home.welcome', { name: me.user.displayName })}</PageTitle>
      {(toEndorse > 0 || toApprove > 0) && (
        <div className="alert alert-info waiting">
          <p>
            <strong>{t('home.waiting')}</strong>{' '}
            {toEndorse > 0 && (
              <Link to="/memberships">{t('memberships.toEndorse', { count: toEndorse })}</Link>
            )}
            {toEndorse > 0 && toApprove > 0 && ' · '}
            {toApprove > 0 && (
              <Link to="/memberships">{t('memberships.toApprove', { count: toApprove })}</Link>
            )}
          </p>
        </div>
      )}
      <div className="grid grid-2">
        <Section title={t('home.myOrganisation')}>
          <p className="big">
            <Link to={`/organisations/${org.id}`}>{org.name}</Link>
          </p>
          <dl className="facts">
            <div>
              <dt>{t('organisations.code')}</dt>
              <dd>{org.code}</dd>
            </div>
            <div>
              <dt>{t('organisations.type')}</dt>
              <dd>{t(`orgTypes.${org.type}`)}</dd>
            </div>
            <div>
              <dt>{t('home.myRoles')}</dt>
              <dd>{me.roles.length ? me.roles.map((r) => t(`roles.${r}`)).join(', ') : t('home.noRoles')}</dd>
            </div>
          </dl>
        </Section>
        <Section
          title={t('home.myNetworks')}
          actions={
            <Link to="/networks" className="button button-secondary button-small">
              {t('home.allNetworks')}
            </Link>
          }
        >
          {me.networks.length === 0 ? (
            <p className="muted">{t('home.noNetworks')}</p>
          ) : (
            <ul className="link-list">
              {me.networks.map((n) => (
                <li key={n.id}>
                  <Link to={`/networks/${n.id}`}>{n.name}</Link>
                  <span className={`pill pill-role-${n.role}`}>{t(`networkRoles.${n.role}`)}</span>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section
          title={t('home.unread', { count: notes.data?.unread ?? 0 })}
          actions={
            <Link to="/notifications" className="button button-secondary button-small">
              {t('home.allNotifications')}
            </Link>
          }
        >
          {notes.isLoading ? (
            <Loading />
          ) : notes.error ? (
            <ErrorMessage error={notes.error} />
          ) : notes.data?.items.length ? (
            <ul className="link-list">
              {notes.data.items.map((n) => (
                <li key={n.id}>
                  {n.record_kind === 'announcement' && n.record_id ? (
                    <Link to={`/registry/announcement/${n.record_id}`}>
                      {n.summary || t('notifications.unquoted')}
                    </Link>
                  ) : (
                    <span>{n.summary || t('notifications.unquoted')}</span>
                  )}
                  <span className="muted">{f.dateTime(n.created_at)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('home.noUnread')}</p>
          )}
        </Section>
        <Section
          title={t('home.recentActivity')}
          actions={
            <Link to="/audit" className="button button-secondary button-small">
              {t('home.fullAudit')}
            </Link>
          }
        >
          {activity.isLoading ? (
            <Loading />
          ) : activity.error ? (
            <ErrorMessage error={activity.error} />
          ) : (
            <ActivityList events={activity.data?.items ?? []} />
          )}
        </Section>
      </div>
    </>
  );
}
