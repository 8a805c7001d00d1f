import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EU_LANGUAGES } from '../../../src/contract/languages.ts';
import { api } from '../api.ts';
import { ErrorMessage, Section, useNotice } from '../components/ui.tsx';
import { PersonPicker } from '../registry/PersonField.tsx';

type State = 'draft' | 'submitted' | 'approved' | 'returned';
interface Person {
  id: string;
  name: string;
  organisation: string;
}
interface Version {
  id: string;
  language: string;
  title: string;
  body: string;
  state: State;
  returnReason: string | null;
  translator: Person;
  reviewer: Person;
  publishedAt: string | null;
  late: boolean;
  abilities: { read: boolean; update: boolean; submit: boolean; approve: boolean; return: boolean };
}
interface Versions {
  versions: Version[];
  abilities: { addVersion: boolean };
}

/** The time left until a moment, in words that update every second (or "passed"). */
function Countdown({ until }: { until: string }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const h = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(h);
  }, []);
  const left = Math.max(0, Date.parse(until) - now);
  if (left === 0) return <p>{t('messages.embargo.passed')}</p>;
  const s = Math.floor(left / 1000);
  return (
    <p>
      {t('messages.embargo.left', {
        days: Math.floor(s / 86_400),
        hours: Math.floor((s % 86_400) / 3600),
        minutes: Math.floor((s % 3600) / 60),
        seconds: s % 60,
      })}
    </p>
  );
}

/** A coordinated message's language versions: who translates and reviews, the state per language, the actions allowed. */
export function VersionsPanel({ messageId, embargoAt }: { messageId: string; embargoAt: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const notice = useNotice();
  const key = ['messages', 'versions', messageId];
  const q = useQuery({ queryKey: key, queryFn: () => api<Versions>(`/messages/${messageId}/versions`) });
  const act = useMutation({
    mutationFn: (a: { id: string; action: 'submit' | 'approve' | 'return'; reason?: string }) =>
      api<Version>(`/messages/versions/${a.id}/${a.action}`, {
        method: 'POST',
        ...(a.action === 'return' ? { body: { reason: a.reason } } : {}),
      }),
    onSuccess: (_v, a) => {
      void qc.invalidateQueries({ queryKey: key });
      notice('success', t(`messages.done.${a.action}`));
    },
  });
  const [reasons, setReasons] = useState<Record<string, string>>({});
  return (
    <Section title={t('messages.versions.title')}>
      <Countdown until={embargoAt} />
      {q.error ? (
        <ErrorMessage error={q.error} />
      ) : !q.data ? null : (
        <>
          {q.data.versions.length === 0 ? (
            <p className="muted">{t('messages.versions.none')}</p>
          ) : (
            <div className="table-wrap">
              <table className="compact">
                <caption>{t('messages.versions.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('messages.versions.language')}</th>
                    <th scope="col">{t('messages.versions.titleColumn')}</th>
                    <th scope="col">{t('messages.versions.translator')}</th>
                    <th scope="col">{t('messages.versions.reviewer')}</th>
                    <th scope="col">{t('messages.versions.state')}</th>
                    <th scope="col">{t('messages.versions.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {q.data.versions.map((v) => (
                    <tr key={v.id}>
                      <td lang={v.language}>{v.language.toUpperCase()}</td>
                      <td lang={v.language}>{v.title}</td>
                      <td>{`${v.translator.name} (${v.translator.organisation})`}</td>
                      <td>{`${v.reviewer.name} (${v.reviewer.organisation})`}</td>
                      <td>
                        {t(`messages.state.${v.state}`)}
                        {v.late && ` · ${t('messages.versions.late')}`}
                        {v.returnReason && v.state === 'returned' && (
                          <span className="hint"> — {v.returnReason}</span>
                        )}
                      </td>
                      <td>
                        {v.abilities.submit && (
                          <button
                            type="button"
                            className="button button-small"
                            onClick={() => act.mutate({ id: v.id, action: 'submit' })}
                          >
                            {t('messages.actions.submit', { language: v.language.toUpperCase() })}
                          </button>
                        )}
                        {v.abilities.approve && (
                          <button
                            type="button"
                            className="button button-small"
                            onClick={() => act.mutate({ id: v.id, action: 'approve' })}
                          >
                            {t('messages.actions.approve', { language: v.language.toUpperCase() })}
                          </button>
                        )}
                        {v.abilities.return && (
                          <span>
                            <label htmlFor={`reason-${v.id}`}>{t('messages.actions.reason')}</label>
                            <input
                              id={`reason-${v.id}`}
                              value={reasons[v.id] ?? ''}
                              onChange={(e) => setReasons({ ...reasons, [v.id]: e.target.value })}
                            />
                            <button
                              type="button"
                              className="button button-secondary button-small"
                              disabled={(reasons[v.id] ?? '').trim().length < 3}
                              onClick={() =>
                                act.mutate({ id: v.id, action: 'return', reason: reasons[v.id] ?? '' })
                              }
                            >
                              {t('messages.actions.return', { language: v.language.toUpperCase() })}
                            </button>
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {act.error && <ErrorMessage error={act.error} />}
          {q.data.abilities.addVersion && (
            <AddVersion messageId={messageId} onAdded={() => qc.invalidateQueries({ queryKey: key })} />
          )}
        </>
      )}
    </Section>
  );
}

function AddVersion({ messageId, onAdded }: { messageId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const [form, setForm] = useState({ language: 'fr', title: '', body: '', translatorId: '', reviewerId: '' });
  const add = useMutation({
    mutationFn: () => api<Version>(`/messages/${messageId}/versions`, { method: 'POST', body: form }),
    onSuccess: () => {
      setForm({ language: 'fr', title: '', body: '', translatorId: '', reviewerId: '' });
      onAdded();
      notice('success', t('messages.done.added'));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={submit} className="stack">
      <h3>{t('messages.add.title')}</h3>
      <label htmlFor="version-language">{t('messages.add.language')}</label>
      <select
        id="version-language"
        value={form.language}
        onChange={(e) => setForm({ ...form, language: e.target.value })}
      >
        {EU_LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {l.toUpperCase()}
          </option>
        ))}
      </select>
      <label htmlFor="version-title">{t('messages.versions.titleColumn')}</label>
      <input
        id="version-title"
        value={form.title}
        onChange={(e) => setForm({ ...form, title: e.target.value })}
      />
      <label htmlFor="version-body">{t('messages.add.body')}</label>
      <textarea
        id="version-body"
        rows={6}
        value={form.body}
        onChange={(e) => setForm({ ...form, body: e.target.value })}
      />
      <label htmlFor="version-translator">{t('messages.versions.translator')}</label>
      <PersonPicker
        id="version-translator"
        value={form.translatorId}
        onChange={(v) => setForm({ ...form, translatorId: v })}
        invalid={false}
      />
      <label htmlFor="version-reviewer">{t('messages.versions.reviewer')}</label>
      <PersonPicker
        id="version-reviewer"
        value={form.reviewerId}
        onChange={(v) => setForm({ ...form, reviewerId: v })}
        invalid={false}
      />
      <p className="hint">{t('messages.add.hint')}</p>
      <button type="submit" className="button" disabled={add.isPending}>
        {t('messages.add.submit')}
      </button>
      {add.error && <ErrorMessage error={add.error} />}
    </form>
  );
}
