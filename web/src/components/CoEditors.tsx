import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { type Person, RecipientPicker } from './marking.tsx';
import { ErrorMessage, fieldErrorsOf, useNotice } from './ui.tsx';

interface EditorsAnswer {
  items: Person[];
  abilities: { editors: boolean };
}

/**
 * The co-editors of a record (registry records and announcements alike): readers see who edits
 * it; its owner (the `editors` ability) adds and removes people of any administration.
 */
export function CoEditors({ url, onChanged }: { url: string; onChanged?: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const notice = useNotice();
  const q = useQuery({ queryKey: ['editors', url], queryFn: () => api<EditorsAnswer>(url) });
  const save = useMutation({
    mutationFn: (people: Person[]) =>
      api<EditorsAnswer>(url, { method: 'PUT', body: { userIds: people.map((p) => p.id) } }),
    onSuccess: (data) => {
      qc.setQueryData(['editors', url], data);
      notice('success', t('editors.saved'));
      onChanged?.();
    },
  });
  if (!q.data) return <ErrorMessage error={q.error} />;
  const { items, abilities } = q.data;
  if (!abilities.editors)
    return items.length ? (
      <ul className="chips" aria-label={t('editors.title')}>
        {items.map((p) => (
          <li key={p.id} className="chip chip-static">
            {p.display_name} ({p.organisation_code})
          </li>
        ))}
      </ul>
    ) : (
      <p className="muted">{t('editors.none')}</p>
    );
  return (
    <>
      <RecipientPicker
        value={items}
        onChange={(people) => save.mutate(people)}
        error={fieldErrorsOf(save.error).userIds}
        legend={t('editors.title')}
        hint={t('editors.hint')}
        chosenLabel={t('editors.chosen')}
      />
      <ErrorMessage error={save.error} />
    </>
  );
}
