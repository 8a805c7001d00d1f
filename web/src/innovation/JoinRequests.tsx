import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { Alert, ErrorMessage, Loading, SelectField, TextArea, useFormat } from '../components/ui.tsx';
import { useCodeList } from '../registry/hooks.ts';

interface JoinRequestList {
  items: {
    id: string;
    role: string;
    message: string;
    status: 'pending' | 'approved' | 'declined';
    created_at: string;
    decision_note: string | null;
    organisation: string;
    requestedBy: { id: string; name: string };
    abilities: { read: boolean; decide: boolean };
  }[];
  abilities: { request: boolean; requestRefusal: string | null };
}

/** Requests to join one common initiative: ask to join (other administrations), approve or decline (the lead). */
export function JoinRequests({ initiativeId }: { initiativeId: string }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const key = ['innovation-join-requests', initiativeId];
  const roles = useCodeList('common_initiative_role').data?.codes ?? [];
  const roleLabel = (code: string) => {
    const c = roles.find((r) => r.code === code);
    return c ? (c.labels[i18n.language] ?? c.labels.en ?? code) : code;
  };
  const q = useQuery({
    queryKey: key,
    queryFn: () => api<JoinRequestList>(`/innovation/common/${initiativeId}/join-requests`),
  });
  const [role, setRole] = useState('partner');
  const [message, setMessage] = useState('');
  const [sent, setSent] = useState(false);
  const ask = useMutation({
    mutationFn: () =>
      api(`/innovation/common/${initiativeId}/join-requests`, {
        method: 'POST',
        body: { role, ...(message.trim() ? { message } : {}) },
      }),
    onSuccess: () => {
      setSent(true);
      void qc.invalidateQueries({ queryKey: key });
    },
  });
  const decide = useMutation({
    mutationFn: (v: { id: string; decision: 'approve' | 'decline' }) =>
      api(`/innovation/join-requests/${v.id}/decision`, { method: 'POST', body: { decision: v.decision } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: key });
      void qc.invalidateQueries({ queryKey: ['innovation-overview'] });
    },
  });
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorMessage error={q.error} />;
  return (
    <div className="innovation-join">
      {q.data.items.length === 0 ? (
        <p>{t('innovation.join.none')}</p>
      ) : (
        <ul>
          {q.data.items.map((r) => (
            <li key={r.id}>
              {t('innovation.join.by', {
                name: r.requestedBy.name,
                organisation: r.organisation,
                role: roleLabel(r.role),
              })}{' '}
              — {t(`innovation.join.${r.status}`)} ({f.date(r.created_at)}){r.message && <q>{r.message}</q>}
              {r.abilities.decide && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button"
                    disabled={decide.isPending}
                    onClick={() => decide.mutate({ id: r.id, decision: 'approve' })}
                  >
                    {t('innovation.join.approve')}
                  </button>{' '}
                  <button
                    type="button"
                    className="button secondary"
                    disabled={decide.isPending}
                    onClick={() => decide.mutate({ id: r.id, decision: 'decline' })}
                  >
                    {t('innovation.join.decline')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage error={decide.error ?? ask.error} />
      {sent && <Alert kind="success">{t('innovation.join.requested')}</Alert>}
      {q.data.abilities.request && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            ask.mutate();
          }}
        >
          <SelectField
            label={t('innovation.join.role')}
            value={role}
            onChange={(e) => setRole(e.target.value)}
          >
            {roles.map((r) => (
              <option key={r.code} value={r.code}>
                {roleLabel(r.code)}
              </option>
            ))}
          </SelectField>
          <TextArea
            label={t('innovation.join.message')}
            value={message}
            maxLength={2000}
            onChange={(e) => setMessage(e.target.value)}
          />
          <button type="submit" className="button" disabled={ask.isPending}>
            {t('innovation.join.request')}
          </button>
        </form>
      )}
    </div>
  );
}
