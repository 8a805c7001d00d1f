import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { Alert, ErrorMessage, useFormat, useNotice } from '../components/ui.tsx';
import { FieldValue } from './FieldValue.tsx';
import { useRegistryLabels } from './labels.ts';
import type { Kind, RecordDetail } from './types.ts';

/**
 * A correction of the published record that awaits approval (kinds with approval steps), shown to
 * those the API sends it to (the owner's editors, the proposer, the holders of the steps): who
 * proposed it, their note, the fields it changes against the published version, and — for the
 * proposer — withdraw. Approve and reject are the approval panel's, from the abilities.
 */
export function CorrectionPanel({ kind, record }: { kind: Kind; record: RecordDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const l = useRegistryLabels();
  const qc = useQueryClient();
  const notice = useNotice();
  const withdraw = useMutation({
    mutationFn: () =>
      api(`/registry/${kind.name}/${record.id}/correction/withdraw`, { method: 'POST', body: {} }),
    onSuccess: () => {
      notice('success', t('registry.correction.withdrawn'));
      void qc.invalidateQueries({ queryKey: ['registry'] });
    },
  });
  const p = record.pendingCorrection;
  if (!p) return null;
  const changed = kind.fields.filter((fd) => fd.name in p.changes);
  return (
    <div className="correction" data-testid="pending-correction">
      <Alert kind="info">
        <p>
          {t('registry.correction.awaits', { who: p.proposedBy })}{' '}
          <time dateTime={p.proposedAt}>{f.dateTime(p.proposedAt)}</time>
        </p>
        {p.note && <p>{t('registry.correction.note', { note: p.note })}</p>}
      </Alert>
      <div className="table-wrap">
        <table className="diff-table">
          <caption>{t('registry.correction.diffCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('registry.history.field')}</th>
              <th scope="col">{t('registry.correction.published')}</th>
              <th scope="col">{t('registry.correction.proposed')}</th>
            </tr>
          </thead>
          <tbody>
            {changed.map((fd) => (
              <tr key={fd.name}>
                <th scope="row">{l.field(fd)}</th>
                <td className="before">
                  <FieldValue kind={kind.name} name={fd.name} spec={fd} value={p.changes[fd.name]?.before} />
                </td>
                <td className="after">
                  <FieldValue kind={kind.name} name={fd.name} spec={fd} value={p.changes[fd.name]?.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {record.abilities.withdrawCorrection && (
        <div className="actions">
          <button
            type="button"
            className="button button-secondary"
            disabled={withdraw.isPending}
            onClick={() => withdraw.mutate()}
          >
            {t('registry.correction.withdraw')}
          </button>
        </div>
      )}
      <ErrorMessage error={withdraw.error} />
    </div>
  );
}
