import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api.ts';
import { JobProgress } from '../components/JobProgress.tsx';
import { DataTable, ErrorMessage, Loading, PageTitle, Section, useFormat } from '../components/ui.tsx';
import {
  type Exclude,
  type Pin,
  type ProgrammeItem,
  type ProgrammeRecord,
  programmeCsv,
  type Uncovered,
} from './types.ts';

const items = createColumnHelper<ProgrammeItem>();
const gaps = createColumnHelper<Uncovered>();

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/** /training/programme — the programmes; ?id= one programme with its sessions, gaps and the generator. */
export function TrainingProgrammePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  const list = useQuery({
    queryKey: ['training-programmes'],
    queryFn: () => api<{ items: ProgrammeRecord[] }>('/registry/training_programme'),
  });
  const qc = useQueryClient();
  const [title, setTitle] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const create = useMutation({
    mutationFn: () => api<{ id: string }>('/training/programmes', { body: { title, year: Number(year) } }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['training-programmes'] });
      setParams({ id: r.id });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <>
      <PageTitle>{t('trainingProgramme.title')}</PageTitle>
      <p>{t('trainingProgramme.intro')}</p>
      <Section title={t('trainingProgramme.programmes')}>
        {list.isLoading && <Loading />}
        <ErrorMessage error={list.error} />
        <ul>
          {(list.data?.items ?? []).map((p) => (
            <li key={p.id}>
              <Link to={`/training/programme?id=${p.id}`}>
                {p.data.title} ({p.data.year})
              </Link>{' '}
              — {t(`trainingProgramme.status.${p.status}`, { defaultValue: p.status })}
            </li>
          ))}
        </ul>
        <form onSubmit={submit} className="inline-form">
          <label>
            {t('trainingProgramme.newTitle')}
            <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={300} />
          </label>
          <label>
            {t('trainingProgramme.year')}
            <input
              type="number"
              value={year}
              onChange={(e) => setYear(e.target.value)}
              min={2000}
              max={2100}
              required
            />
          </label>
          <button type="submit" disabled={create.isPending}>
            {t('trainingProgramme.create')}
          </button>
        </form>
        <ErrorMessage error={create.error} />
      </Section>
      {id && <Programme id={id} />}
    </>
  );
}

