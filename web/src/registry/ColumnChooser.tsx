import { useTranslation } from 'react-i18next';
import { useRegistryLabels } from './labels.ts';
import type { Kind } from './types.ts';

/** Which of the kind's fields the table shows (kept in this browser). */
export function ColumnChooser({
  kind,
  columns,
  onChange,
}: {
  kind: Kind;
  columns: string[];
  onChange: (cols: string[]) => void;
}) {
  const { t } = useTranslation();
  const l = useRegistryLabels();
  const choosable = kind.fields.filter((f) => f.type !== 'object');
  return (
    <details className="column-chooser">
      <summary>{t('registry.list.columns', { count: columns.length })}</summary>
      <fieldset className="fieldset">
        <legend className="visually-hidden">{t('registry.list.columnsLegend')}</legend>
        <ul>
          {choosable.map((f) => (
            <li key={f.name}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={columns.includes(f.name)}
                  onChange={(e) =>
                    onChange(
                      e.target.checked
                        ? choosable.map((c) => c.name).filter((n) => n === f.name || columns.includes(n))
                        : columns.filter((c) => c !== f.name),
                    )
                  }
                />
                {l.field(f)}
              </label>
            </li>
          ))}
        </ul>
        <button type="button" className="link-button" onClick={() => onChange(kind.listColumns)}>
          {t('registry.list.defaultColumns')}
        </button>
      </fieldset>
    </details>
  );
}
