import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SelectField, useFormat } from '../../components/ui.tsx';
import { useRegistryLabels } from '../labels.ts';
import type { DescribedField } from '../types.ts';
import { useValueLabels } from './common.tsx';
import { type ScaleClass, textOn } from './scale.ts';

/** One select per filter field; the choice lives in the URL (shareable, back button). */
export function ViewFilters({ fields }: { fields: DescribedField[] }) {
  const { t } = useTranslation();
  if (!fields.length) return null;
  return (
    <div className="filters">
      <fieldset className="fieldset">
        <legend>{t('registryViews.filters')}</legend>
        <div className="filter-row">
          {fields.map((f) => (
            <FilterSelect key={f.name} field={f} />
          ))}
        </div>
      </fieldset>
    </div>
  );
}

function FilterSelect({ field }: { field: DescribedField }) {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const [params, setParams] = useSearchParams();
  const values = useValueLabels(field);
  const countries = field.type === 'country' ? COUNTRY_CODES : [];
  const options = [...values.codes, ...countries].sort((a, b) =>
    values.label(a).localeCompare(values.label(b)),
  );
  return (
    <SelectField
      label={labels.field(field)}
      value={params.get(field.name) ?? ''}
      onChange={(e) => {
        const next = new URLSearchParams(params);
        if (e.target.value) next.set(field.name, e.target.value);
        else next.delete(field.name);
        setParams(next, { replace: true });
      }}
    >
      <option value="">{t('registryViews.all')}</option>
      {options.map((c) => (
        <option key={c} value={c}>
          {values.label(c)}
        </option>
      ))}
    </SelectField>
  );
}

const COUNTRY_CODES =
  'AT BE BG HR CY CZ DK EE FI FR DE EL HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' ');

/** The legend of a heat scale: each class as a swatch with its range in words. */
export function ScaleLegend({ scale, title }: { scale: ScaleClass[]; title: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <figure className="scale-legend">
      <figcaption>{t('registryViews.legend', { measure: title })}</figcaption>
      <ul>
        <li>
          <span className="swatch swatch-none" aria-hidden="true" />
          {t('registryViews.none')}
        </li>
        {scale.map((c) => (
          <li key={c.from}>
            <span
              className="swatch"
              style={{ background: c.colour, color: textOn(c.colour) }}
              aria-hidden="true"
            />
            {c.from === c.to
              ? fmt.number(c.to)
              : t('registryViews.range', { from: fmt.number(c.from), to: fmt.number(c.to) })}
          </li>
        ))}
      </ul>
    </figure>
  );
}
