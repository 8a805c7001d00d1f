import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, type NetworkRow, type OrganisationRow } from '../api.ts';
import {
  ErrorMessage,
  fieldErrorsOf,
  Loading,
  NotAllowed,
  PageTitle,
  Section,
  SelectField,
  TextField,
  useNotice,
} from '../components/ui.tsx';
import { useSignedIn } from '../session.ts';
import { useQuestionnaires } from './hooks.ts';
import type { CampaignDetail, Sharing } from './types.ts';
import './mapping.css';

const SHARINGS: Sharing[] = ['named', 'aggregate_only', 'coordinator_only'];
const TARGETS = ['all', 'network', 'sharing_group', 'list'] as const;
type TargetKind = (typeof TARGETS)[number];

const inDays = (d: number) => {
  const x = new Date(Date.now() + d * 86_400_000);
  x.setSeconds(0, 0);
  return new Date(x.getTime() - x.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** A coordinator opens a campaign: a questionnaire version sent to administrations with dates and a sharing mode. */
export function OpenCampaignPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const notice = useNotice();
  const qc = useQueryClient();
  const questionnaires = useQuestionnaires();
  const networks = useQuery({
    queryKey: ['networks'],
    queryFn: () => api<{ items: NetworkRow[] }>('/networks'),
  });
  const groups = useQuery({
    queryKey: ['sharing-groups'],
    queryFn: () => api<{ items: { id: string; name: string }[] }>('/sharing-groups'),
  });
  const orgs = useQuery({
    queryKey: ['organisations', ''],
    queryFn: () => api<{ items: OrganisationRow[] }>('/organisations'),
  });
  const [versionId, setVersionId] = useState(params.get('version') ?? '');
  const [title, setTitle] = useState('');
  const [opensAt, setOpensAt] = useState(inDays(0));
  const [closesAt, setClosesAt] = useState(inDays(30));
  const [unit, setUnit] = useState<'administration' | 'person'>('administration');
  const [sharing, setSharing] = useState<Sharing>('aggregate_only');
  const [target, setTarget] = useState<TargetKind>('all');
  const [targetNetwork, setTargetNetwork] = useState('');
  const [group, setGroup] = useState('');
  const [list, setList] = useState<string[]>([]);
  const [reminders, setReminders] = useState('7, 2');
  const coordinated = (me.networks ?? []).filter((n) => n.role === 'coordinator');
  const [networkId, setNetworkId] = useState(coordinated[0]?.id ?? '');

  const sendable = (questionnaires.data?.items ?? []).filter((q) => q.abilities.sendCampaign);
  const chosen = sendable.find((q) => q.versions.some((v) => v.id === versionId));
  const open = useMutation({
    mutationFn: () =>
      api<CampaignDetail>('/mapping/campaigns', {
        body: {
          questionnaireVersionId: versionId,
          ...(chosen && !chosen.networkId ? { networkId } : {}),
          title: title.trim(),
          opensAt: new Date(opensAt).toISOString(),
          closesAt: new Date(closesAt).toISOString(),
          respondentUnit: unit,
          sharing,
          target:
            target === 'all'
              ? { kind: 'all' }
              : target === 'network'
                ? { kind: 'network', networkId: targetNetwork }
                : target === 'sharing_group'
                  ? { kind: 'sharing_group', sharingGroupId: group }
                  : { kind: 'list', organisationIds: list },
          reminderDays: reminders
            .split(/[\s,;]+/)
            .filter(Boolean)
            .map(Number),
        },
      }),
    onSuccess: (c) => {
      notice('success', t('mapping.open.done', { count: c.participants.length }));
      void qc.invalidateQueries({ queryKey: ['mapping'] });
      navigate(`/mapping/campaigns/${c.id}`);
    },
  });
  if (questionnaires.isLoading) return <Loading />;
  if (sendable.length === 0) return <NotAllowed />;
  const fe = fieldErrorsOf(open.error);
  const administrations = (orgs.data?.items ?? []).filter((o) => o.type === 'national_administration');

  return (
    <>
      <PageTitle>{t('mapping.open.title')}</PageTitle>
      <p className="lead">{t('mapping.open.intro')}</p>
      <form
        className="mapping-form"
        onSubmit={(e) => {
          e.preventDefault();
          open.mutate();
        }}
      >
        <Section title={t('mapping.open.what')}>
          <SelectField
            label={t('mapping.open.version')}
            value={versionId}
            onChange={(e) => setVersionId(e.target.value)}
            error={fe.questionnaireVersionId}
            required
          >
            <option value="">{t('mapping.open.chooseVersion')}</option>
            {sendable.flatMap((q) =>
              q.versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {`${q.title} — ${v.version}`}
                </option>
              )),
            )}
          </SelectField>
          {chosen && !chosen.networkId && (
            <SelectField
              label={t('mapping.open.network')}
              value={networkId}
              onChange={(e) => setNetworkId(e.target.value)}
              error={fe.networkId}
            >
              {coordinated.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.name}
                </option>
              ))}
            </SelectField>
          )}
          <TextField
            label={t('mapping.campaign.title')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            error={fe.title}
            required
            maxLength={300}
          />
          <div className="form-row">
            <TextField
              label={t('mapping.campaign.opensAt')}
              type="datetime-local"
              value={opensAt}
              onChange={(e) => setOpensAt(e.target.value)}
              error={fe.opensAt}
              required
            />
            <TextField
              label={t('mapping.campaign.closesAt')}
              type="datetime-local"
              value={closesAt}
              onChange={(e) => setClosesAt(e.target.value)}
              error={fe.closesAt}
              required
            />
          </div>
          <TextField
            label={t('mapping.open.reminders')}
            hint={t('mapping.open.remindersHint')}
            value={reminders}
            onChange={(e) => setReminders(e.target.value)}
            error={fe.reminderDays}
          />
          <fieldset className="fieldset">
            <legend>{t('mapping.campaign.unit')}</legend>
            {(['administration', 'person'] as const).map((u) => (
              <label key={u} className="checkbox">
                <input type="radio" name="unit" value={u} checked={unit === u} onChange={() => setUnit(u)} />
                {t(`mapping.unit.${u}`)}
              </label>
            ))}
          </fieldset>
        </Section>
        <Section title={t('mapping.campaign.sharing')}>
          <fieldset className="fieldset">
            <legend>{t('mapping.open.sharingLegend')}</legend>
            {SHARINGS.map((s) => (
              <div key={s} className="sharing-choice">
                <label className="checkbox">
                  <input
                    type="radio"
                    name="sharing"
                    value={s}
                    checked={sharing === s}
                    onChange={() => setSharing(s)}
                    aria-describedby={`sharing-${s}`}
                  />
                  {t(`mapping.sharing.${s}.name`)}
                </label>
                <p className="hint" id={`sharing-${s}`}>
                  {t(`mapping.sharing.${s}.rule`)}
                </p>
              </div>
            ))}
          </fieldset>
        </Section>
        <Section title={t('mapping.open.target')}>
          <fieldset className="fieldset">
            <legend>{t('mapping.open.targetLegend')}</legend>
            {TARGETS.map((k) => (
              <label key={k} className="checkbox">
                <input
                  type="radio"
                  name="target"
                  value={k}
                  checked={target === k}
                  onChange={() => setTarget(k)}
                />
                {t(`mapping.target.${k}`)}
              </label>
            ))}
          </fieldset>
          {target === 'network' && (
            <SelectField
              label={t('mapping.target.network')}
              value={targetNetwork}
              onChange={(e) => setTargetNetwork(e.target.value)}
              required
            >
              <option value="">{t('mapping.open.choose')}</option>
              {(networks.data?.items ?? []).map((n) => (
                <option key={n.id} value={n.id}>
                  {n.name}
                </option>
              ))}
            </SelectField>
          )}
          {target === 'sharing_group' && (
            <SelectField
              label={t('mapping.target.sharing_group')}
              value={group}
              onChange={(e) => setGroup(e.target.value)}
              required
            >
              <option value="">{t('mapping.open.choose')}</option>
              {(groups.data?.items ?? []).map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </SelectField>
          )}
          {target === 'list' && (
            <fieldset className="fieldset checkbox-grid">
              <legend>{t('mapping.target.list')}</legend>
              {administrations.map((o) => (
                <label key={o.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={list.includes(o.id)}
                    onChange={(e) =>
                      setList((l) => (e.target.checked ? [...l, o.id] : l.filter((x) => x !== o.id)))
                    }
                  />
                  {`${o.code} — ${o.name}`}
                </label>
              ))}
            </fieldset>
          )}
          {fe.target && <p className="field-error">{fe.target}</p>}
        </Section>
        <ErrorMessage error={open.error} />
        <div className="actions">
          <button type="submit" className="button" disabled={open.isPending || !versionId || !title.trim()}>
            {t('mapping.open.submit')}
          </button>
          <Link to="/mapping">{t('common.cancel')}</Link>
        </div>
      </form>
    </>
  );
}
