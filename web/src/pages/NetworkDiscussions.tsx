import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../api.ts';
import {
  ErrorMessage,
  fieldErrorsOf,
  Loading,
  Section,
  TextArea,
  TextField,
  useFormat,
  useNotice,
} from '../components/ui.tsx';
import type { RecordList } from '../registry/types.ts';

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
          <OpenDiscussionForm network={network} />
        </Section>
      )}
    </>
  );
}

function OpenDiscussionForm({ network }: { network: string }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [topic, setTopic] = useState('');
  const [body, setBody] = useState('');
  const m = useMutation({
    mutationFn: () =>
      api<{ id: string }>('/registry/discussion', {
        body: { data: { topic, body, network }, publish: true },
      }),
    onSuccess: (r) => {
      notice('success', t('registry.discussions.opened'));
      void qc.invalidateQueries({ queryKey: ['registry'] });
      navigate(`/registry/discussion/${r.id}`);
    },
  });
  const fe = fieldErrorsOf(m.error);
  return (
    <form
      className="stack"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        m.mutate();
      }}
      noValidate
    >
      <TextField
        label={t('registry.discussions.topic')}
        value={topic}
        onChange={(e) => setTopic(e.target.value)}
        required
        maxLength={200}
        error={fe.topic}
      />
      <TextArea
        label={t('registry.discussions.body')}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        required
        rows={5}
        error={fe.body}
      />
      <ErrorMessage error={m.error} />
      <div className="actions">
        <button type="submit" className="button" disabled={m.isPending}>
          {t('registry.discussions.open')}
        </button>
      </div>
    </form>
  );
}
