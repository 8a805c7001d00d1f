import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountryName } from './FieldValue.tsx';
import { emptyValue, type Spec } from './form-values.ts';
import { useCodeList, useCountryCodes, useNetworks, useOrganisations } from './hooks.ts';
import { useRegistryLabels } from './labels.ts';
import { PersonPicker } from './PersonField.tsx';
import { RefSelect } from './RefSelect.tsx';

/** The id of the input of a field path ("specifications.0.value" → "field-specifications-0-value"). */
export const inputId = (path: string) => `field-${path.replace(/[^a-zA-Z0-9_]/g, '-')}`;

const LANGS = ['en', 'fr', 'de'] as const;

interface Props {
  kind: string;
  /** The top-level field this input belongs to (labels of sub-fields are looked up under it). */
  top: string;
  path: string;
  label: string;
  spec: Spec;
  required?: boolean | undefined;
  help?: string | undefined;
  value: unknown;
  onChange: (v: unknown) => void;
  errors: Record<string, string>;
}

/** What a field's frame shows around its control: label, required mark, help and error. */
interface FrameProps {
  id: string;
  label: string;
  required?: boolean | undefined;
  help?: string | undefined;
  error?: string | undefined;
}

/** The "*" after a required field's label, spelled out for screen readers. */
function RequiredMark() {
  const { t } = useTranslation();
  return (
    <span className="required-mark" title={t('registry.form.requiredMark')}>
      *<span className="visually-hidden"> ({t('registry.form.requiredMark')})</span>
    </span>
  );
}

function Frame({
  id,
  label,
  required,
  help,
  error,
  children,
}: FrameProps & { children: (describedBy: string | undefined) => ReactNode }) {
  const describedBy =
    [help ? `${id}-hint` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <RequiredMark />}
      </label>
      {help && (
        <p className="hint" id={`${id}-hint`}>
          {help}
        </p>
      )}
      {children(describedBy)}
      {error && (
        <p className="field-error" id={`${id}-err`}>
          {error}
        </p>
      )}
    </div>
  );
}

function Group({ id, label, required, help, error, children }: FrameProps & { children: ReactNode }) {
  return (
    <fieldset id={id} tabIndex={-1} className={`fieldset${error ? ' field-invalid' : ''}`}>
      <legend>
        {label}
        {required && <RequiredMark />}
      </legend>
      {help && <p className="hint">{help}</p>}
      {error && <p className="field-error">{error}</p>}
      {children}
    </fieldset>
  );
}

function CodeSelect({
  list,
  id,
  value,
  onChange,
  describedBy,
  invalid,
  required,
}: {
  list: string;
  id: string;
  value: string;
  onChange: (v: string) => void;
  describedBy?: string | undefined;
  invalid: boolean;
  required?: boolean | undefined;
}) {
  const { t } = useTranslation();
  const l = useRegistryLabels();
  const codes = useCodeList(list);
  const entries = [...(codes.data?.codes ?? [])].sort((a, b) =>
    l.code(a, a.code).localeCompare(l.code(b, b.code)),
  );
  return (
    <select
      id={id}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      required={required}
    >
      <option value="">{t('common.choose')}</option>
      {entries.map((c) => (
        <option key={c.code} value={c.code}>
          {l.code(c, c.code)}
        </option>
      ))}
    </select>
  );
}

