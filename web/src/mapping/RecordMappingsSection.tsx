import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelIn } from '../../../src/contract/languages.ts';
import { type Item, type Questionnaire, walkItems } from '../../../src/engines/questionnaire/index.ts';
import { api } from '../api.ts';
import { ErrorMessage, Section, SelectField, useNotice } from '../components/ui.tsx';
import { useKinds } from '../registry/hooks.ts';
import { formLanguage, textOf } from './form-model.ts';
import type { CampaignDetail, RecordMapping } from './types.ts';

/** The questions of a repeat group's entries (not those of a repeat nested in it). */
function entryQuestions(items: Item[]) {
  return walkItems(items).filter(
    (p) =>
      p.repeats.length === 0 &&
      !p.matrix &&
      !['group', 'repeat', 'note', 'calculate', 'matrix'].includes(p.item.type),
  );
}

/**
 * Answers feed records: which top-level repeat group becomes draft records of which registry kind
 * (question → field), shown to every reader of the campaign; the coordinator (ability `mapRecords`)
 * chooses the kind and the fields. The server checks every mapping against the kind (400 listing
 * every misfit).
 */
export function RecordMappingsSection({ c, q }: { c: CampaignDetail; q: Questionnaire }) {
  const { t, i18n } = useTranslation();
  const lang = formLanguage(q, i18n.language);
  const kinds = useKinds();
  const kindLabel = (name: string) => {
    const k = kinds.data?.kinds.find((x) => x.name === name);
    return k ? labelIn(k.label, i18n.language) : name;
  };
  const fieldLabel = (kind: string, field: string) => {
    const f = kinds.data?.kinds.find((x) => x.name === kind)?.fields.find((x) => x.name === field);
    return f ? labelIn(f.label, i18n.language) : field;
  };
  const repeats = q.items.filter((i) => i.type === 'repeat');
  const question = (code: string) => {
    const p = walkItems(q.items).find((x) => x.item.code === code);
    return textOf(p?.item.label, q, lang) || code;
  };
  const [editing, setEditing] = useState(false);
  if (!c.abilities.mapRecords && c.recordMappings.length === 0) return null;
  return (
    <Section title={t('mapping.records.title')}>
      <p>{t('mapping.records.intro')}</p>
      {c.recordMappings.length === 0 ? (
        <p>{t('mapping.records.none')}</p>
      ) : (
        <ul>
          {c.recordMappings.map((m) => (
            <li key={m.repeat}>
              <strong>
                {t('mapping.records.item', { repeat: question(m.repeat), kind: kindLabel(m.kind) })}
              </strong>
              <ul>
                {Object.entries(m.fields).map(([code, field]) => (
                  <li key={code}>{`${question(code)} → ${fieldLabel(m.kind, field)}`}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {c.abilities.mapRecords &&
        (repeats.length === 0 ? (
          <p>{t('mapping.records.noRepeats')}</p>
        ) : editing ? (
          <MappingEditor c={c} q={q} lang={lang} onDone={() => setEditing(false)} />
        ) : (
          <div className="actions">
            <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
              {t('mapping.records.edit')}
            </button>
          </div>
        ))}
    </Section>
  );
}

function MappingEditor({
  c,
  q,
  lang,
  onDone,
}: {
  c: CampaignDetail;
  q: Questionnaire;
  lang: string;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const notice = useNotice();
  const qc = useQueryClient();
  const kinds = useKinds();
  const [draft, setDraft] = useState<Record<string, RecordMapping>>(() =>
    Object.fromEntries(c.recordMappings.map((m) => [m.repeat, { ...m, fields: { ...m.fields } }])),
  );
  const save = useMutation({
    mutationFn: () =>
      api(`/mapping/campaigns/${c.id}/record-mappings`, {
        method: 'PUT',
        body: { mappings: Object.values(draft).filter((m) => m.kind) },
      }),
    onSuccess: () => {
      notice('success', t('mapping.records.saved'));
      void qc.invalidateQueries({ queryKey: ['mapping', 'campaign', c.id] });
      onDone();
    },
  });
  const available = (kinds.data?.kinds ?? []).filter((k) => k.abilities.create || draft[k.name]);
  return (
    <form
      className="mapping-form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      {q.items
        .filter((i) => i.type === 'repeat')
        .map((r) => {
          const m = draft[r.code];
          const kind = kinds.data?.kinds.find((k) => k.name === m?.kind);
          const repeatLabel = textOf(r.label, q, lang) || r.code;
          return (
            <fieldset key={r.code} className="fieldset">
              <legend>{`${t('mapping.records.repeat')}: ${repeatLabel}`}</legend>
              <SelectField
                label={t('mapping.records.kind')}
                value={m?.kind ?? ''}
                onChange={(e) =>
                  setDraft((d) => {
                    const next = { ...d };
                    if (e.target.value) next[r.code] = { repeat: r.code, kind: e.target.value, fields: {} };
                    else delete next[r.code];
                    return next;
                  })
                }
              >
                <option value="">{t('mapping.records.noField')}</option>
                {available.map((k) => (
                  <option key={k.name} value={k.name}>
                    {labelIn(k.label, i18n.language)}
                  </option>
                ))}
              </SelectField>
              {m && kind && 'items' in r && (
                <fieldset className="fieldset">
                  <legend>{t('mapping.records.fields')}</legend>
                  {entryQuestions(r.items).map(({ item }) => (
                    <SelectField
                      key={item.code}
                      label={t('mapping.records.field', {
                        question: textOf(item.label, q, lang) || item.code,
                      })}
                      value={m.fields[item.code] ?? ''}
                      onChange={(e) =>
                        setDraft((d) => {
                          const fields = { ...d[r.code]!.fields };
                          if (e.target.value) fields[item.code] = e.target.value;
                          else delete fields[item.code];
                          return { ...d, [r.code]: { ...d[r.code]!, fields } };
                        })
                      }
                    >
                      <option value="">{t('mapping.records.noField')}</option>
                      {kind.fields.map((f) => (
                        <option key={f.name} value={f.name}>
                          {labelIn(f.label, i18n.language)}
                        </option>
                      ))}
                    </SelectField>
                  ))}
                </fieldset>
              )}
            </fieldset>
          );
        })}
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {t('mapping.records.save')}
        </button>
      </div>
      <ErrorMessage error={save.error} />
    </form>
  );
}
