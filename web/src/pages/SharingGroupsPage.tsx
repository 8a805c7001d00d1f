import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type OrganisationRow } from '../api.ts';
import {
  ErrorMessage,
  fieldErrorsOf,
  Loading,
  PageTitle,
  Section,
  TextArea,
  TextField,
  useNotice,
} from '../components/ui.tsx';

interface SharingGroup {
  id: string;
  name: string;
  description: string;
  members: { id: string; code: string; name: string }[];
  includesMe: boolean;
}

function CreateGroup() {
  const { t } = useTranslation();
  const notice = useNotice();
  const qc = useQueryClient();
  const orgs = useQuery({
    queryKey: ['organisations', ''],
    queryFn: () => api<{ items: OrganisationRow[] }>('/organisations'),
  });
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const m = useMutation({
    mutationFn: () =>
      api('/sharing-groups', {
        body: { name: name.trim(), description: description.trim(), organisationIds: [...chosen] },
      }),
    onSuccess: () => {
      notice('success', t('sharingGroups.created', { name }));
      setName('');
      setDescription('');
      setChosen(new Set());
      void qc.invalidateQueries({ queryKey: ['sharing-groups'] });
    },
  });
  const fe = fieldErrorsOf(m.error);
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };
  return (
    <form
      className="stack"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        m.mutate();
      }}
    >
      <TextField
        label={t('sharingGroups.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        error={fe.name}
      />
      <TextArea
        label={t('sharingGroups.description')}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        rows={2}
        error={fe.description}
      />
      <fieldset className={`fieldset${fe.organisationIds ? ' field-invalid' : ''}`}>
        <legend>{t('sharingGroups.members', { count: chosen.size })}</legend>
        <p className="hint">{t('sharingGroups.membersHint')}</p>
        <div className="checkbox-grid">
          {(orgs.data?.items ?? []).map((o) => (
            <label key={o.id} className="checkbox">
              <input type="checkbox" checked={chosen.has(o.id)} onChange={() => toggle(o.id)} />
              {o.code} — {o.name}
            </label>
          ))}
        </div>
        {fe.organisationIds && <p className="field-error">{fe.organisationIds}</p>}
      </fieldset>
      <ErrorMessage error={m.error} />
      <div className="actions">
        <button type="submit" className="button" disabled={m.isPending}>
          {t('sharingGroups.create')}
        </button>
      </div>
    </form>
  );
}

/** Named sharing groups of organisations: a distribution of shared records. */
export function SharingGroupsPage() {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['sharing-groups'],
    queryFn: () => api<{ items: SharingGroup[]; abilities: { create: boolean } }>('/sharing-groups'),
  });
  return (
    <>
      <PageTitle>{t('sharingGroups.title')}</PageTitle>
      <p className="lead">{t('sharingGroups.intro')}</p>
      {q.isLoading ? (
        <Loading />
      ) : q.error ? (
        <ErrorMessage error={q.error} />
      ) : (
        <>
          {q.data!.items.length === 0 && <p className="muted">{t('sharingGroups.none')}</p>}
          <div className="grid grid-2">
            {q.data!.items.map((g) => (
              <Section key={g.id} title={g.name}>
                {g.description && <p>{g.description}</p>}
                {g.includesMe && <p className="pill pill-active">{t('sharingGroups.includesMe')}</p>}
                <ul className="chips" aria-label={t('sharingGroups.members', { count: g.members.length })}>
                  {g.members.map((m) => (
                    <li key={m.id} className="chip chip-static" title={m.name}>
                      {m.code}
                    </li>
                  ))}
                </ul>
              </Section>
            ))}
          </div>
          {q.data!.abilities.create && (
            <Section title={t('sharingGroups.createTitle')}>
              <CreateGroup />
            </Section>
          )}
        </>
      )}
    </>
  );
}
