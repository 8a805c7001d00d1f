import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { ErrorMessage, Section, useNotice } from '../components/ui.tsx';

type Answer = 'yes' | 'no' | 'maybe';
const ANSWERS: Answer[] = ['yes', 'no', 'maybe'];

interface MeetingRsvps {
  counts: Record<Answer, number>;
  mine: Answer | null;
  people: { userId: string; name: string; organisation: string; answer: Answer }[];
  abilities: { rsvp: boolean };
}

/** A meeting's invitation: my answer (yes / no / maybe), the counts and who answered what. */
export function RsvpPanel({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const notice = useNotice();
  const key = ['meetings', 'rsvp', meetingId];
  const q = useQuery({ queryKey: key, queryFn: () => api<MeetingRsvps>(`/meetings/${meetingId}/rsvp`) });
  const [choice, setChoice] = useState<Answer | ''>('');
  const save = useMutation({
    mutationFn: (answer: Answer) =>
      api<MeetingRsvps>(`/meetings/${meetingId}/rsvp`, { method: 'PUT', body: { answer } }),
    onSuccess: (data) => {
      qc.setQueryData(key, data);
      void qc.invalidateQueries({ queryKey: ['calendar'] });
      notice('success', t('meetings.rsvp.saved'));
    },
  });
  const answerWord = (a: Answer) => t(`meetings.rsvp.answer.${a}`);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const answer = choice || q.data?.mine;
    if (answer) save.mutate(answer);
  };
  const d = q.data;
  return (
    <Section title={t('meetings.rsvp.title')}>
      {q.error ? (
        <ErrorMessage error={q.error} />
      ) : !d ? null : (
        <>
          <p className="hint">{t('meetings.rsvp.intro')}</p>
          <p>{t('meetings.rsvp.counts', d.counts)}</p>
          <p aria-live="polite">
            {d.mine ? t('meetings.rsvp.mine', { answer: answerWord(d.mine) }) : t('meetings.rsvp.none')}
          </p>
          {d.abilities.rsvp && (
            <form onSubmit={submit} className="rsvp-form">
              <fieldset className="fieldset">
                <legend>{t('meetings.rsvp.legend')}</legend>
                {ANSWERS.map((a) => (
                  <label key={a} className="checkbox">
                    <input
                      type="radio"
                      name={`rsvp-${meetingId}`}
                      value={a}
                      checked={(choice || d.mine) === a}
                      onChange={() => setChoice(a)}
                    />
                    {answerWord(a)}
                  </label>
                ))}
              </fieldset>
              <button type="submit" className="button" disabled={save.isPending || !(choice || d.mine)}>
                {t('meetings.rsvp.save')}
              </button>
              {save.error && <ErrorMessage error={save.error} />}
            </form>
          )}
          {d.people.length === 0 ? (
            <p className="muted">{t('meetings.rsvp.nobody')}</p>
          ) : (
            <div className="table-wrap">
              <table className="compact">
                <caption>{t('meetings.rsvp.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('meetings.rsvp.person')}</th>
                    <th scope="col">{t('meetings.rsvp.organisation')}</th>
                    <th scope="col">{t('meetings.rsvp.answerColumn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.people.map((p) => (
                    <tr key={p.userId}>
                      <td>{p.name}</td>
                      <td>{p.organisation}</td>
                      <td>{answerWord(p.answer)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </Section>
  );
}
