import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type Distribution, type MarkingRules, qs, type Tlp } from '../api.ts';
import type { RegistryRecord } from '../registry/types.ts';
import { useMe } from '../session.ts';
import { ruleOf, useMarkingRules } from './marking-rules.ts';
import { Marking, SelectField, TLP_LABEL, TlpBadge, useFormat } from './ui.tsx';

export { ruleOf, useMarkingRules };

export interface Person {
  id: string;
  display_name: string;
  organisation_code: string;
}

export interface MarkingValue {
  distribution: Distribution;
  sharingGroupId: string;
  tlp: Tlp;
  recipients: Person[];
  /** The organisations named by the 'organisations' distribution (ids). */
  organisationIds: string[];
}

/** The marking as the API takes it; the lists a marking or distribution needs, by the rules. */
export function markingBody(m: MarkingValue, rules: MarkingRules | undefined) {
  const needs = rules?.distributions.find((d) => d.distribution === m.distribution)?.needs;
  return {
    distribution: m.distribution,
    ...(needs === 'sharing_group' ? { sharingGroupId: m.sharingGroupId || null } : {}),
    tlp: m.tlp,
    recipientIds: ruleOf(rules, m.tlp)?.namedRecipientsOnly ? m.recipients.map((r) => r.id) : [],
    organisationIds: needs === 'organisations' ? m.organisationIds : [],
  };
}

interface SharingGroup {
  id: string;
  name: string;
  includesMe: boolean;
}

