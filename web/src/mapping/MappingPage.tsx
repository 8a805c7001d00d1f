import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable, ErrorMessage, Loading, PageTitle, Section, useFormat } from '../components/ui.tsx';
import { useSignedIn } from '../session.ts';
import { useCampaigns, useQuestionnaires } from './hooks.ts';
import type { CampaignRow, QuestionnaireRow } from './types.ts';
import './mapping.css';

const qcol = createColumnHelper<QuestionnaireRow>();
const ccol = createColumnHelper<CampaignRow>();

/** Mapping exercises: the campaigns the user takes part in or runs, and the questionnaires. */
export function MappingPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useSignedIn();
  const questionnaires = useQuestionnaires();
  const campaigns = useCampaigns();
  const coordinates = (me.networks ?? []).some((n) => n.role === 'coordinator');
  const canImport = coordinates || !!me.abilities?.platformAdmin;
  const canSend = (questionnaires.data?.items ?? []).some((q) => q.abilities.sendCampaign);

  const campaignColumns = [
    ccol.accessor('title', {
      header: t('mapping.campaign.title'),
      cell: (c) => <Link to={`/mapping/campaigns/${c.row.original.id}`}>{c.getValue()}</Link>,
    }),
    ccol.accessor((r) => `${r.questionnaireCode} ${r.version}`, {
      id: 'questionnaire',
      header: t('mapping.campaign.questionnaire'),
    }),
    ccol.accessor('sharing', {
      header: t('mapping.campaign.sharing'),
      cell: (c) => t(`mapping.sharing.${c.getValue()}.name`),
    }),
    ccol.accessor('opensAt', { header: t('mapping.campaign.opensAt'), cell: (c) => fmt.date(c.getValue()) }),
    ccol.accessor('closesAt', {
      header: t('mapping.campaign.closesAt'),
      cell: (c) => fmt.date(c.getValue()),
    }),
  ];
  const questionnaireColumns = [
    qcol.accessor('title', { header: t('mapping.questionnaire.title') }),
    qcol.accessor('code', { header: t('mapping.questionnaire.code') }),
    qcol.accessor((r) => r.networkCode ?? '', {
      id: 'network',
      header: t('mapping.questionnaire.network'),
      cell: (c) => c.getValue() || t('mapping.questionnaire.noNetwork'),
    }),
    qcol.display({
      id: 'versions',
      header: t('mapping.questionnaire.versions'),
      cell: (c) => (
        <ul className="inline-list">
          {c.row.original.versions.map((v) => (
            <li key={v.id}>
              <Link
                to={`/mapping/questionnaires/${c.row.original.id}/versions/${encodeURIComponent(v.version)}`}
                aria-label={t('mapping.questionnaire.versionOf', {
                  version: v.version,
                  title: c.row.original.title,
                })}
              >
                {v.version}
              </Link>
            </li>
          ))}
        </ul>
      ),
    }),
  ];

  return (
    <>
      <PageTitle>{t('mapping.title')}</PageTitle>
      <p className="lead">{t('mapping.intro')}</p>
      <Section
        title={t('mapping.campaigns')}
        actions={
          canSend ? (
            <Link className="button" to="/mapping/campaigns/new">
              {t('mapping.open.action')}
            </Link>
          ) : undefined
        }
      >
        {campaigns.isLoading ? (
          <Loading />
        ) : campaigns.error ? (
          <ErrorMessage error={campaigns.error} />
        ) : (
          <DataTable
            data={campaigns.data?.items ?? []}
            columns={campaignColumns}
            caption={t('mapping.campaigns')}
            captionHidden
            empty={t('mapping.noCampaigns')}
            rowKey={(r) => r.id}
          />
        )}
      </Section>
      <Section
        title={t('mapping.questionnaires')}
        actions={
          canImport ? (
            <Link className="button button-secondary" to="/mapping/import">
              {t('mapping.import.action')}
            </Link>
          ) : undefined
        }
      >
        {questionnaires.isLoading ? (
          <Loading />
        ) : questionnaires.error ? (
          <ErrorMessage error={questionnaires.error} />
        ) : (
          <DataTable
            data={questionnaires.data?.items ?? []}
            columns={questionnaireColumns}
            caption={t('mapping.questionnaires')}
            captionHidden
            empty={t('mapping.noQuestionnaires')}
            rowKey={(r) => r.id}
          />
        )}
      </Section>
    </>
  );
}
