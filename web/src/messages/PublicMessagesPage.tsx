import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { ErrorMessage } from '../components/ui.tsx';

interface PublicMessage {
  id: string;
  type: string;
  embargoAt: string;
  timeZone: string;
  versions: {
    language: string;
    title: string;
    body: string;
    original: boolean;
    late: boolean;
    publishedAt: string;
  }[];
}

/** The public messages (no sign-in): each in every released language, and the link to the Atom feed. */
export function PublicMessagesPage() {
  const { t, i18n } = useTranslation();
  const q = useQuery({
    queryKey: ['messages', 'public'],
    queryFn: () => api<{ messages: PublicMessage[] }>('/messages/public'),
  });
  const when = (m: PublicMessage) =>
    new Intl.DateTimeFormat(i18n.language, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: m.timeZone,
    }).format(new Date(m.embargoAt));
  return (
    <main id="main" className="page">
      <h1>{t('messages.public.title')}</h1>
      <p>{t('messages.public.intro')}</p>
      <p>
        <a href="/api/v1/messages/feed.atom" type="application/atom+xml">
          {t('messages.public.feed')}
        </a>
      </p>
      {q.error ? (
        <ErrorMessage error={q.error} />
      ) : !q.data ? null : q.data.messages.length === 0 ? (
        <p className="muted">{t('messages.public.none')}</p>
      ) : (
        q.data.messages.map((m) => (
          <section key={m.id} className="card" aria-labelledby={`message-${m.id}`}>
            <h2 id={`message-${m.id}`} lang={m.versions[0]?.language}>
              {m.versions[0]?.title}
            </h2>
            <p className="hint">{t('messages.public.released', { when: `${when(m)} (${m.timeZone})` })}</p>
            {m.versions.map((v) => (
              <article key={v.language} lang={v.language}>
                <h3>
                  {v.language.toUpperCase()} · {v.title}
                  {v.late && <span className="pill"> {t('messages.versions.late')}</span>}
                </h3>
                <p>{v.body}</p>
              </article>
            ))}
          </section>
        ))
      )}
    </main>
  );
}
