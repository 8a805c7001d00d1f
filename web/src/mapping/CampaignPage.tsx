import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, type UserRow } from '../api.ts';
import {
  DataTable,
  ErrorMessage,
  fieldErrorsOf,
  Loading,
  PageTitle,
  Section,
  SelectField,
  StatusPill,
  TextField,
  useFormat,
  useNotice,
} from '../components/ui.tsx';
import { useSignedIn } from '../session.ts';
import { useCampaign, useCampaignResponses, useRate, useVersion } from './hooks.ts';
import { RecordMappingsSection } from './RecordMappingsSection.tsx';
import type { CampaignDetail, RateResult, ResponseRow } from './types.ts';
import './mapping.css';

const rcol = createColumnHelper<ResponseRow>();
const acol = createColumnHelper<RateResult['administrations'][number]>();

/** One campaign: what it asks and of whom, the caller's responses, who is missing, assignments, the close. */
export function CampaignPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { id = '' } = useParams();
  const { data: c, isLoading, error } = useCampaign(id);
  const responses = useCampaignResponses(id);
  const rate = useRate(id, !!c && c.abilities.rate !== 'none');
  const version = useVersion(c?.questionnaireId ?? '', c?.version ?? '', !!c);
  if (isLoading) return <Loading />;
  if (error || !c) return <ErrorMessage error={error} />;

  const responseColumns = [
    rcol.accessor((r) => r.organisation.code, {
      id: 'administration',
      header: t('mapping.campaign.administration'),
    }),
    rcol.accessor('status', {
      header: t('mapping.response.status'),
      cell: (x) => <StatusPill status={x.getValue()} label={t(`mapping.status.${x.getValue()}`)} />,
    }),
    rcol.accessor('validatedAt', {
      header: t('mapping.response.validatedAt'),
      cell: (x) => fmt.dateTime(x.getValue()),
    }),
    rcol.display({
      id: 'open',
      header: t('mapping.response.open'),
      cell: (x) => (
        <Link to={`/mapping/responses/${x.row.original.id}`}>
          {x.row.original.abilities.update
            ? t('mapping.response.answer', { administration: x.row.original.organisation.code })
            : t('mapping.response.read', { administration: x.row.original.organisation.code })}
        </Link>
      ),
    }),
  ];
  const rateColumns = [
    acol.accessor('code', { header: t('mapping.campaign.administration') }),
    acol.accessor('name', { header: t('mapping.campaign.name') }),
    acol.accessor('status', {
      header: t('mapping.response.status'),
      cell: (x) => <StatusPill status={x.getValue()} label={t(`mapping.status.${x.getValue()}`)} />,
    }),
    acol.accessor('lastEditedAt', {
      header: t('mapping.response.lastEdited'),
      cell: (x) => fmt.dateTime(x.getValue()),
    }),
  ];

  return (
    <>
      <PageTitle>{c.title}</PageTitle>
      <p>
        <Link to="/mapping">{t('mapping.back')}</Link>
      </p>
      <dl className="facts">
        <div>
          <dt>{t('mapping.campaign.questionnaire')}</dt>
          <dd>
            <Link
              to={`/mapping/questionnaires/${c.questionnaireId}/versions/${encodeURIComponent(c.version)}`}
            >
              {`${c.questionnaireCode} ${c.version}`}
            </Link>
          </dd>
        </div>
        <div>
          <dt>{t('mapping.campaign.network')}</dt>
          <dd>{c.networkCode}</dd>
        </div>
        <div>
          <dt>{t('mapping.campaign.sharing')}</dt>
          <dd>
            <strong>{t(`mapping.sharing.${c.sharing}.name`)}</strong> —{' '}
            {t(`mapping.sharing.${c.sharing}.rule`)}
          </dd>
        </div>
        <div>
          <dt>{t('mapping.campaign.unit')}</dt>
          <dd>{t(`mapping.unit.${c.respondentUnit}`)}</dd>
        </div>
        <div>
          <dt>{t('mapping.campaign.opensAt')}</dt>
          <dd>{fmt.dateTime(c.opensAt)}</dd>
        </div>
        <div>
          <dt>{t('mapping.campaign.closesAt')}</dt>
          <dd>{fmt.dateTime(c.closesAt)}</dd>
        </div>
        <div>
          <dt>{t('mapping.campaign.reminders')}</dt>
          <dd>{t('mapping.campaign.reminderDays', { days: c.reminderDays.join(', ') })}</dd>
        </div>
        <div>
          <dt>{t('mapping.campaign.participants')}</dt>
          <dd>{c.participants.length}</dd>
        </div>
        {c.myRoles.length > 0 && (
          <div>
            <dt>{t('mapping.campaign.myRoles')}</dt>
            <dd>{c.myRoles.map((r) => t(`mapping.role.${r}`)).join(', ')}</dd>
          </div>
        )}
      </dl>
      {c.abilities.results !== 'none' && (
        <div className="actions">
          <Link className="button" to={`/mapping/campaigns/${c.id}/results`}>
            {t('mapping.results.open')}
          </Link>
        </div>
      )}
      <Section title={t('mapping.campaign.responses')}>
        {responses.isLoading ? (
          <Loading />
        ) : (
          <DataTable
            data={responses.data?.items ?? []}
            columns={responseColumns}
            caption={t('mapping.campaign.responses')}
            captionHidden
            empty={t('mapping.campaign.noResponses')}
            rowKey={(r) => r.id}
          />
        )}
      </Section>
      {c.abilities.rate !== 'none' && rate.data && (
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
          <DataTable
            data={rate.data.administrations}
            columns={rateColumns}
            caption={t('mapping.rate.table')}
            rowKey={(r) => r.id}
          />
        </Section>
      )}
      {c.abilities.rate !== 'all' && (
        <Section title={t('mapping.campaign.participantList')}>
          <ul className="inline-list">
            {c.participants.map((p) => (
              <li key={p.id}>
                <abbr title={p.name}>{p.code}</abbr>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {(c.abilities.assign || (c.abilities.rate === 'own' && c.assignments.length > 0)) && (
        <AssignSection c={c} />
      )}
      {version.data && <RecordMappingsSection c={c} q={version.data.questionnaire} />}
      {c.abilities.extend && <ExtendSection c={c} />}
    </>
  );
}

function AssignSection({ c }: { c: CampaignDetail }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const notice = useNotice();
  const qc = useQueryClient();
  const users = useQuery({
    queryKey: ['users', 'mapping-assign'],
    queryFn: () => api<{ items: UserRow[] }>('/users?limit=500'),
    enabled: c.abilities.assign,
  });
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<'respondent' | 'validator'>('respondent');
  const assign = useMutation({
    mutationFn: () => api(`/mapping/campaigns/${c.id}/assignments`, { body: { userId, role } }),
    onSuccess: () => {
      notice('success', t('mapping.assign.done'));
      setUserId('');
      void qc.invalidateQueries({ queryKey: ['mapping', 'campaign', c.id] });
    },
  });
  const remove = useMutation({
    mutationFn: (assignmentId: string) =>
      api(`/mapping/campaigns/${c.id}/assignments/${assignmentId}`, { method: 'DELETE' }),
    onSuccess: () => {
      notice('success', t('mapping.assign.removed'));
      void qc.invalidateQueries({ queryKey: ['mapping', 'campaign', c.id] });
    },
  });
  const candidates = (users.data?.items ?? []).filter(
    (u) => u.status === 'active' && u.organisation_id === me.organisation?.id,
  );
  const fe = fieldErrorsOf(assign.error);
  return (
    <Section title={t('mapping.assign.title')}>
      <p>{t('mapping.assign.intro')}</p>
      {c.assignments.length > 0 ? (
        <ul>
          {c.assignments.map((a) => (
            <li key={a.id}>
              {t('mapping.assign.item', { name: a.displayName, role: t(`mapping.role.${a.role}`) })}{' '}
              {a.abilities.remove && (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(a.id)}
                >
                  {t('mapping.assign.remove', { name: a.displayName, role: t(`mapping.role.${a.role}`) })}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('mapping.assign.none')}</p>
      )}
      {c.abilities.assign && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            assign.mutate();
          }}
        >
          <div className="form-row">
            <SelectField
              label={t('mapping.assign.user')}
              value={userId}
              onChange={(e) => setUserId(e.target.value)}
              error={fe.userId}
              required
            >
              <option value="">{t('mapping.open.choose')}</option>
              {candidates.map((u) => (
                <option key={u.id} value={u.id}>
                  {`${u.display_name} (${u.email})`}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('mapping.assign.role')}
              value={role}
              onChange={(e) => setRole(e.target.value as 'respondent' | 'validator')}
            >
              <option value="respondent">{t('mapping.role.respondent')}</option>
              <option value="validator">{t('mapping.role.validator')}</option>
            </SelectField>
          </div>
          <div className="actions">
            <button type="submit" className="button" disabled={!userId || assign.isPending}>
              {t('mapping.assign.submit')}
            </button>
          </div>
          <ErrorMessage error={assign.error} />
        </form>
      )}
      <ErrorMessage error={remove.error} />
    </Section>
  );
}

function ExtendSection({ c }: { c: CampaignDetail }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const qc = useQueryClient();
  const later = new Date(new Date(c.closesAt).getTime() + 7 * 86_400_000);
  const [value, setValue] = useState(
    new Date(later.getTime() - later.getTimezoneOffset() * 60_000).toISOString().slice(0, 16),
  );
  const extend = useMutation({
    mutationFn: () =>
      api(`/mapping/campaigns/${c.id}/extend`, { body: { closesAt: new Date(value).toISOString() } }),
    onSuccess: () => {
      notice('success', t('mapping.extend.done'));
      void qc.invalidateQueries({ queryKey: ['mapping'] });
    },
  });
  return (
    <Section title={t('mapping.extend.title')}>
      <form
        className="mapping-form"
        onSubmit={(e) => {
          e.preventDefault();
          extend.mutate();
        }}
      >
        <TextField
          label={t('mapping.extend.closesAt')}
          hint={t('mapping.extend.hint')}
          type="datetime-local"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={fieldErrorsOf(extend.error).closesAt}
          required
        />
        <div className="actions">
          <button type="submit" className="button button-secondary" disabled={extend.isPending}>
            {t('mapping.extend.submit')}
          </button>
        </div>
        <ErrorMessage error={extend.error} />
      </form>
    </Section>
  );
}
