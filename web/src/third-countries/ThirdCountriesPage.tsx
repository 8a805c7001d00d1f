import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { API, api, qs } from '../api.ts';
import { JobProgress } from '../components/JobProgress.tsx';
import {
  ErrorMessage,
  Loading,
  PageTitle,
  Section,
  SelectField,
  TextField,
  useFormat,
} from '../components/ui.tsx';
import { ScrollRegion } from '../mapping/result-parts.tsx';
import { useCodeList, useCountryCodes } from '../registry/hooks.ts';
import { countryName } from '../registry/views/scale.ts';
import { type MapCountry, WorldMap } from './WorldMap.tsx';
import './third-countries.css';

interface Filters {
  theme: string;
  seedStatus: string;
  owner: string;
}
interface Reasoned {
  key: string;
  params: Record<string, string>;
}
interface Overlaps {
  overlaps: {
    country: string;
    themes: string[];
    projects: { id: string; title: string; owner: string; start: string | null; end: string | null }[];
    reason: Reasoned;
  }[];
  unmetNeeds: {
    id: string;
    title: string;
    country: string | null;
    region: string | null;
    priority: string;
    reason: Reasoned;
  }[];
}
interface Timeline {
  groups: {
    region: string | null;
    country: string | null;
    items: {
      id: string;
      title: string;
      owner: string;
      seedStatus: string;
      start: string | null;
      end: string | null;
    }[];
  }[];
}
interface ImportReport {
  version: string;
  activities: number;
  matched: number;
  created: { id: string; identifier: string; title: string }[];
  skipped: { identifier: string; reason: string }[];
  notMapped: { identifier: string; items: string[] }[];
}

function useLabel(list: string) {
  const { i18n } = useTranslation();
  const q = useCodeList(list);
  return (code: string) => {
    const c = q.data?.codes.find((x) => x.code === code);
    return c ? (c.labels[i18n.language] ?? c.labels.en ?? code) : code;
  };
}

/** /third-countries — the world map, overlaps and unanswered needs, the timeline per region, IATI import and export. */
export function ThirdCountriesPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({ theme: '', seedStatus: '', owner: '' });
  const [measure, setMeasure] = useState('count');
  const [selected, setSelected] = useState<string[]>([]);
  const query = qs({ theme: filters.theme, seedStatus: filters.seedStatus, owner: filters.owner });
  const map = useQuery({
    queryKey: ['third-countries', 'map', query],
    queryFn: () => api<{ projects: number; countries: MapCountry[] }>(`/third-countries/map${query}`),
  });
  const found = useQuery({
    queryKey: ['third-countries', 'overlaps', query],
    queryFn: () => api<Overlaps>(`/third-countries/overlaps${query}`),
  });
  const timeline = useQuery({
    queryKey: ['third-countries', 'timeline', query],
    queryFn: () => api<Timeline>(`/third-countries/timeline${query}`),
  });
  const currencies = [...new Set((map.data?.countries ?? []).flatMap((c) => Object.keys(c.budget)))].sort();
  return (
    <>
      <PageTitle>{t('thirdCountries.title')}</PageTitle>
      <p>{t('thirdCountries.intro')}</p>
      <ul className="third-countries-links">
        <li>
          <Link to="/registry/cooperation_project">{t('thirdCountries.links.projects')}</Link>
        </li>
        <li>
          <Link to="/registry/support_need">{t('thirdCountries.links.needs')}</Link>
        </li>
        <li>
          <Link to="/registry/external_organisation">{t('thirdCountries.links.organisations')}</Link>
        </li>
      </ul>
      <FilterBar
        filters={filters}
        onChange={setFilters}
        measure={measure}
        onMeasure={setMeasure}
        currencies={currencies}
      />
      <Section title={t('thirdCountries.map.title')}>
        {map.isLoading && <Loading />}
        <ErrorMessage error={map.error} />
        {map.data && <WorldMap countries={map.data.countries} measure={measure} />}
      </Section>
      <OverlapSection data={found.data} error={found.error} loading={found.isLoading} />
      <TimelineSection data={timeline.data} error={timeline.error} loading={timeline.isLoading} />
      <ImportSection onImported={(ids) => setSelected(ids)} />
      <ExportSection selected={selected} filters={filters} />
    </>
  );
}

