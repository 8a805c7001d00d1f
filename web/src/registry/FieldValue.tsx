import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api.ts';
import type { Spec } from './form-values.ts';
import { useCodeList, useNetworks, useOrganisations } from './hooks.ts';
import { useRegistryLabels } from './labels.ts';
import { PersonName } from './PersonField.tsx';
import type { RecordDetail } from './types.ts';

/** A country's name in the user's language (EL is Greece in EU protocol, GR for Intl). */
export function useCountryName() {
  const { i18n } = useTranslation();
  const names = new Intl.DisplayNames([i18n.resolvedLanguage ?? 'en'], { type: 'region' });
  return (code: string) => {
    try {
      return names.of(code === 'EL' ? 'GR' : code) ?? code;
    } catch {
      return code;
    }
  };
}

export function CodeLabel({ list, code }: { list: string; code: string }) {
  const q = useCodeList(list);
  const l = useRegistryLabels();
  return (
    <>
      {l.code(
        q.data?.codes.find((c) => c.code === code),
        code,
      )}
    </>
  );
}

/** A network by its code: its name, linking to its page. */
export function NetworkLabel({ code }: { code: string }) {
  const q = useNetworks();
  const n = q.data?.items.find((x) => x.code === code);
  return n ? <Link to={`/networks/${n.id}`}>{n.name}</Link> : code;
}

export function OrganisationLabel({ id }: { id: string }) {
  const q = useOrganisations();
  const o = q.data?.items.find((x) => x.id === id);
  return <>{o ? `${o.name} (${o.code})` : id}</>;
}

/** A link to a referenced record, named by its title when I may read it. */
export function RefLink({ kind, id }: { kind: string; id: string }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['registry', 'record', kind, id],
    queryFn: () => api<RecordDetail>(`/registry/${kind}/${id}`),
    staleTime: 60_000,
    retry: false,
  });
  if (q.error) return <span className="muted">{t('registry.value.unreadableRef')}</span>;
  return <Link to={`/registry/${kind}/${id}`}>{q.data?.title ?? id.slice(0, 8)}</Link>;
}

function numberText(n: unknown, lang: string) {
  // 'min2': no separator in four-digit numbers such as years (2,020 → 2020).
  return typeof n === 'number'
    ? new Intl.NumberFormat(lang, { useGrouping: 'min2' } as Intl.NumberFormatOptions).format(n)
    : String(n ?? '');
}

/** Renders one field value by its type (codes in the user's language, refs as links, …). */
export function FieldValue({
  kind,
  name,
  spec,
  value,
}: {
  kind: string;
  name: string;
  spec: Spec;
  value: unknown;
}) {
  const { t, i18n } = useTranslation();
  const l = useRegistryLabels();
  const country = useCountryName();
  const lang = i18n.resolvedLanguage ?? 'en';
  if (value === null || value === undefined || value === '') return <span className="muted">—</span>;
  switch (spec.type) {
    case 'text':
      return spec.multiline ? <span className="prewrap">{String(value)}</span> : String(value);
    case 'mltext': {
      const v = value as Record<string, string>;
      const shown = v[lang] ?? v.en ?? Object.values(v)[0] ?? '';
      const shownLang = v[lang] ? lang : v.en ? 'en' : Object.keys(v)[0];
      return (
        <span className="prewrap" lang={shownLang}>
          {shown}
          {shownLang !== lang && <span className="muted"> ({shownLang})</span>}
        </span>
      );
    }
    case 'number':
      return (
        <>
          {numberText(value, lang)}
          {spec.unit ? ` ${spec.unit}` : ''}
        </>
      );
    case 'quantity': {
      const q = value as { value: number; unit: string };
      return (
        <>
          {numberText(q.value, lang)} {q.unit}
        </>
      );
    }
    case 'money': {
      const m = value as { amount: number; currency: string };
      try {
        return (
          <>{new Intl.NumberFormat(lang, { style: 'currency', currency: m.currency }).format(m.amount)}</>
        );
      } catch {
        return (
          <>
            {numberText(m.amount, lang)} {m.currency}
          </>
        );
      }
    }
    case 'date':
      // A calendar date, not an instant: formatted in UTC so that no time zone moves it a day.
      return (
        <time dateTime={String(value)}>
          {new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(
            new Date(String(value)),
          )}
        </time>
      );
    case 'datetime':
      // A moment, shown in the reader's own time zone (named), as every moment on the platform.
      return (
        <time dateTime={String(value)}>
          {new Intl.DateTimeFormat(lang, {
            year: 'numeric',
            month: 'short',
            day: 'numeric',
            hour: '2-digit',
            minute: '2-digit',
            timeZoneName: 'short',
          }).format(new Date(String(value)))}
        </time>
      );
    case 'timezone':
      return <>{String(value).replaceAll('_', ' ')}</>;
    case 'user':
      return <PersonName id={String(value)} />;
    case 'boolean':
      return <>{value ? t('registry.value.yes') : t('registry.value.no')}</>;
    case 'url':
      return (
        <a href={String(value)} rel="noopener noreferrer" target="_blank">
          {String(value)}
        </a>
      );
    case 'code':
      return <CodeLabel list={spec.codeList} code={String(value)} />;
    case 'country':
      return (
        <>
          {country(String(value))} ({String(value)})
        </>
      );
    case 'organisation':
      return <OrganisationLabel id={String(value)} />;
    case 'network':
      return <NetworkLabel code={String(value)} />;
    case 'ref':
      return <RefLink kind={spec.kind} id={String(value)} />;
    case 'location': {
      const p = value as { label: string; lat: number; lon: number };
      return (
        <>
          {p.label}{' '}
          <span className="muted">
            ({p.lat.toFixed(4)}, {p.lon.toFixed(4)})
          </span>
        </>
      );
    }
    case 'list': {
      const items = Array.isArray(value) ? value : [];
      if (items.length === 0) return <span className="muted">—</span>;
      const of = spec.of;
      if (of.type === 'object') {
        const cols = Object.entries(of.fields);
        return (
          <div className="table-wrap">
            <table className="compact">
              <caption className="visually-hidden">{spec.label ? l.text(spec.label) : name}</caption>
              <thead>
                <tr>
                  {cols.map(([k, c]) => (
                    <th key={k} scope="col">
                      {l.text(c.label)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {items.map((it, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: list rows have no identity of their own
                  <tr key={i}>
                    {cols.map(([k, c]) => (
                      <td key={k}>
                        <FieldValue
                          kind={kind}
                          name={k}
                          spec={c}
                          value={(it as Record<string, unknown>)[k]}
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      }
      return (
        <ul className="value-list">
          {items.map((it, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: list values may repeat
            <li key={i}>
              <FieldValue kind={kind} name={name} spec={of} value={it} />
            </li>
          ))}
        </ul>
      );
    }
    case 'object': {
      const v = value as Record<string, unknown>;
      return (
        <dl className="value-object">
          {Object.entries(spec.fields).map(([k, c]) => (
            <div key={k}>
              <dt>{l.text(c.label)}</dt>
              <dd>
                <FieldValue kind={kind} name={k} spec={c} value={v[k]} />
              </dd>
            </div>
          ))}
        </dl>
      );
    }
  }
}
