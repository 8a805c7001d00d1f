import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api.ts';
import { ErrorMessage, Loading, Section, useFormat } from '../components/ui.tsx';
import type { RecordList } from '../registry/types.ts';
import { NetworkPostForm, type NetworkPostSpec } from './NetworkPostForm.tsx';

/**
 * A network's discussions (the registry kind `discussion`, read through its policy like every
 * list): the latest, each a link to its thread; and, for those who may post in the network, the
 * form that opens one (published at once; its members are notified).
 */
export function NetworkDiscussions({ network, mayOpen }: { network: string; mayOpen: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useQuery({
    queryKey: ['registry', 'discussion', 'network', network],
    queryFn: () =>
      api<RecordList>(
        `/registry/discussion?network=${encodeURIComponent(network)}&sort=-updated_at&limit=20`,
      ),
  });
  return (
    <>
      <Section
        title={t('registry.discussions.title')}
        actions={
          <Link
            to={`/registry/discussion?network=${encodeURIComponent(network)}`}
            className="button button-secondary button-small"
          >
            {t('registry.discussions.all')}
          </Link>
        }
      >
        {list.isLoading ? (
          <Loading />
        ) : list.error ? (
          <ErrorMessage error={list.error} />
        ) : (list.data?.items.length ?? 0) === 0 ? (
          <p className="muted">{t('registry.discussions.none')}</p>
        ) : (
          <ul className="link-list">
            {list.data!.items.map((d) => (
              <li key={d.id}>
                <Link to={`/registry/discussion/${d.id}`}>{d.title}</Link>{' '}
                <span className="muted">
                  ({d.owner_org_code} · <time dateTime={d.updated_at}>{f.dateTime(d.updated_at)}</time>)
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      {mayOpen && (
        <Section title={t('registry.discussions.newTitle')}>
          <NetworkPostForm network={network} spec={DISCUSSION_POST} />
        </Section>
      )}
    </>
  );
}

/** A discussion opened from the network's page (the registry kind `discussion`, the kind's default marking). */
const DISCUSSION_POST: NetworkPostSpec = {
  kind: 'discussion',
  titleField: 'topic',
  labels: {
    title: 'registry.discussions.topic',
    body: 'registry.discussions.body',
    submit: 'registry.discussions.open',
    done: 'registry.discussions.opened',
  },
  bodyRows: 5,
};
