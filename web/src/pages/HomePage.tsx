import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AuditPage, api, type HomeTask, type HomeTile, type Notification } from '../api.ts';
import { ActivityList } from '../components/audit.tsx';
import { useSentence } from '../components/sentence.tsx';
import { ErrorMessage, Loading, PageTitle, Section, useFormat } from '../components/ui.tsx';
import { useSignedIn } from '../session.ts';
import { NotificationText } from './NotificationsPage.tsx';
import './home.css';

/** The name of an area: a registry area, or the platform itself. */
function useAreaName() {
  const { t } = useTranslation();
  return (area: string) => (area === 'platform' ? t('home.areaPlatform') : t(`registry.areas.${area}`));
}

/** Tiles and tasks of one area after another, in the order the areas first appear. */
function byArea<T extends { area: string }>(items: readonly T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const x of items) groups.set(x.area, [...(groups.get(x.area) ?? []), x]);
  return [...groups];
}

/** What waits for the user (four-eyes approvals, endorsements, cases, failed jobs), from every module. */
function Tasks({ tasks }: { tasks: readonly HomeTask[] }) {
  const { t } = useTranslation();
  const sentence = useSentence();
  const areaName = useAreaName();
  return (
    <section className="card home-tasks" aria-labelledby="home-tasks">
      <div className="card-header">
        <h2 id="home-tasks">{t('home.waitingTitle')}</h2>
      </div>
      {tasks.length === 0 ? (
        <p className="muted">{t('home.nothingWaiting')}</p>
      ) : (
        <ul className="link-list">
          {tasks.map((x) => (
            <li key={x.id}>
              <Link to={x.link}>{sentence(x.title, { count: x.count })}</Link>
              <span className="muted">{areaName(x.area)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Figures of each area the user may read, grouped by area. */
function Tiles({ tiles }: { tiles: readonly HomeTile[] }) {
  const { t } = useTranslation();
  const sentence = useSentence();
  const areaName = useAreaName();
  const f = useFormat();
  return (
    <section className="home-areas" aria-labelledby="home-areas">
      <h2 id="home-areas">{t('home.byArea')}</h2>
      <div className="grid grid-2">
        {byArea(tiles).map(([area, items]) => (
          <section key={area} className="card" aria-labelledby={`home-area-${area}`}>
            <div className="card-header">
              <h3 id={`home-area-${area}`}>{areaName(area)}</h3>
            </div>
            <ul className="home-tiles">
              {items.map((x) => {
                const label = sentence(x.title);
                return (
                  <li key={x.id}>
                    <span className="home-tile-count">{f.number(x.count)}</span>{' '}
                    {x.link ? <Link to={x.link}>{label}</Link> : <span>{label}</span>}
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}

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
  const home = useQuery({
    queryKey: ['home'],
    queryFn: () => api<{ tiles: HomeTile[]; tasks: HomeTask[] }>('/home'),
  });
  const org = me.organisation;
  return (
    <>
      <PageTitle title={t('home.title')}>{t('home.welcome', { name: me.user.displayName })}</PageTitle>
      {home.isLoading ? (
        <Loading />
      ) : home.error ? (
        <ErrorMessage error={home.error} />
      ) : (
        <Tasks tasks={home.data?.tasks ?? []} />
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
                  <NotificationText notification={n} />
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
      {home.data && home.data.tiles.length > 0 && <Tiles tiles={home.data.tiles} />}
    </>
  );
}
