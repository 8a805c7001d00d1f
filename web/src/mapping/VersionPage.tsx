import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { walkItems } from '../../../src/engines/questionnaire/index.ts';
import { API } from '../api.ts';
import { ErrorMessage, Loading, PageTitle, Section, useFormat } from '../components/ui.tsx';
import { formLanguage, textOf } from './form-model.ts';
import { useVersion } from './hooks.ts';
import { CodeList } from './ImportPage.tsx';
import './mapping.css';

/** One published version: its sections and questions, languages, left-out items, kept codes, XLSForm download. */
export function VersionPage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const { id = '', version = '' } = useParams();
  const { data: v, isLoading, error } = useVersion(id, version);
  if (isLoading) return <Loading />;
  if (error || !v) return <ErrorMessage error={error} />;
  const q = v.questionnaire;
  const lang = formLanguage(q, i18n.language);
  const places = walkItems(q.items);
  return (
    <>
      <PageTitle>{t('mapping.version.heading', { title: v.title, version: v.version })}</PageTitle>
      <p>
        <Link to="/mapping">{t('mapping.back')}</Link>
      </p>
      <dl className="facts">
        <div>
          <dt>{t('mapping.questionnaire.code')}</dt>
          <dd>
            <code>{v.code}</code>
          </dd>
        </div>
        <div>
          <dt>{t('mapping.questionnaire.languages')}</dt>
          <dd>{q.languages.map((l) => l.name ?? l.code).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('mapping.version.published')}</dt>
          <dd>{fmt.dateTime(v.createdAt)}</dd>
        </div>
        <div>
          <dt>{t('mapping.version.file')}</dt>
          <dd>{v.fileName ?? '—'}</dd>
        </div>
        {v.previousVersion && (
          <div>
            <dt>{t('mapping.version.previous')}</dt>
            <dd>{v.previousVersion}</dd>
          </div>
        )}
      </dl>
      <div className="actions">
        <a
          className="button button-secondary"
          href={`${API}/mapping/questionnaires/${id}/versions/${encodeURIComponent(version)}/xlsform`}
          download
        >
          {t('mapping.version.download')}
        </a>
        {v.abilities.sendCampaign && (
          <Link className="button" to={`/mapping/campaigns/new?version=${v.id}`}>
            {t('mapping.open.action')}
          </Link>
        )}
      </div>
      {v.comparison && (
        <Section title={t('mapping.version.comparison', { previous: v.previousVersion ?? '' })}>
          <dl className="facts">
            <CodeList label={t('mapping.version.kept')} codes={v.comparison.kept} />
            <CodeList label={t('mapping.version.added')} codes={v.comparison.added} />
            <CodeList label={t('mapping.version.removed')} codes={v.comparison.removed} />
            <CodeList
              label={t('mapping.version.changed')}
              codes={v.comparison.changedType.map((c) => c.code)}
            />
          </dl>
        </Section>
      )}
      <Section title={t('mapping.version.questions')}>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('mapping.version.questions')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mapping.version.section')}</th>
                <th scope="col">{t('mapping.questionnaire.code')}</th>
                <th scope="col">{t('mapping.version.label')}</th>
                <th scope="col">{t('mapping.version.type')}</th>
                <th scope="col">{t('mapping.version.rules')}</th>
              </tr>
            </thead>
            <tbody>
              {places.map(({ item, parents, matrix }) => (
                <tr key={`${parents.map((p) => p.code).join('/')}/${item.code}`}>
                  <td>
                    {[...parents, ...(matrix ? [matrix] : [])]
                      .map((p) => textOf(p.label, q, lang))
                      .join(' › ')}
                  </td>
                  <td>
                    <code>{item.code}</code>
                  </td>
                  <td>{textOf(item.label, q, lang)}</td>
                  <td>{t(`mapping.types.${item.type}`)}</td>
                  <td>
                    {[
                      'required' in item && item.required ? t('mapping.version.required') : '',
                      item.relevant ? t('mapping.version.relevant', { expr: item.relevant }) : '',
                      'constraint' in item && item.constraint
                        ? t('mapping.version.constraint', { expr: item.constraint })
                        : '',
                      'calculation' in item && item.calculation
                        ? t('mapping.version.calculation', { expr: item.calculation })
                        : '',
                      item.binding
                        ? t('mapping.version.binding', { list: item.binding.list, code: item.binding.code })
                        : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
      <Section title={t('mapping.version.leftOut')}>
        {v.leftOut.length === 0 ? (
          <p>{t('mapping.version.noneLeftOut')}</p>
        ) : (
          <ul>
            {v.leftOut.map((l) => (
              <li key={`${l.sheet}-${l.row}`}>
                {t('mapping.version.leftOutItem', {
                  sheet: l.sheet,
                  row: l.row,
                  name: l.code ?? '—',
                  reason: l.reason,
                })}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