function FilterBar(props: {
  filters: Filters;
  onChange: (f: Filters) => void;
  measure: string;
  onMeasure: (m: string) => void;
  currencies: string[];
}) {
  const { t } = useTranslation();
  const themes = useCodeList('eucab_theme');
  const theme = useLabel('eucab_theme');
  const status = useLabel('cooperation_status');
  const states = useCountryCodes();
  const { i18n } = useTranslation();
  const set = (k: keyof Filters) => (e: { target: { value: string } }) =>
    props.onChange({ ...props.filters, [k]: e.target.value });
  return (
    <form
      className="third-countries-filters"
      aria-label={t('thirdCountries.filters.label')}
      onSubmit={(e) => e.preventDefault()}
    >
      <SelectField
        label={t('thirdCountries.filters.theme')}
        value={props.filters.theme}
        onChange={set('theme')}
      >
        <option value="">{t('thirdCountries.filters.all')}</option>
        {(themes.data?.codes ?? []).map((c) => (
          <option key={c.code} value={c.code}>
            {theme(c.code)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('thirdCountries.filters.status')}
        value={props.filters.seedStatus}
        onChange={set('seedStatus')}
      >
        <option value="">{t('thirdCountries.filters.all')}</option>
        {['existing', 'planned', 'potential'].map((s) => (
          <option key={s} value={s}>
            {status(s)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('thirdCountries.filters.owner')}
        value={props.filters.owner}
        onChange={set('owner')}
      >
        <option value="">{t('thirdCountries.filters.all')}</option>
        {states.map((s) => (
          <option key={s} value={s}>
            {countryName(s, i18n.language)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('thirdCountries.filters.measure')}
        value={props.measure}
        onChange={(e) => props.onMeasure(e.target.value)}
      >
        <option value="count">{t('thirdCountries.map.count')}</option>
        {props.currencies.map((c) => (
          <option key={c} value={c}>
            {t('thirdCountries.map.budget', { currency: c })}
          </option>
        ))}
      </SelectField>
    </form>
  );
}

function OverlapSection({
  data,
  error,
  loading,
}: {
  data?: Overlaps | undefined;
  error: unknown;
  loading: boolean;
}) {
  const { t, i18n } = useTranslation();
  const theme = useLabel('eucab_theme');
  const place = (p: Record<string, string>) => ({
    ...p,
    place: p.place ? countryOrRegion(p.place, i18n.language) : '',
  });
  return (
    <Section title={t('thirdCountries.overlap.title')}>
      <p>{t('thirdCountries.overlap.hint')}</p>
      {loading && <Loading />}
      <ErrorMessage error={error} />
      {data && data.overlaps.length === 0 && <p>{t('thirdCountries.overlap.none')}</p>}
      <ul className="overlap-list">
        {(data?.overlaps ?? []).map((o) => (
          <li key={`${o.country}:${o.projects.map((p) => p.id).join(':')}`}>
            <p>
              {t(o.reason.key, {
                ...o.reason.params,
                country: countryName(o.country, i18n.language),
                themes: o.themes.map(theme).join(', '),
              })}
            </p>
            <ul>
              {o.projects.map((p) => (
                <li key={p.id}>
                  <Link to={`/registry/cooperation_project/${p.id}`}>{p.title}</Link> ({p.owner})
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <h3>{t('thirdCountries.need.title')}</h3>
      {data && data.unmetNeeds.length === 0 && <p>{t('thirdCountries.need.none')}</p>}
      <ul className="overlap-list">
        {(data?.unmetNeeds ?? []).map((n) => (
          <li key={n.id}>
            <Link to={`/registry/support_need/${n.id}`}>{n.title}</Link> —{' '}
            {t(n.reason.key, place(n.reason.params))}
          </li>
        ))}
      </ul>
    </Section>
  );
}

const countryOrRegion = (code: string, lang: string) =>
  /^[A-Z]{2}$/.test(code) ? countryName(code, lang) : code;

function TimelineSection({
  data,
  error,
  loading,
}: {
  data?: Timeline | undefined;
  error: unknown;
  loading: boolean;
}) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const region = useLabel('iati_region');
  return (
    <Section title={t('thirdCountries.timeline.title')}>
      {loading && <Loading />}
      <ErrorMessage error={error} />
      {(data?.groups ?? []).map((g) => {
        const name = g.region ? region(g.region) : countryName(g.country ?? '', i18n.language);
        const items = [...g.items].sort((x, y) => (x.start ?? '').localeCompare(y.start ?? ''));
        return (
          <ScrollRegion label={name} key={`${g.region}:${g.country}`}>
            <table>
              <caption>{name}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('thirdCountries.timeline.project')}</th>
                  <th scope="col">{t('thirdCountries.timeline.owner')}</th>
                  <th scope="col">{t('thirdCountries.timeline.start')}</th>
                  <th scope="col">{t('thirdCountries.timeline.end')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link to={`/registry/cooperation_project/${p.id}`}>{p.title}</Link>
                    </th>
                    <td>{p.owner}</td>
                    <td>{fmt.date(p.start)}</td>
                    <td>{fmt.date(p.end)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        );
      })}
    </Section>
  );
}

function ImportSection({ onImported }: { onImported: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const themes = useCodeList('eucab_theme');
  const theme = useLabel('eucab_theme');
  const [jobId, setJobId] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [picked, setPicked] = useState<string[]>(['third_countries']);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(null);
    setReport(null);
    const form = new FormData(e.currentTarget);
    form.set('themes', picked.join(','));
    try {
      const res = await api<{ jobId: string }>('/third-countries/iati-import', { form });
      setJobId(res.jobId);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Section title={t('thirdCountries.import.title')}>
      <p>{t('thirdCountries.import.hint')}</p>
      <form className="third-countries-import" onSubmit={submit}>
        <TextField
          label={t('thirdCountries.import.file')}
          type="file"
          name="file"
          accept=".xml,application/xml"
          required
        />
        <TextField
          label={t('thirdCountries.import.sectors')}
          hint={t('thirdCountries.import.sectorsHint')}
          name="sectors"
        />
        <TextField
          label={t('thirdCountries.import.countries')}
          hint={t('thirdCountries.import.countriesHint')}
          name="countries"
        />
        <TextField label={t('thirdCountries.import.text')} name="text" />
        <fieldset>
          <legend>{t('thirdCountries.import.themes')}</legend>
          {(themes.data?.codes ?? []).map((c) => (
            <label key={c.code} className="checkbox">
              <input
                type="checkbox"
                checked={picked.includes(c.code)}
                onChange={(e) =>
                  setPicked(e.target.checked ? [...picked, c.code] : picked.filter((x) => x !== c.code))
                }
              />{' '}
              {theme(c.code)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="primary">
          {t('thirdCountries.import.submit')}
        </button>
      </form>
      <ErrorMessage error={error} />
      {jobId && (
        <JobProgress
          jobId={jobId}
          onDone={(job) => {
            const r = job.result as ImportReport | null;
            if (r) {
              setReport(r);
              onImported(r.created.map((c) => c.id));
            }
          }}
        />
      )}
      {report && <ImportReportView report={report} />}
    </Section>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <div className="import-report" role="status">
      <p>
        {t('thirdCountries.import.summary', {
          version: report.version,
          activities: report.activities,
          matched: report.matched,
          created: report.created.length,
          skipped: report.skipped.length,
        })}
      </p>
      {report.created.length > 0 && (
        <ul>
          {report.created.map((c) => (
            <li key={c.id}>
              <Link to={`/registry/cooperation_project/${c.id}`}>{c.title}</Link> ({c.identifier})
            </li>
          ))}
        </ul>
      )}
      {report.skipped.length > 0 && (
        <details>
          <summary>{t('thirdCountries.import.skipped', { count: report.skipped.length })}</summary>
          <ul>
            {report.skipped.map((s) => (
              <li key={s.identifier}>
                {s.identifier}: {s.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.notMapped.length > 0 && (
        <details>
          <summary>{t('thirdCountries.import.notMapped', { count: report.notMapped.length })}</summary>
          <ul>
            {report.notMapped.map((n) => (
              <li key={n.identifier}>
                {n.identifier}: {n.items.join('; ')}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function ExportSection({ selected, filters }: { selected: string[]; filters: Filters }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const run = async (body: Record<string, unknown>) => {
    setError(null);
    setDone(null);
    const token = await fetch(`${API}/auth/csrf`, { credentials: 'same-origin' }).then(
      (r) => r.json() as Promise<{ token: string }>,
    );
    const res = await fetch(`${API}/third-countries/iati-export`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': token.token },
      body: JSON.stringify(body),
    });
    if (!res.ok) {
      const p = (await res.json().catch(() => ({}))) as { detail?: string };
      setError(p.detail ?? `${res.status} ${res.statusText}`);
      return;
    }
    const xml = await res.text();
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
    a.download = 'eucab-iati-activities.xml';
    a.click();
    URL.revokeObjectURL(a.href);
    setDone((xml.match(/<iati-activity[ >]/g) ?? []).length);
  };
  const clean = Object.fromEntries(Object.entries(filters).filter(([, v]) => v));
  return (
    <Section title={t('thirdCountries.export.title')}>
      <p>{t('thirdCountries.export.hint')}</p>
      <div className="button-row">
        <button type="button" onClick={() => run(clean)}>
          {t('thirdCountries.export.filtered')}
        </button>
        {selected.length > 0 && (
          <button type="button" onClick={() => run({ ids: selected })}>
            {t('thirdCountries.export.imported', { count: selected.length })}
          </button>
        )}
      </div>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {done !== null && <p role="status">{t('thirdCountries.export.done', { count: done })}</p>}
    </Section>
  );
}
