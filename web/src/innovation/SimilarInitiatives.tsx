import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api.ts';
import { ErrorMessage, Loading, Section, SelectField } from '../components/ui.tsx';
import { useCodeList } from '../registry/hooks.ts';
import type { SimilarInitiative, SimilarReason } from './types.ts';

type Label = (list: string, code: string) => string;

function useLabel(): Label {
  const { i18n } = useTranslation();
  const lists = {
    innovation_domain: useCodeList('innovation_domain').data,
    technology_readiness_level: useCodeList('technology_readiness_level').data,
    innovation_technology: useCodeList('innovation_technology').data,
  } as Record<string, { codes: { code: string; labels: Record<string, string> }[] } | undefined>;
  return (list, code) => {
    const entry = lists[list]?.codes.find((c) => c.code === code);
    return entry ? (entry.labels[i18n.language] ?? entry.labels.en ?? code) : code;
  };
}

function ReasonText({ reason, label }: { reason: SimilarReason; label: Label }) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'fr' || i18n.language === 'de' ? i18n.language : 'en') as
    | 'en'
    | 'fr'
    | 'de';
  const text = (() => {
    switch (reason.type) {
      case 'domain':
        return label('innovation_domain', reason.code);
      case 'trl_band':
        return t(`innovation.similar.band.${reason.band}`);
      case 'technologies':
        return reason.codes.map((c) => label('innovation_technology', c)).join(', ');
      case 'concepts':
        return reason.concepts.map((c) => c.labels[lang]).join(', ');
      case 'text':
        return (
          new Intl.DisplayNames([i18n.language], { type: 'language' }).of(reason.language) ?? reason.language
        );
    }
  })();
  return <li>{t(`innovation.similar.reason.${reason.type}`, { label: text })}</li>;
}

/** "Who else works on this": pick an initiative, see the most similar of other administrations with the reasons. */
export function SimilarInitiatives({
  initiatives,
}: {
  initiatives: { id: string; title: string; owner: string }[];
}) {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const [picked, setPicked] = useState('');
  const [asked, setAsked] = useState('');
  const q = useQuery({
    queryKey: ['innovation-similar', asked],
    queryFn: () => api<{ items: SimilarInitiative[] }>(`/innovation/initiatives/${asked}/similar`),
    enabled: !!asked,
  });
  const pct = new Intl.NumberFormat(i18n.language, { style: 'percent' });
  return (
    <Section title={t('innovation.similar.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setAsked(picked);
        }}
      >
        <SelectField
          label={t('innovation.similar.pick')}
          hint={t('innovation.similar.pickHint')}
          value={picked}
          onChange={(e) => setPicked(e.target.value)}
          required
        >
          <option value="" />
          {initiatives.map((i) => (
            <option key={i.id} value={i.id}>
              {`${i.title} (${i.owner})`}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button">
          {t('innovation.similar.find')}
        </button>
      </form>
      {q.isLoading && <Loading />}
      <ErrorMessage error={q.error} />
      {q.data && q.data.items.length === 0 && <p>{t('innovation.similar.none')}</p>}
      {q.data && q.data.items.length > 0 && (
        <ol className="innovation-similar">
          {q.data.items.map((m) => (
            <li key={m.id}>
              <h3>
                <Link to={`/registry/innovation_initiative/${m.id}`} lang={m.language}>
                  {m.title}
                </Link>{' '}
                <span className="hint">
                  {m.owner} · {label('technology_readiness_level', m.trl)} ·{' '}
                  {t('innovation.similar.score', { score: pct.format(m.score) })}
                </span>
              </h3>
              <ul>
                {m.reasons.map((r) => (
                  <ReasonText key={r.type} reason={r} label={label} />
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      {asked && (
        <p>
          <Link to="/registry/common_initiative/new">{t('innovation.similar.form')}</Link>
        </p>
      )}
    </Section>
  );
}
