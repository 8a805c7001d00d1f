import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, useFormat } from '../components/ui.tsx';
import { FieldValue } from './FieldValue.tsx';
import { useRegistryLabels } from './labels.ts';
import type { HistoryEntry, Kind } from './types.ts';

/** The data of every version, rebuilt from the per-version changes the API sends. */
export function snapshots(history: HistoryEntry[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  let cur: Record<string, unknown> = {};
  for (const h of history) {
    cur = { ...cur };
    for (const [k, c] of Object.entries(h.changes)) {
      if (c.after === null || c.after === undefined) delete cur[k];
      else cur[k] = c.after;
    }
    out.push(cur);
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Every version kept, and a field-by-field comparison of any two of them. */
export function HistoryPanel({ kind, history }: { kind: Kind; history: HistoryEntry[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const l = useRegistryLabels();
  const last = history.length;
  const [from, setFrom] = useState(Math.max(1, last - 1));
  const [to, setTo] = useState(last);
  const snaps = snapshots(history);
  const a = snaps[from - 1] ?? {};
  const b = snaps[to - 1] ?? {};
  const changed = kind.fields.filter((fd) => !same(a[fd.name], b[fd.name]));
  return (
    <>
      <ol className="history-list">
        {history.map((h) => (
          <li key={h.version}>
            <strong>{t('registry.history.version', { version: h.version })}</strong> ·{' '}
            {t(`registry.status.${h.status}`)} · {h.changedBy} ·{' '}
            <time dateTime={h.changedAt}>{f.dateTime(h.changedAt)}</time>
            {h.note && <span className="muted"> — {h.note}</span>}
            <span className="muted">
              {' '}
              ({t('registry.history.fieldsChanged', { count: Object.keys(h.changes).length })})
            </span>
          </li>
        ))}
      </ol>
      {last > 1 && (
        <>
          <h3>{t('registry.history.compare')}</h3>
          <div className="inline-fields">
            <SelectField
              label={t('registry.history.from')}
              value={from}
              onChange={(e) => setFrom(Number(e.target.value))}
            >
              {history.map((h) => (
                <option key={h.version} value={h.version}>
                  {t('registry.history.version', { version: h.version })}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('registry.history.to')}
              value={to}
              onChange={(e) => setTo(Number(e.target.value))}
            >
              {history.map((h) => (
                <option key={h.version} value={h.version}>
                  {t('registry.history.version', { version: h.version })}
                </option>
              ))}
            </SelectField>
          </div>
          {changed.length === 0 ? (
            <p>{t('registry.history.noDifference')}</p>
          ) : (
            <div className="table-wrap">
              <table className="diff-table">
                <caption>{t('registry.history.diffCaption', { from, to })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('registry.history.field')}</th>
                    <th scope="col">{t('registry.history.versionShort', { version: from })}</th>
                    <th scope="col">{t('registry.history.versionShort', { version: to })}</th>
                  </tr>
                </thead>
                <tbody>
                  {changed.map((fd) => (
                    <tr key={fd.name}>
                      <th scope="row">{l.field(fd)}</th>
                      <td className="before">
                        <FieldValue kind={kind.name} name={fd.name} spec={fd} value={a[fd.name]} />
                      </td>
                      <td className="after">
                        <FieldValue kind={kind.name} name={fd.name} spec={fd} value={b[fd.name]} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}