function Programme({ id }: { id: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const rec = useQuery({
    queryKey: ['training-programme', id],
    queryFn: () => api<ProgrammeRecord>(`/registry/training_programme/${id}`),
  });
  const [campaignId, setCampaignId] = useState('');
  const [jobId, setJobId] = useState<string | null>(null);
  const [pins, setPins] = useState<Pin[] | null>(null);
  const [excludes, setExcludes] = useState<Exclude[] | null>(null);
  const data = rec.data?.data;
  const curPins = pins ?? data?.pins ?? [];
  const curExcludes = excludes ?? data?.excludes ?? [];
  const generate = useMutation({
    mutationFn: () =>
      api<{ jobId: string }>(`/training/programmes/${id}/generate`, {
        body: {
          campaignId,
          pins: curPins.map((p) => ({
            courseId: p.course,
            facilityId: p.facility,
            language: p.language,
            ...(p.week ? { week: p.week } : {}),
          })),
          excludes: curExcludes.map((x) => ({
            ...(x.course ? { courseId: x.course } : {}),
            ...(x.facility ? { facilityId: x.facility } : {}),
            ...(x.language ? { language: x.language } : {}),
            ...(x.trainer ? { trainerId: x.trainer } : {}),
          })),
        },
      }),
    onSuccess: (r) => setJobId(r.jobId),
  });
  if (rec.isLoading) return <Loading />;
  if (rec.error || !data) return <ErrorMessage error={rec.error} />;
  const pinned = (it: ProgrammeItem) =>
    curPins.some((p) => p.course === it.course && p.facility === it.facility && p.language === it.language);
  const togglePin = (it: ProgrammeItem) =>
    setPins(
      pinned(it)
        ? curPins.filter(
            (p) => !(p.course === it.course && p.facility === it.facility && p.language === it.language),
          )
        : [
            ...curPins,
            {
              course: it.course,
              facility: it.facility,
              language: it.language,
              ...(it.start_week ? { week: it.start_week } : {}),
            },
          ],
    );
  const exclude = (it: ProgrammeItem) =>
    setExcludes([...curExcludes, { course: it.course, facility: it.facility, language: it.language }]);
  const name = (it: ProgrammeItem) => `${it.course_title ?? it.course} — ${it.facility_title ?? it.facility}`;
  const columns = [
    items.accessor((it) => it.start_week ?? 0, {
      id: 'weeks',
      header: t('trainingProgramme.col.weeks'),
      cell: (c) =>
        `${c.row.original.start_week ?? ''}–${c.row.original.end_week ?? ''} (${t('trainingProgramme.quarterShort', { q: c.row.original.quarter ?? '' })})`,
    }),
    items.accessor((it) => it.course_title ?? it.course, {
      id: 'course',
      header: t('trainingProgramme.col.course'),
    }),
    items.accessor((it) => it.facility_title ?? it.facility, {
      id: 'facility',
      header: t('trainingProgramme.col.facility'),
    }),
    items.accessor((it) => it.host ?? '', { id: 'host', header: t('trainingProgramme.col.host') }),
    items.accessor('language', { header: t('trainingProgramme.col.language') }),
    items.accessor((it) => (it.trainers ?? []).join(', '), {
      id: 'trainers',
      header: t('trainingProgramme.col.trainers'),
    }),
    items.accessor((it) => (it.participants ?? []).reduce((s, p) => s + p.officers, 0), {
      id: 'participants',
      header: t('trainingProgramme.col.participants'),
      cell: (c) =>
        `${c.getValue()} / ${c.row.original.seats ?? ''}: ${(c.row.original.participants ?? []).map((p) => `${p.administration} ${p.officers}`).join(', ')}`,
    }),
    items.display({
      id: 'actions',
      header: t('trainingProgramme.col.actions'),
      cell: (c) => (
        <span className="row-actions">
          <button
            type="button"
            onClick={() => togglePin(c.row.original)}
            aria-pressed={pinned(c.row.original)}
            aria-label={`${t(pinned(c.row.original) ? 'trainingProgramme.unpin' : 'trainingProgramme.pin')}: ${name(c.row.original)}`}
          >
            {t(pinned(c.row.original) ? 'trainingProgramme.unpin' : 'trainingProgramme.pin')}
          </button>{' '}
          <button
            type="button"
            onClick={() => exclude(c.row.original)}
            aria-label={`${t('trainingProgramme.exclude')}: ${name(c.row.original)}`}
          >
            {t('trainingProgramme.exclude')}
          </button>
        </span>
      ),
    }),
  ];
  const gapColumns = [
    gaps.accessor('administration', { header: t('trainingProgramme.col.administration') }),
    gaps.accessor('competency', { header: t('trainingProgramme.col.competency') }),
    gaps.accessor((u) => u.level ?? '', { id: 'level', header: t('trainingProgramme.col.level') }),
    gaps.accessor((u) => u.language ?? '', { id: 'language', header: t('trainingProgramme.col.language') }),
    gaps.accessor('officers', { header: t('trainingProgramme.col.officers') }),
    gaps.accessor('reason', {
      header: t('trainingProgramme.col.reason'),
      cell: (c) => t(`trainingProgramme.reason.${c.getValue()}`, { defaultValue: c.getValue() }),
    }),
  ];
  const pct = (x: number | undefined) =>
    x === undefined ? '—' : `${fmt.number(Math.round(x * 1000) / 10)} %`;
  return (
    <>
      <Section
        title={`${data.title} (${data.year})`}
        actions={<Link to={`/registry/training_programme/${id}`}>{t('trainingProgramme.openRecord')}</Link>}
      >
        <p>{t('trainingProgramme.objective')}</p>
        <dl className="figures">
          <dt>{t('trainingProgramme.fig.covered')}</dt>
          <dd>
            {fmt.number(data.covered_officers ?? 0)} / {fmt.number(data.total_officers ?? 0)}
          </dd>
          <dt>{t('trainingProgramme.fig.weighted')}</dt>
          <dd>
            {fmt.number(data.weighted_covered ?? 0)} / {fmt.number(data.weighted_need ?? 0)}
          </dd>
          <dt>{t('trainingProgramme.fig.minShare')}</dt>
          <dd>{pct(data.min_share)}</dd>
          <dt>{t('trainingProgramme.fig.travel')}</dt>
          <dd>{fmt.number(data.travel_km ?? 0)}</dd>
          <dt>{t('trainingProgramme.fig.gap')}</dt>
          <dd>
            {pct(data.mip_gap)}{' '}
            {data.method
              ? `(${t(`trainingProgramme.method.${data.method}`, { defaultValue: data.method })})`
              : ''}
          </dd>
        </dl>
      </Section>
      <Section title={t('trainingProgramme.generate')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            generate.mutate();
          }}
          className="inline-form"
        >
          <label>
            {t('trainingProgramme.campaign')}
            <input value={campaignId} onChange={(e) => setCampaignId(e.target.value)} required />
          </label>
          <button type="submit" disabled={generate.isPending || !rec.data?.abilities.update}>
            {t('trainingProgramme.run')}
          </button>
        </form>
        <p>{t('trainingProgramme.pinsExcludes', { pins: curPins.length, excludes: curExcludes.length })}</p>
        {curExcludes.length > 0 && (
          <ul>
            {curExcludes.map((x, i) => (
              <li key={[x.course, x.facility, x.language, x.trainer].join('|')}>
                {[x.course, x.facility, x.language, x.trainer].filter(Boolean).join(' · ')}{' '}
                <button type="button" onClick={() => setExcludes(curExcludes.filter((_, j) => j !== i))}>
                  {t('trainingProgramme.removeExclude')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <ErrorMessage error={generate.error} />
        {jobId && (
          <JobProgress
            jobId={jobId}
            onDone={() => void qc.invalidateQueries({ queryKey: ['training-programme', id] })}
          />
        )}
      </Section>
      <Section
        title={t('trainingProgramme.sessions')}
        actions={
          <button
            type="button"
            onClick={() => download(`training-programme-${data.year}.csv`, programmeCsv(data.items ?? []))}
          >
            {t('trainingProgramme.export')}
          </button>
        }
      >
        <DataTable
          data={data.items ?? []}
          columns={columns}
          caption={t('trainingProgramme.sessions')}
          captionHidden
          empty={t('trainingProgramme.noSessions')}
        />
      </Section>
      <Section title={t('trainingProgramme.uncovered')}>
        <DataTable
          data={data.uncovered ?? []}
          columns={gapColumns}
          caption={t('trainingProgramme.uncovered')}
          captionHidden
          empty={t('trainingProgramme.allCovered')}
        />
      </Section>
    </>
  );
}
