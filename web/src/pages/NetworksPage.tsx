import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type NetworkRow } from '../api.ts';
import { ErrorMessage, Loading, PageTitle } from '../components/ui.tsx';

export function NetworksPage() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['networks'], queryFn: () => api<{ items: NetworkRow[] }>('/networks') });
  return (
    <>
      <PageTitle>{t('networks.title')}</PageTitle>
      <p className="lead">{t('networks.intro')}</p>
      {q.isLoading ? (
        <Loading />
      ) : q.error ? (
        <ErrorMessage error={q.error} />
      ) : (
        <ul className="network-grid">
          {q.data!.items.map((n) => (
            <li key={n.id} className="card network-card">
              <h2>
                <Link to={`/networks/${n.id}`}>{n.name}</Link>
              </h2>
              <p>{n.description}</p>
              <p className="network-meta">
                <span>{t('networks.members', { count: n.member_count })}</span>
                {n.myRole ? (
                  <span className={`pill pill-role-${n.myRole}`}>{t(`networkRoles.${n.myRole}`)}</span>
                ) : (
                  <span className="muted">{t('networks.notMember')}</span>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
