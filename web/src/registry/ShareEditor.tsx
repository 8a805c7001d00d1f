import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { MarkingFields, type MarkingValue, markingBody, useMarkingRules } from '../components/marking.tsx';
import { ErrorMessage, fieldErrorsOf, useNotice } from '../components/ui.tsx';
import type { Kind, RecordDetail } from './types.ts';

/** Change distribution, TLP and recipients (owning organisation only: the `share` ability). */
export function ShareEditor({ kind, record }: { kind: Kind; record: RecordDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const notice = useNotice();
  const [m, setM] = useState<MarkingValue>({
    distribution: record.distribution,
    sharingGroupId: record.sharing_group_id ?? '',
    tlp: record.tlp,
    recipients: [],
    organisationIds: record.named_org_ids,
  });
  const rules = useMarkingRules();
  const share = useMutation({
    mutationFn: () =>
      api(`/registry/${kind.name}/${record.id}/share`, { method: 'POST', body: markingBody(m, rules) }),
    onSuccess: () => {
      notice('success', t('registry.share.done'));
      void qc.invalidateQueries({ queryKey: ['registry'] });
    },
  });
  return (
    <details className="share-editor">
      <summary>{t('registry.share.title')}</summary>
      <form
        className="stack"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          share.mutate();
        }}
      >
        <MarkingFields value={m} onChange={setM} errors={fieldErrorsOf(share.error)} />
        <ErrorMessage error={share.error} />
        <div className="actions">
          <button type="submit" className="button" disabled={share.isPending}>
            {t('registry.share.save')}
          </button>
        </div>
      </form>
    </details>
  );
}
