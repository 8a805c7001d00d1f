import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Questionnaire, textIn } from '../../../src/engines/questionnaire/index.ts';
import { api } from '../api.ts';
import { ErrorMessage, Loading, Section, SelectField } from '../components/ui.tsx';
import { boundLists, crosstabQuestions, numberQuestions, trendQuestions } from './form-model.ts';
import { useCodeList, useResult } from './hooks.ts';
import { Radar, TrendLines } from './MappingCharts.tsx';
import { Figure, ScrollRegion, useLabels } from './result-parts.tsx';
import type { CampaignDetail, CoverageResult, CrosstabResult, RadarResult, TrendsResult } from './types.ts';

/** Cross-tabulation of two top-level single-choice questions (with the page's filter). */
export function CrosstabSection({
  c,
  q,
  filter,
}: {
  c: CampaignDetail;
  q: Questionnaire;
  filter: Record<string, string | undefined>;
}) {
  const { t } = useTranslation();
  const labels = useLabels(q);
  const questions = crosstabQuestions(q);
  const [rows, setRows] = useState(questions[0]?.code ?? '');
  const [cols, setCols] = useState(questions[1]?.code ?? '');
  const ok = !!rows && !!cols && rows !== cols;
  const res = useResult<CrosstabResult>(c.id, 'crosstab', { rows, cols, ...filter }, ok);
  if (questions.length < 2) return null;
  const x = res.data?.crosstab;
  return (
    <Section title={t('mapping.results.crosstab')}>
      <div className="filter-row">
        <SelectField label={t('mapping.results.rows')} value={rows} onChange={(e) => setRows(e.target.value)}>
          {questions.map((i) => (
            <option key={i.code} value={i.code}>
              {labels.question(i.code)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('mapping.results.cols')} value={cols} onChange={(e) => setCols(e.target.value)}>
          {questions.map((i) => (
            <option key={i.code} value={i.code}>
              {labels.question(i.code)}
            </option>
          ))}
        </SelectField>
      </div>
      {!ok && <p className="hint">{t('mapping.results.twoQuestions')}</p>}
      {res.isLoading && <Loading />}
      <ErrorMessage error={res.error} />
      {x && (
        <ScrollRegion label={t('mapping.results.crosstab')}>
          <table>
            <caption>
              {t('mapping.results.crosstabOf', {
                rows: labels.question(x.rowCode),
                cols: labels.question(x.colCode),
              })}
            </caption>
            <thead>
              <tr>
                <td />
                {x.cols.map((col) => (
                  <th scope="col" key={col}>
                    {labels.value(x.colCode, col)}
                  </th>
                ))}
                <th scope="col">{t('mapping.results.total')}</th>
              </tr>
            </thead>
            <tbody>
              {x.rows.map((row, i) => (
                <tr key={row}>
                  <th scope="row">{labels.value(x.rowCode, row)}</th>
                  {x.cols.map((col, j) => (
                    <td key={col}>
                      <Figure value={x.cells[i]?.[j]} />
                    </td>
                  ))}
                  <td>
                    <Figure value={x.rowTotals[i]} />
                  </td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t('mapping.results.total')}</th>
                {x.colTotals.map((v, j) => (
                  <td key={x.cols[j]}>
                    <Figure value={v} />
                  </td>
                ))}
                <td>
                  <Figure value={x.total} />
                </td>
              </tr>
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Section>
  );
}

function useListChoice(q: Questionnaire) {
  const lists = boundLists(q);
  const [list, setList] = useState(lists[0] ?? '');
  return { lists, list, setList };
}

function ListSelect({ lists, list, setList }: ReturnType<typeof useListChoice>) {
  const { t } = useTranslation();
  return (
    <SelectField label={t('mapping.results.codeList')} value={list} onChange={(e) => setList(e.target.value)}>
      {lists.map((l) => (
        <option key={l} value={l}>
          {l}
        </option>
      ))}
    </SelectField>
  );
}

/** Administration × code coverage: observations per code, gaps (0) highlighted. */
export function CoverageSection({ c, q }: { c: CampaignDetail; q: Questionnaire }) {
  const { t, i18n } = useTranslation();
  const choice = useListChoice(q);
  const res = useResult<CoverageResult>(c.id, 'coverage', { list: choice.list }, !!choice.list);
  if (choice.lists.length === 0) return null;
  const x = res.data;
  const codeLabel = (code: { code: string; labels: Record<string, string> | null }) =>
    textIn(code.labels ?? undefined, i18n.language, 'en') ?? code.code;
  return (
    <Section title={t('mapping.results.coverage')}>
      <div className="filter-row">
        <ListSelect {...choice} />
      </div>
      <p className="hint">
        {x?.view === 'aggregate' ? t('mapping.results.coverageAggregate') : t('mapping.results.coverageFull')}
      </p>
      {res.isLoading && <Loading />}
      <ErrorMessage error={res.error} />
      {x && (
        <ScrollRegion label={t('mapping.results.coverageOf', { list: x.list })}>
          <table className="coverage">
            <caption>{t('mapping.results.coverageOf', { list: x.list })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mapping.campaign.administration')}</th>
                {x.codes.map((code) => (
                  <th scope="col" key={code.code}>
                    {codeLabel(code)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {x.rows.map((row) => (
                <tr key={row.organisationId}>
                  <th scope="row">
                    {row.organisationCode}
                    {!row.responded && <span className="hint"> ({t('mapping.results.noResponse')})</span>}
                  </th>
                  {row.cells.map((v, j) =>
                    !row.responded ? (
                      <td key={x.codes[j]!.code} className="no-response">
                        —
                      </td>
                    ) : v === 0 ? (
                      <td key={x.codes[j]!.code} className="gap">
                        {t('mapping.results.gap')}
                      </td>
                    ) : (
                      <td key={x.codes[j]!.code}>{v}</td>
                    ),
                  )}
                </tr>
              ))}
              <tr>
                <th scope="row">
                  {x.view === 'aggregate'
                    ? t('mapping.results.othersCovering')
                    : t('mapping.results.covering')}
                </th>
                {x.totals.map((v, j) => (
                  <td key={x.codes[j]!.code}>
                    <Figure value={v} />
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Section>
  );
}

/** One administration against the median of the others per code (radar and table). */
export function RadarSection({ c, q }: { c: CampaignDetail; q: Questionnaire }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels(q);
  const choice = useListChoice(q);
  const list = useCodeList(choice.list || null);
  const measures = numberQuestions(q);
  const [measure, setMeasure] = useState('');
  const full = c.abilities.results === 'full';
  const [administration, setAdministration] = useState('');
  const res = useResult<RadarResult>(
    c.id,
    'radar',
    {
      list: choice.list,
      measure: measure || undefined,
      administration: full ? administration || undefined : undefined,
    },
    !!choice.list,
  );
  if (choice.lists.length === 0) return null;
  const x = res.data;
  const label = (code: string) =>
    textIn(list.data?.codes.find((k) => k.code === code)?.labels, i18n.language, 'en') ?? code;
  const who =
    c.participants.find((p) => p.id === x?.administrationId)?.code ?? t('mapping.results.yourAdministration');
  return (
    <Section title={t('mapping.results.radar')}>
      <div className="filter-row">
        <ListSelect {...choice} />
        <SelectField
          label={t('mapping.results.measure')}
          value={measure}
          onChange={(e) => setMeasure(e.target.value)}
        >
          <option value="">{t('mapping.results.observations')}</option>
          {measures.map((m) => (
            <option key={m.code} value={m.code}>
              {labels.question(m.code)}
            </option>
          ))}
        </SelectField>
        {full && (
          <SelectField
            label={t('mapping.results.administration')}
            value={administration}
            onChange={(e) => setAdministration(e.target.value)}
          >
            <option value="">{t('mapping.results.yourAdministration')}</option>
            {c.participants.map((p) => (
              <option key={p.id} value={p.id}>
                {`${p.code} — ${p.name}`}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      {res.isLoading && <Loading />}
      <ErrorMessage error={res.error} />
      {x && x.axes.length > 0 && (
        <>
          <Radar
            axes={x.axes.map((a) => label(a.code))}
            series={[
              { name: who, values: x.axes.map((a) => a.value) },
              { name: t('mapping.results.othersMedian'), values: x.axes.map((a) => a.othersMedian) },
            ]}
            description={t('mapping.results.radarOf', { who })}
          />
          <div className="table-wrap">
            <table>
              <caption>{t('mapping.results.radarTable', { who })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('mapping.results.code')}</th>
                  <th scope="col">{who}</th>
                  <th scope="col">{t('mapping.results.othersMedian')}</th>
                  <th scope="col">{t('mapping.results.others')}</th>
                </tr>
              </thead>
              <tbody>
                {x.axes.map((a) => (
                  <tr key={a.code}>
                    <th scope="row">{label(a.code)}</th>
                    <td>{a.value === null ? '—' : <Figure value={a.value} digits={2} />}</td>
                    <td>
                      <Figure value={a.othersMedian} digits={2} />
                    </td>
                    <td>
                      <Figure value={a.others} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {x && x.axes.length === 0 && <p>{t('mapping.results.noCodes')}</p>}
    </Section>
  );
}

/** The summary of one question across the campaigns of every version (line chart and table). */
export function TrendsSection({ c, q }: { c: CampaignDetail; q: Questionnaire }) {
  const { t } = useTranslation();
  const labels = useLabels(q);
  const questions = trendQuestions(q);
  const [question, setQuestion] = useState(numberQuestions(q)[0]?.code ?? questions[0]?.code ?? '');
  const res = useQuery({
    queryKey: ['mapping', 'trends', c.questionnaireId, question],
    queryFn: () =>
      api<TrendsResult>(
        `/mapping/questionnaires/${c.questionnaireId}/trends?question=${encodeURIComponent(question)}`,
      ),
    enabled: !!question,
    retry: false,
  });
  const x = res.data;
  const names = (x?.campaigns ?? []).map((p) => `${p.title} (${p.version})`);
  const series: { name: string; values: (number | null)[] }[] = [];
  const first = x?.campaigns[0]?.summary;
  if (x && first?.kind === 'number') {
    series.push({
      name: t('mapping.results.stat.mean'),
      values: x.campaigns.map((p) => (p.summary.kind === 'number' ? p.summary.mean : null)),
    });
    series.push({
      name: t('mapping.results.stat.median'),
      values: x.campaigns.map((p) => (p.summary.kind === 'number' ? p.summary.median : null)),
    });
  } else if (x && first?.kind === 'choice') {
    const values = [
      ...new Set(
        x.campaigns.flatMap((p) =>
          p.summary.kind === 'choice' ? p.summary.categories.map((k) => k.value) : [],
        ),
      ),
    ];
    for (const v of values)
      series.push({
        name: `${labels.value(question, v)} (%)`,
        values: x.campaigns.map((p) =>
          p.summary.kind === 'choice'
            ? (p.summary.categories.find((k) => k.value === v)?.percent ?? null)
            : null,
        ),
      });
  } else if (x) {
    series.push({ name: t('mapping.results.answered'), values: x.campaigns.map((p) => p.summary.n) });
  }
  return (
    <Section title={t('mapping.results.trends')}>
      <div className="filter-row">
        <SelectField
          label={t('mapping.results.trendQuestion')}
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
        >
          {questions.map((i) => (
            <option key={i.code} value={i.code}>
              {labels.question(i.code)}
            </option>
          ))}
        </SelectField>
      </div>
      {res.isLoading && <Loading />}
      <ErrorMessage error={res.error} />
      {x && x.campaigns.length > 0 && (
        <>
          <TrendLines
            campaigns={names}
            series={series}
            description={t('mapping.results.trendOf', { question: labels.question(question) })}
          />
          <div className="table-wrap">
            <table>
              <caption>{t('mapping.results.trendTable', { question: labels.question(question) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('mapping.results.campaign')}</th>
                  <th scope="col">{t('mapping.results.stat.n')}</th>
                  {series.map((s) => (
                    <th scope="col" key={s.name}>
                      {s.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {x.campaigns.map((p, i) => (
                  <tr key={p.campaignId}>
                    <th scope="row">{names[i]}</th>
                    <td>
                      <Figure value={p.summary.n} />
                    </td>
                    {series.map((s) => (
                      <td key={s.name}>
                        <Figure value={s.values[i]} digits={2} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {x && x.campaigns.length === 0 && <p>{t('mapping.results.noTrend')}</p>}
    </Section>
  );
}