/** Finds people to name (GET /users/directory): TLP:RED recipients by default, or co-editors, reviewers. */
export function RecipientPicker({
  value,
  onChange,
  error,
  legend,
  hint,
  chosenLabel,
}: {
  value: Person[];
  onChange: (p: Person[]) => void;
  error?: string | undefined;
  legend?: string;
  hint?: string;
  chosenLabel?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setDebounced(q.trim()), 250);
    return () => clearTimeout(h);
  }, [q]);
  const results = useQuery({
    queryKey: ['directory', debounced],
    queryFn: () => api<{ items: Person[] }>(`/users/directory${qs({ q: debounced })}`),
    enabled: debounced.length >= 2,
  });
  const found = (results.data?.items ?? []).filter((p) => !value.some((v) => v.id === p.id));
  return (
    <fieldset className={`fieldset${error ? ' field-invalid' : ''}`}>
      <legend>{legend ?? t('marking.recipients')}</legend>
      <p className="hint">{hint ?? t('marking.recipientsHint')}</p>
      {value.length > 0 && (
        <ul className="chips" aria-label={chosenLabel ?? t('marking.chosenRecipients')}>
          {value.map((p) => (
            <li key={p.id} className="chip">
              {p.display_name} ({p.organisation_code})
              <button
                type="button"
                className="chip-remove"
                aria-label={t('marking.removeRecipient', { name: p.display_name })}
                onClick={() => onChange(value.filter((v) => v.id !== p.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor={id}>{t('marking.findPeople')}</label>
        <input id={id} type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
      </div>
      <p className="visually-hidden" aria-live="polite">
        {debounced.length >= 2 && results.data ? t('marking.resultsCount', { count: found.length }) : ''}
      </p>
      {debounced.length >= 2 && found.length > 0 && (
        <ul className="picker-results">
          {found.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => onChange([...value, p])}
              >
                {t('marking.add', { name: `${p.display_name} (${p.organisation_code})` })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}

interface OrganisationRow {
  id: string;
  code: string;
  name: string;
  names: Record<string, string>;
}

/** Chooses the organisations that read a record besides the owning one (always a reader). */
export function OrganisationPicker({
  value,
  onChange,
  error,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const orgs = useQuery({
    queryKey: ['organisations', 'all'],
    queryFn: () => api<{ items: OrganisationRow[] }>('/organisations'),
  });
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const others = (orgs.data?.items ?? [])
    .filter((o) => o.id !== me?.organisation?.id)
    .sort((x, y) => x.code.localeCompare(y.code));
  return (
    <fieldset className={`fieldset${error ? ' field-invalid' : ''}`}>
      <legend>{t('marking.organisations')}</legend>
      <p className="hint">{t('marking.organisationsHint')}</p>
      <div className="checkbox-grid">
        {others.map((o) => (
          <label key={o.id} className="checkbox">
            <input
              type="checkbox"
              checked={value.includes(o.id)}
              onChange={(e) =>
                onChange(e.target.checked ? [...value, o.id] : value.filter((id) => id !== o.id))
              }
            />
            {o.code} — {o.names[lang] ?? o.name}
          </label>
        ))}
      </div>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}

/** The codes of the organisations a record is distributed to by name ("FR, IE"). */
export function NamedOrganisations({ ids }: { ids: readonly string[] }) {
  const orgs = useQuery({
    queryKey: ['organisations', 'all'],
    queryFn: () => api<{ items: OrganisationRow[] }>('/organisations'),
    enabled: ids.length > 0,
  });
  const codes = (orgs.data?.items ?? [])
    .filter((o) => ids.includes(o.id))
    .map((o) => o.code)
    .sort();
  return <>{codes.join(', ')}</>;
}

/** Distribution, TLP marking and the lists they need (named recipients, organisations, group), by the API's rules. */
export function MarkingFields({
  value,
  onChange,
  errors,
}: {
  value: MarkingValue;
  onChange: (m: MarkingValue) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const rules = useMarkingRules();
  const needs = rules?.distributions.find((d) => d.distribution === value.distribution)?.needs;
  const groups = useQuery({
    queryKey: ['sharing-groups'],
    queryFn: () => api<{ items: SharingGroup[] }>('/sharing-groups'),
    enabled: needs === 'sharing_group',
  });
  const set = (patch: Partial<MarkingValue>) => onChange({ ...value, ...patch });
  if (!rules) return <p className="muted">{t('common.loading')}</p>;
  const rule = ruleOf(rules, value.tlp);
  // Public distribution only where the marking allows it (the one already chosen stays listed).
  const distributions = rules.distributions.filter(
    (d) => d.distribution !== 'public' || rule?.publicAllowed || value.distribution === 'public',
  );
  return (
    <>
      <fieldset className={`fieldset tlp-choice${errors.tlp ? ' field-invalid' : ''}`}>
        <legend>{t('marking.tlp')}</legend>
        <div className="radio-row">
          {rules.markings.map(({ tlp: x }) => (
            <label key={x} className="radio-card">
              <input
                type="radio"
                name="tlp"
                value={x}
                checked={value.tlp === x}
                onChange={() => set({ tlp: x })}
              />
              <TlpBadge tlp={x} />
              <span className="radio-text">{t(`tlp.${x}.short`)}</span>
            </label>
          ))}
        </div>
        <p className="hint">{t(`tlp.${value.tlp}.rule`)}</p>
        {errors.tlp && <p className="field-error">{errors.tlp}</p>}
      </fieldset>
      {rule?.namedRecipientsOnly ? (
        <RecipientPicker
          value={value.recipients}
          onChange={(recipients) => set({ recipients })}
          error={errors.recipientIds}
        />
      ) : (
        <SelectField
          label={t('marking.distribution')}
          value={value.distribution}
          onChange={(e) => set({ distribution: e.target.value as Distribution })}
          hint={t(`distribution.${value.distribution}.rule`)}
          error={errors.distribution}
        >
          {distributions.map(({ distribution: d }) => (
            <option key={d} value={d}>
              {t(`distribution.${d}.label`)}
            </option>
          ))}
        </SelectField>
      )}
      {!rule?.namedRecipientsOnly && needs === 'organisations' && (
        <OrganisationPicker
          value={value.organisationIds}
          onChange={(organisationIds) => set({ organisationIds })}
          error={errors.organisationIds}
        />
      )}
      {!rule?.namedRecipientsOnly && needs === 'sharing_group' && (
        <SelectField
          label={t('marking.sharingGroup')}
          value={value.sharingGroupId}
          onChange={(e) => set({ sharingGroupId: e.target.value })}
          error={errors.sharingGroupId}
          required
        >
          <option value="">{t('common.choose')}</option>
          {(groups.data?.items ?? []).map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </SelectField>
      )}
    </>
  );
}

/**
 * Announcements (registry records of the kind `announcement`) as cards: TLP badge and sharing
 * rule on every row; `networkName` names the network a record is posted in.
 */
export function AnnouncementCards({
  items,
  networkName,
}: {
  items: RegistryRecord[];
  networkName: (code: string) => string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  if (items.length === 0) return <p className="muted">{t('announcements.none')}</p>;
  return (
    <ul className="announcement-cards">
      {items.map((a) => (
        <li key={a.id} className="announcement-card">
          <Marking tlp={a.tlp} distribution={a.distribution} marking={a.marking} />
          <h3>
            <Link to={`/registry/announcement/${a.id}`}>{a.title}</Link>
          </h3>
          <p className="muted">
            {t('announcements.meta', {
              org: a.owner_org_code,
              network: networkName(String(a.data.network ?? '')),
            })}{' '}
            · <time dateTime={a.created_at}>{f.dateTime(a.created_at)}</time>
          </p>
        </li>
      ))}
    </ul>
  );
}

export { TLP_LABEL };
