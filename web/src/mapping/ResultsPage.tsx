import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { indexItems, type Questionnaire, type Summary } from '../../../src/engines/questionnaire/index.ts';
import { API, qs } from '../api.ts';
import {
  Alert,
  ErrorMessage,
  Loading,
  NotAllowed,
  PageTitle,
  Section,
  SelectField,
} from '../components/ui.tsx';
import { crosstabQuestions } from './form-model.ts';
import { useCampaign, useRate, useResult, useVersion } from './hooks.ts';
import { CategoryBars } from './MappingCharts.tsx';
import { CoverageSection, CrosstabSection, RadarSection, TrendsSection } from './ResultSections.tsx';
import { Figure, useLabels } from './result-parts.tsx';
import type { CampaignDetail, SummariesResult, SummaryItem } from './types.ts';
import './mapping.css';

/** Results of a campaign, as the caller's view allows (full, or aggregate with suppression). */
export function ResultsPage() {
  const { id = '' } = useParams();
  const campaign = useCampaign(id);
  const version = useVersion(
    campaign.data?.questionnaireId ?? '',
    campaign.data?.version ?? '',
    !!campaign.data,
  );
  if (campaign.isLoading || version.isLoading) return <Loading />;
  if (campaign.error) return <ErrorMessage error={campaign.error} />;
  if (!campaign.data || !version.data) return <ErrorMessage error={version.error} />;
  if (campaign.data.abilities.results === 'none') return <NotAllowed because="role" />;
  return <Results c={campaign.data} q={version.data.questionnaire} />;
}

function Results({ c, q }: { c: CampaignDetail; q: Questionnaire }) {
  const { t } = useTranslation();
  const labels = useLabels(q);
  const aggregate = c.abilities.results === 'aggregate';
  const [filterQuestion, setFilterQuestion] = useState('');
  const [filterValue, setFilterValue] = useState('');
  const filter = filterQuestion ? { filterQuestion, filterValue: filterValue || undefined } : {};
  const summaries = useResult<SummariesResult>(c.id, 'summaries', filter);
  const rate = useRate(c.id, c.abilities.rate !== 'none');
  const filterItem = filterQuestion ? indexItems(q).get(filterQuestion)?.item : undefined;
  const filterOptions =
    filterItem && 'choices' in filterItem && 'list' in filterItem.choices
      ? (q.choiceLists[filterItem.choices.list] ?? []).map((x) => x.name)
      : filterItem?.type === 'yes_no'
        ? ['yes', 'no']
        : filterItem?.type === 'scale'
          ? Array.from(
              { length: Math.floor((filterItem.max - filterItem.min) / filterItem.step) + 1 },
              (_, i) => String(filterItem.min + i * filterItem.step),
            )
          : [];

  return (
    <>
      <PageTitle>{t('mapping.results.heading', { title: c.title })}</PageTitle>
      <p>
        <Link to={`/mapping/campaigns/${c.id}`}>{t('mapping.response.backToCampaign')}</Link>
      </p>
      <Alert kind="info">
        <p>
          {aggregate ? t('mapping.results.aggregateView') : t('mapping.results.fullView')}{' '}
          {aggregate && t('mapping.results.suppressedExplained')}
        </p>
      </Alert>
      {rate.data && (
        <Section title={t('mapping.rate.title')}>
          <p className="big-figure">
            {t('mapping.rate.summary', {
              rate: rate.data.rate,
              validated: rate.data.validated,
              participants: rate.data.participants,
            })}
          </p>
          <p>
            {rate.data.missing.length
              ? t('mapping.rate.missing', { codes: rate.data.missing.join(', ') })
              : t('mapping.rate.noneMissing')}
          </p>
        </Section>
      )}
      {c.abilities.export && <ExportSection c={c} q={q} />}
      <Section title={t('mapping.results.summaries')}>
        <div className="filter-row">
          <SelectField
            label={t('mapping.results.filterQuestion')}
            value={filterQuestion}
            onChange={(e) => {
              setFilterQuestion(e.target.value);
              setFilterValue('');
            }}
          >
            <option value="">{t('mapping.results.noFilter')}</option>
            {crosstabQuestions(q).map((i) => (
              <option key={i.code} value={i.code}>
                {labels.question(i.code)}
              </option>
            ))}
          </SelectField>
          {filterQuestion && (
            <SelectField
              label={t('mapping.results.filterValue')}
              value={filterValue}
              onChange={(e) => setFilterValue(e.target.value)}
            >
              <option value="">{t('mapping.results.anyAnswer')}</option>
              {filterOptions.map((v) => (
                <option
                  key={v}
                  value={
                    v === 'yes' && filterItem?.type === 'yes_no'
                      ? 'true'
                      : v === 'no' && filterItem?.type === 'yes_no'
                        ? 'false'
                        : v
                  }
                >
                  {labels.value(filterQuestion, v)}
                </option>
              ))}
            </SelectField>
          )}
        </div>
        {summaries.isLoading ? (
          <Loading />
        ) : summaries.error ? (
          <ErrorMessage error={summaries.error} />
        ) : (
          summaries.data && (
            <>
              <p>
                {t('mapping.results.respondents')}: <Figure value={summaries.data.respondents} />
              </p>
              {summaries.data.items.map((item) => (
                <SummaryView key={item.code} item={item} q={q} own={summaries.data.own ?? null} />
              ))}
            </>
          )
        )}
      </Section>
      <CrosstabSection c={c} q={q} filter={filter} />
      <CoverageSection c={c} q={q} />
      <RadarSection c={c} q={q} />
      <TrendsSection c={c} q={q} />
    </>
  );
}

