import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api } from '../api.ts';
import { MarkingFields, type MarkingValue, markingBody, useMarkingRules } from '../components/marking.tsx';
import {
  ErrorMessage,
  fieldErrorsOf,
  Loading,
  NotAllowed,
  PageTitle,
  Section,
  TextArea,
} from '../components/ui.tsx';
import { FieldInput, inputId } from './FieldInput.tsx';
import { dataToForm, formToData, type Spec, validate } from './form-values.ts';
import { useCountryCodes, useKind } from './hooks.ts';
import { useRegistryLabels } from './labels.ts';
import type { Kind, RecordDetail } from './types.ts';
import './registry.css';

/** Every English label in the field descriptions (nested ones too): the API's messages start with one. */
function englishLabels(fields: Spec[]): Set<string> {
  const out = new Set<string>();
  const visit = (f: Spec) => {
    if (f.label) out.add(f.label.en);
    if (f.type === 'list') visit(f.of);
    if (f.type === 'object') for (const sub of Object.values(f.fields)) visit(sub);
  };
  for (const f of fields) visit(f);
  return out;
}

/** The spec at a path below a field ("0", "kind" in requirements.0.kind): list rows, then object fields. */
function specAt(spec: Spec | undefined, segment: string): Spec | undefined {
  if (!spec) return undefined;
  if (spec.type === 'list') return /^\d+$/.test(segment) ? spec.of : specAt(spec.of, segment);
  if (spec.type === 'object') return spec.fields[segment];
  return undefined;
}

/** /registry/:kind/new and /registry/:kind/:id/edit — the form generated from the field descriptions. */
export function RecordFormPage() {
  const { kind: kindName, id } = useParams();
  const { kind, isLoading, error } = useKind(kindName);
  const countries = useCountryCodes();
  const rec = useQuery({
    queryKey: ['registry', 'detail', kindName, id],
    queryFn: () => api<RecordDetail>(`/registry/${kindName}/${id}`),
    enabled: !!kind && !!id,
    retry: false,
  });
  if (isLoading || (id && rec.isLoading) || countries.length === 0) return <Loading />;
  if (error) return <ErrorMessage error={error} />;
  if (!kind || (rec.error instanceof ApiError && rec.error.status === 404)) return <NotAllowed />;
  if (rec.error) return <ErrorMessage error={rec.error} />;
  if (id && rec.data && !rec.data.abilities.update) return <NotAllowed because="role" />;
  if (!id && !kind.abilities.create) return <NotAllowed because="role" />;
  return (
    <RecordForm key={`${kind.name}-${id ?? 'new'}`} kind={kind} record={rec.data} countries={countries} />
  );
}