/** One input per field type, generated from the field's description. */
export function FieldInput({ kind, top, path, label, spec, required, help, value, onChange, errors }: Props) {
  const { t } = useTranslation();
  const l = useRegistryLabels();
  const countries = useCountryCodes();
  const countryName = useCountryName();
  const orgs = useOrganisations();
  const networks = useNetworks();
  const id = inputId(path);
  const error = errors[path];
  const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const common = (describedBy: string | undefined) => ({
    id,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    required: required || undefined,
  });

  switch (spec.type) {
    case 'text':
      return (
        <Frame
          id={id}
          label={label}
          required={required}
          help={help ?? (spec.patternHint ? l.text(spec.patternHint) : undefined)}
          error={error}
        >
          {(d) =>
            spec.multiline ? (
              <textarea
                {...common(d)}
                maxLength={spec.maxLength}
                value={s(value)}
                onChange={(e) => onChange(e.target.value)}
              />
            ) : (
              <input
                {...common(d)}
                maxLength={spec.maxLength}
                value={s(value)}
                onChange={(e) => onChange(e.target.value)}
              />
            )
          }
        </Frame>
      );
    case 'url':
      return (
        <Frame id={id} label={label} required={required} help={help} error={error}>
          {(d) => (
            <input {...common(d)} type="url" value={s(value)} onChange={(e) => onChange(e.target.value)} />
          )}
        </Frame>
      );
    case 'date':
      return (
        <Frame id={id} label={label} required={required} help={help} error={error}>
          {(d) => (
            <input {...common(d)} type="date" value={s(value)} onChange={(e) => onChange(e.target.value)} />
          )}
        </Frame>
      );
    case 'datetime': {
      const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      return (
        <Frame
          id={id}
          label={label}
          required={required}
          help={[help, t('registry.form.utcHint', { zone })].filter(Boolean).join(' ')}
          error={error}
        >
          {(d) => (
            <input
              {...common(d)}
              type="datetime-local"
              value={s(value)}
              onChange={(e) => onChange(e.target.value)}
            />
          )}
        </Frame>
      );
    }
    case 'timezone': {
      const zones = Intl.supportedValuesOf('timeZone');
      const options = s(value) && !zones.includes(s(value)) ? [s(value), ...zones] : zones;
      return (
        <Frame id={id} label={label} required={required} help={help} error={error}>
          {(d) => (
            <select {...common(d)} value={s(value)} onChange={(e) => onChange(e.target.value)}>
              <option value="">{t('common.choose')}</option>
              {options.map((z) => (
                <option key={z} value={z}>
                  {z.replaceAll('_', ' ')}
                </option>
              ))}
            </select>
          )}
        </Frame>
      );
    }
    case 'user':
      return (
        <Frame id={id} label={label} required={required} help={help} error={error}>
          {(d) => (
            <PersonPicker id={id} value={s(value)} onChange={onChange} describedBy={d} invalid={!!error} />
          )}
        </Frame>
      );
    case 'number':
      return (
        <Frame
          id={id}
          label={spec.unit ? `${label} (${spec.unit})` : label}
          required={required}
          help={help}
          error={error}
        >
          {(d) => (
            <input
              {...common(d)}
              inputMode={spec.integer ? 'numeric' : 'decimal'}
              value={s(value)}
              onChange={(e) => onChange(e.target.value)}
            />
          )}
        </Frame>
      );
    case 'boolean':
      return (
        <div className={`field${error ? ' field-invalid' : ''}`}>
          <label className="checkbox" htmlFor={id}>
            <input id={id} type="checkbox" checked={!!value} onChange={(e) => onChange(e.target.checked)} />
            {label}
          </label>
          {help && <p className="hint">{help}</p>}
          {error && <p className="field-error">{error}</p>}
        </div>
      );
    case 'code':
      return (
        <Frame id={id} label={label} required={required} help={help} error={error}>
          {(d) => (
            <CodeSelect
              list={spec.codeList}
              id={id}
              value={s(value)}
              onChange={onChange}
              describedBy={d}
              invalid={!!error}
              required={required}
            />
          )}
        </Frame>
      );
    case 'country':
      return (
        <Frame id={id} label={label} required={required} help={help} error={error}>
          {(d) => (
            <select {...common(d)} value={s(value)} onChange={(e) => onChange(e.target.value)}>
              <option value="">{t('common.choose')}</option>
              {countries.map((c) => (
                <option key={c} value={c}>
                  {countryName(c)} ({c})
                </option>
              ))}
            </select>
          )}
        </Frame>
      );
    case 'organisation':
      return (
        <Frame id={id} label={label} required={required} help={help} error={error}>
          {(d) => (
            <select {...common(d)} value={s(value)} onChange={(e) => onChange(e.target.value)}>
              <option value="">{t('common.choose')}</option>
              {(orgs.data?.items ?? []).map((o) => (
                <option key={o.id} value={o.id}>
                  {o.code} — {o.name}
                </option>
              ))}
            </select>
          )}
        </Frame>
      );
    case 'network':
      // The networks I may post in (and the current value, when editing a record posted elsewhere).
      return (
        <Frame id={id} label={label} required={required} help={help} error={error}>
          {(d) => (
            <select {...common(d)} value={s(value)} onChange={(e) => onChange(e.target.value)}>
              <option value="">{t('common.choose')}</option>
              {(networks.data?.items ?? [])
                .filter((n) => n.abilities.post || n.code === s(value))
                .map((n) => (
                  <option key={n.code} value={n.code}>
                    {n.name}
                  </option>
                ))}
            </select>
          )}
        </Frame>
      );
    case 'ref':
      return (
        <Frame id={id} label={label} required={required} help={help} error={error}>
          {(d) => (
            <RefSelect
              id={id}
              kind={spec.kind}
              label={label}
              value={s(value)}
              onChange={onChange}
              describedBy={d}
              invalid={!!error}
              required={required}
            />
          )}
        </Frame>
      );
    case 'mltext': {
      const v = (value ?? {}) as Record<string, string>;
      const langs = [...new Set([l.lang, ...LANGS, ...Object.keys(v)])];
      return (
        <Group id={id} label={label} required={required} help={help} error={error}>
          {langs.map((lang) => (
            <div className="field" key={lang}>
              <label htmlFor={`${id}-${lang}`}>
                {t('registry.form.inLanguage', { lang: lang.toUpperCase() })}
              </label>
              <textarea
                id={`${id}-${lang}`}
                lang={lang}
                maxLength={spec.maxLength ?? 5000}
                value={v[lang] ?? ''}
                onChange={(e) => onChange({ ...v, [lang]: e.target.value })}
              />
            </div>
          ))}
        </Group>
      );
    }
    case 'quantity':
    case 'money':
    case 'location': {
      const v = (value ?? emptyValue(spec)) as Record<string, string>;
      const parts: [string, string][] =
        spec.type === 'quantity'
          ? [
              ['value', t('registry.form.value')],
              ['unit', t('registry.form.unit')],
            ]
          : spec.type === 'money'
            ? [
                ['amount', t('registry.form.amount')],
                ['currency', t('registry.form.currency')],
              ]
            : [
                ['label', t('registry.form.place')],
                ['lat', t('registry.form.lat')],
                ['lon', t('registry.form.lon')],
              ];
      return (
        <Group id={id} label={label} required={required} help={help} error={error}>
          <div className="inline-fields">
            {parts.map(([k, partLabel]) => (
              <div className={`field${errors[`${path}.${k}`] ? ' field-invalid' : ''}`} key={k}>
                <label htmlFor={`${id}-${k}`}>{partLabel}</label>
                <input
                  id={`${id}-${k}`}
                  value={v[k] ?? ''}
                  maxLength={k === 'currency' ? 3 : 200}
                  inputMode={k === 'label' || k === 'unit' || k === 'currency' ? undefined : 'decimal'}
                  aria-invalid={errors[`${path}.${k}`] ? true : undefined}
                  onChange={(e) => onChange({ ...v, [k]: e.target.value })}
                />
                {errors[`${path}.${k}`] && <p className="field-error">{errors[`${path}.${k}`]}</p>}
              </div>
            ))}
          </div>
        </Group>
      );
    }
    case 'object': {
      const v = (value ?? {}) as Record<string, unknown>;
      return (
        <Group id={id} label={label} required={required} help={help} error={error}>
          {Object.entries(spec.fields).map(([k, f]) => (
            <FieldInput
              key={k}
              kind={kind}
              top={top}
              path={`${path}.${k}`}
              label={l.text(f.label)}
              spec={f}
              required={f.required}
              help={l.help(f)}
              value={v[k]}
              onChange={(x) => onChange({ ...v, [k]: x })}
              errors={errors}
            />
          ))}
        </Group>
      );
    }
    case 'list': {
      const items = Array.isArray(value) ? value : [];
      const of = spec.of;
      const itemLabel = of.label ? l.text(of.label) : label;
      const max = spec.maxItems ?? 100;
      return (
        <Group id={id} label={label} required={required} help={help} error={error}>
          {items.length === 0 && <p className="muted">{t('registry.form.noEntries')}</p>}
          {items.map((it, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, by position
            <div className="repeat-row" key={i}>
              <FieldInput
                kind={kind}
                top={top}
                path={`${path}.${i}`}
                label={t('registry.form.entry', { label: itemLabel, n: i + 1 })}
                spec={of}
                value={it}
                onChange={(x) => onChange(items.map((y, j) => (j === i ? x : y)))}
                errors={errors}
              />
              <button
                type="button"
                className="link-button"
                onClick={() => onChange(items.filter((_, j) => j !== i))}
              >
                {t('registry.form.remove', { label: itemLabel, n: i + 1 })}
              </button>
            </div>
          ))}
          {items.length < max && (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => onChange([...items, emptyValue(of)])}
            >
              {t('registry.form.add', { label: itemLabel })}
            </button>
          )}
        </Group>
      );
    }
  }
}