function SummaryView({
  item,
  q,
  own,
}: {
  item: SummaryItem;
  q: Questionnaire;
  own: Record<string, unknown> | null;
}) {
  const { t } = useTranslation();
  const labels = useLabels(q);
  const title = labels.question(item.code);
  const s: Summary = item.summary;
  const ownValue = own && item.repeats.length === 0 && !item.matrix ? own[item.code] : undefined;
  return (
    <div className="q-summary">
      <h3>{title}</h3>
      {ownValue !== undefined && (
        <p className="hint">
          {t('mapping.results.yourAnswer')}:{' '}
          {Array.isArray(ownValue)
            ? ownValue.map((v) => labels.value(item.code, String(v))).join(', ')
            : labels.value(item.code, String(ownValue))}
        </p>
      )}
      {s.kind === 'choice' && (
        <>
          {s.categories.some((c) => c.count !== null) ? (
            <CategoryBars
              items={s.categories.map((c) => ({ name: labels.value(item.code, c.value), value: c.count }))}
              description={t('mapping.results.barsOf', { question: title })}
            />
          ) : (
            <p className="hint">{t('mapping.results.noChart')}</p>
          )}
          <div className="table-wrap">
            <table>
              <caption>{t('mapping.results.tableOf', { question: title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('mapping.results.answer')}</th>
                  <th scope="col">{t('mapping.results.count')}</th>
                  <th scope="col">{t('mapping.results.percent')}</th>
                </tr>
              </thead>
              <tbody>
                {s.categories.map((c) => (
                  <tr key={c.value}>
                    <th scope="row">{labels.value(item.code, c.value)}</th>
                    <td>
                      <Figure value={c.count} />
                    </td>
                    <td>
                      <Figure value={c.percent} /> {c.percent !== null && '%'}
                    </td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t('mapping.results.answered')}</th>
                  <td>
                    <Figure value={s.n} />
                  </td>
                  <td />
                </tr>
              </tbody>
            </table>
          </div>
          {s.multiple && <p className="hint">{t('mapping.results.multipleNote')}</p>}
        </>
      )}
      {s.kind === 'number' && (
        <dl className="facts stats">
          {(['n', 'count', 'mean', 'median', 'q1', 'q3', 'min', 'max'] as const)
            .filter((k) => k in s)
            .map((k) => (
              <div key={k}>
                <dt>{t(`mapping.results.stat.${k}`)}</dt>
                <dd>
                  <Figure value={s[k as keyof typeof s] as number | null} digits={2} />
                </dd>
              </div>
            ))}
        </dl>
      )}
      {s.kind === 'text' &&
        (s.withheld ? (
          <p>{t('mapping.results.textWithheld')}</p>
        ) : (
          <ul>
            {(s.values ?? []).map((v, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: answers may repeat
              <li key={i}>{v}</li>
            ))}
          </ul>
        ))}
      {s.kind === 'count' && (
        <p>
          {t('mapping.results.answered')}: <Figure value={s.n} />
        </p>
      )}
    </div>
  );
}

/** Exports of the validated responses: CSV, XLSX (codes or labels in a language of the form) and JSON. */
function ExportSection({ c, q }: { c: CampaignDetail; q: Questionnaire }) {
  const { t } = useTranslation();
  const [labels, setLabels] = useState(false);
  const [language, setLanguage] = useState('');
  const query = (format: 'csv' | 'xlsx' | 'json') =>
    format === 'json'
      ? qs({ format })
      : qs({ format, labels: labels ? 'true' : 'false', language: labels ? language : undefined });
  return (
    <Section title={t('mapping.results.exports')}>
      <p>{t('mapping.results.exportIntro')}</p>
      <div className="filter-row">
        <SelectField
          label={t('mapping.results.exportLabels')}
          value={labels ? 'labels' : 'codes'}
          onChange={(e) => setLabels(e.target.value === 'labels')}
        >
          <option value="codes">{t('mapping.results.exportCodes')}</option>
          <option value="labels">{t('mapping.results.exportLabelsOption')}</option>
        </SelectField>
        {labels && (
          <SelectField
            label={t('mapping.results.exportLanguage')}
            value={language}
            onChange={(e) => setLanguage(e.target.value)}
          >
            <option value="">{t('mapping.results.exportLanguageDefault')}</option>
            {q.languages
              .filter((l) => /^[a-z]{2}(-[A-Za-z]{2})?$/.test(l.code))
              .map((l) => (
                <option key={l.code} value={l.code}>
                  {l.name ?? l.code}
                </option>
              ))}
          </SelectField>
        )}
      </div>
      <div className="actions">
        {(['csv', 'xlsx', 'json'] as const).map((f) => (
          <a
            key={f}
            className="button button-secondary"
            href={`${API}/mapping/campaigns/${c.id}/results/export${query(f)}`}
            download
          >
            {t(`mapping.results.export.${f}`)}
          </a>
        ))}
      </div>
    </Section>
  );
}