function RecordForm({
  kind,
  record,
  countries,
}: {
  kind: Kind;
  record?: RecordDetail | undefined;
  countries: string[];
}) {
  const { t } = useTranslation();
  const l = useRegistryLabels();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const summaryRef = useRef<HTMLDivElement>(null);
  // Fields the server sets from the owner (a catalogue entry's country) are not asked for, nor
  // those only the owning administration changes when a co-editor of another one edits.
  const fields = kind.fields.filter(
    (f) => !f.setBy && !(f.editableBy === 'owner' && record && !record.abilities.restrictedFields),
  );
  const [form, setForm] = useState<Record<string, unknown>>(() => dataToForm(fields, record?.data ?? {}));
  const [marking, setMarking] = useState<MarkingValue>({
    distribution: kind.access.distribution,
    sharingGroupId: '',
    tlp: kind.access.tlp,
    recipients: [],
    organisationIds: [],
  });
  const rules = useMarkingRules();
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [showSummary, setShowSummary] = useState(0);
  useEffect(() => {
    if (showSummary) summaryRef.current?.focus();
  }, [showSummary]);

  const fieldLabel = (path: string) => {
    const [top, ...rest] = path.split('.');
    const f = fields.find((x) => x.name === top);
    const base = f ? l.field(f) : path;
    let at: Spec | undefined = f;
    const parts = rest.map((p) => {
      at = specAt(at, p);
      if (/^\d+$/.test(p)) return `#${Number(p) + 1}`;
      return at?.label ? l.text(at.label) : p;
    });
    return parts.length ? `${base} (${parts.join(' › ')})` : base;
  };
  const required = () => t('registry.form.required');
  // The API's messages start with the field's English label ("Quantity: at least 1"): the form
  // shows them next to the field and names the field itself in the summary.
  const labels = englishLabels(fields);
  const clean = (msg: string) => {
    const m = /^([^:]{1,120}): (.+)$/s.exec(msg);
    return m && labels.has(m[1]!) ? m[2]! : msg;
  };
  const cleaned = (errs: Record<string, string>) =>
    Object.fromEntries(Object.entries(errs).map(([k, v]) => [k, clean(v)]));

  async function submit(publish: boolean) {
    setProblem(null);
    const data = formToData(fields, form);
    const local = cleaned(validate(fields, countries, data, required));
    setErrors(local);
    if (Object.keys(local).length) {
      setShowSummary((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const out = record
        ? await api<{ id: string }>(`/registry/${kind.name}/${record.id}`, {
            method: 'PUT',
            body: { data, ...(note.trim() ? { note: note.trim() } : {}) },
          })
        : await api<{ id: string }>(`/registry/${kind.name}`, {
            method: 'POST',
            body: { data, marking: markingBody(marking, rules), language: l.lang, publish },
          });
      await qc.invalidateQueries({ queryKey: ['registry'] });
      navigate(`/registry/${kind.name}/${out.id}`);
    } catch (e) {
      // Field errors from the API (problem+json, paths "data.<field>…") go next to the fields.
      const server: Record<string, string> = {};
      if (e instanceof ApiError)
        for (const fe of e.problem.errors ?? []) {
          const key = fe.field.replace(/^(body\.)?data\./, '');
          if (key !== fe.field) server[key] = server[key] ? `${server[key]}; ${fe.message}` : fe.message;
        }
      setErrors(cleaned(server));
      setProblem(Object.keys(server).length ? null : e);
      setShowSummary((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  const title = record
    ? t(record.status === 'published' ? 'registry.form.correctTitle' : 'registry.form.editTitle', {
        title: record.title,
      })
    : t('registry.form.newTitle', { kind: l.kind(kind) });
  const entries = Object.entries(errors);
  const markingErrors = fieldErrorsOf(problem);
  return (
    <>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link to="/registry">{t('registry.home.title')}</Link> ›{' '}
        <Link to={`/registry/${kind.name}`}>{l.kindPlural(kind)}</Link>
        {record && (
          <>
            {' '}
            › <Link to={`/registry/${kind.name}/${record.id}`}>{record.title}</Link>
          </>
        )}
      </nav>
      <PageTitle>{title}</PageTitle>
      {(entries.length > 0 || !!problem) && (
        <div
          className="error-summary"
          role="alert"
          tabIndex={-1}
          ref={summaryRef}
          aria-labelledby="error-summary-title"
        >
          <h2 id="error-summary-title">{t('registry.form.errorSummary', { count: entries.length || 1 })}</h2>
          {entries.length > 0 && (
            <ul>
              {entries.map(([path, msg]) => (
                <li key={path}>
                  <a
                    href={`#${inputId(path)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      const el =
                        document.getElementById(inputId(path)) ??
                        document.getElementById(inputId(path.split('.').slice(0, -1).join('.')));
                      el?.focus();
                    }}
                  >
                    {t('registry.form.summaryItem', { field: fieldLabel(path), message: msg })}
                  </a>
                </li>
              ))}
            </ul>
          )}
          {!!problem && <ErrorMessage error={problem} />}
        </div>
      )}
      {kind.formHint && (
        <p className="form-warning" role="note">
          {l.text(kind.formHint)}
        </p>
      )}
      <p className="hint">{t('registry.form.requiredHint')}</p>
      <form
        noValidate
        className="stack"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void submit(false);
        }}
      >
        <Section title={t('registry.form.data')}>
          {fields.map((f) => (
            <FieldInput
              key={f.name}
              kind={kind.name}
              top={f.name}
              path={f.name}
              label={l.field(f)}
              spec={f}
              required={f.required}
              help={l.help(f)}
              value={form[f.name]}
              onChange={(v) => setForm((cur) => ({ ...cur, [f.name]: v }))}
              errors={errors}
            />
          ))}
        </Section>
        {record ? (
          record.status === 'published' && (
            <>
              {(kind.workflow.approval ?? []).length > 0 && (
                <p className="hint" data-testid="correction-hint">
                  {t('registry.correction.formHint')}
                </p>
              )}
              <TextArea
                label={t('registry.form.note')}
                hint={t('registry.form.noteHint')}
                value={note}
                maxLength={1000}
                onChange={(e) => setNote(e.target.value)}
              />
            </>
          )
        ) : (
          <Section title={t('registry.form.marking')}>
            <p className="hint">{t('registry.form.markingHint')}</p>
            <MarkingFields value={marking} onChange={setMarking} errors={markingErrors} />
          </Section>
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {record ? t('registry.form.saveChanges') : t('registry.form.saveDraft')}
          </button>
          {!record && !kind.workflow.fourEyes && (
            <button type="button" className="button" disabled={busy} onClick={() => void submit(true)}>
              {t('registry.form.savePublish')}
            </button>
          )}
          <Link
            to={record ? `/registry/${kind.name}/${record.id}` : `/registry/${kind.name}`}
            className="button button-secondary"
          >
            {t('common.cancel')}
          </Link>
        </div>
        {!record && kind.workflow.fourEyes && <p className="hint">{t('registry.workflow.fourEyesHint')}</p>}
      </form>
    </>
  );
}
