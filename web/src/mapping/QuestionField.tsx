import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  answerPath,
  type ChoiceSource,
  type MatrixColumn,
  OTHER_CHOICE,
  otherCode,
  type Question,
  type Questionnaire,
  type Scope,
  scaleLevels,
  textIn,
} from '../../../src/engines/questionnaire/index.ts';
import { API, api } from '../api.ts';
import { ErrorMessage } from '../components/ui.tsx';
import type { FormContext } from './FormItems.tsx';
import { textOf } from './form-model.ts';
import { useCodeList } from './hooks.ts';

interface Option {
  name: string;
  label: string;
}

/** The rows of a matrix (or choices of a question): an own list of the form, or a platform code list. */
export function useRowsOf(q: Questionnaire, source: ChoiceSource, lang: string): Option[] {
  const { i18n } = useTranslation();
  const list = useCodeList('codeList' in source ? source.codeList : null);
  if ('list' in source)
    return (q.choiceLists[source.list] ?? []).map((c) => ({ name: c.name, label: textOf(c.label, q, lang) }));
  return (list.data?.codes ?? []).map((c) => ({
    name: c.code,
    label: textIn(c.labels, i18n.language, 'en') ?? c.code,
  }));
}

/** The options of a choice-like question at a scope (choice_filter applied; scale levels; yes/no). */
function useOptions(item: Question, scope: Scope, f: FormContext): Option[] {
  const { t } = useTranslation();
  const source: ChoiceSource =
    item.type === 'select_one' || item.type === 'select_multiple' ? item.choices : { list: '' };
  const rows = useRowsOf(f.q, source, f.lang);
  if (item.type === 'yes_no')
    return [
      { name: 'yes', label: t('mapping.form.yes') },
      { name: 'no', label: t('mapping.form.no') },
    ];
  if (item.type === 'scale') {
    const labels = item.labels ? (f.q.choiceLists[item.labels] ?? []) : [];
    return scaleLevels(item.min, item.max, item.step).map((l) => {
      const c = labels.find((x) => x.name === String(l));
      return { name: String(l), label: c ? `${l} — ${textOf(c.label, f.q, f.lang)}` : String(l) };
    });
  }
  if (item.type !== 'select_one' && item.type !== 'select_multiple') return [];
  const own =
    'list' in item.choices
      ? f.state.filteredChoices(item.code, scope, f.q.choiceLists[item.choices.list] ?? [])
      : null;
  const names = own ? new Set(own.map((c) => c.name)) : null;
  const opts = names ? rows.filter((r) => names.has(r.name)) : rows;
  return item.orOther ? [...opts, { name: OTHER_CHOICE, label: t('mapping.form.other') }] : opts;
}

/** The stored answer for an option name (yes/no as booleans, scale levels as numbers). */
function fromOption(item: Question, name: string): unknown {
  if (item.type === 'yes_no') return name === 'yes';
  if (item.type === 'scale') return Number(name);
  return name;
}
function toOption(item: Question, raw: unknown): string {
  if (item.type === 'yes_no') return raw === true ? 'yes' : raw === false ? 'no' : '';
  return raw === undefined || raw === null ? '' : String(raw);
}

const toNumber = (s: string, integer: boolean): unknown => {
  if (s.trim() === '') return undefined;
  const n = integer ? Number.parseInt(s, 10) : Number(s);
  return Number.isFinite(n) ? n : s;
};
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const isoToLocal = (v: unknown) => {
  if (typeof v !== 'string' || !v) return '';
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return '';
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

function Frame({
  id,
  label,
  required,
  hint,
  problem,
  group,
  children,
}: {
  id: string;
  label: string;
  required: boolean;
  hint: string | undefined;
  problem: string | undefined;
  group: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const text = (
    <>
      {label}
      {required && (
        <>
          <span aria-hidden="true"> *</span>
          <span className="visually-hidden"> ({t('mapping.form.required')})</span>
        </>
      )}
    </>
  );
  const hintText = hint && (
    <p className="hint" id={`${id}-hint`}>
      {hint}
    </p>
  );
  const after = (
    <>
      {problem && (
        <p className="field-error" id={`${id}-err`}>
          {problem}
        </p>
      )}
    </>
  );
  if (group)
    return (
      <fieldset
        className={`fieldset q-question${problem ? ' field-invalid' : ''}`}
        aria-describedby={
          [hint ? `${id}-hint` : '', problem ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined
        }
      >
        <legend>{text}</legend>
        {hintText}
        {children}
        {after}
      </fieldset>
    );
  return (
    <div className={`field q-question${problem ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{text}</label>
      {hintText}
      {children}
      {after}
    </div>
  );
}

/** One question of the form, with its label, hint, required mark and problem, by type. */
export function QuestionField({
  item,
  scope,
  f,
  label,
  hint,
}: {
  item: Question;
  scope: Scope;
  f: FormContext;
  label: string;
  hint: string | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  const path = answerPath(scope, item.code);
  const problem = f.problem(path);
  const raw = f.state.container(scope)?.[item.code];
  const options = useOptions(item, scope, f);
  const set = (v: unknown) => f.set(scope, item.code, v);
  const describedBy =
    [hint ? `${id}-hint` : '', problem ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': problem ? true : undefined,
    disabled: f.disabled || item.readOnly === true,
  };
  const frame = (group: boolean, children: ReactNode) => (
    <Frame id={id} label={label} required={!!item.required} hint={hint} problem={problem} group={group}>
      {children}
    </Frame>
  );
  const calculated = item.calculation !== undefined;
  if (calculated) return frame(false, <output id={id}>{str(f.state.value(item.code, scope)) || '—'}</output>);

  switch (item.type) {
    case 'select_one':
    case 'scale':
    case 'yes_no': {
      const current = toOption(item, raw);
      const otherPath = answerPath(scope, otherCode(item.code));
      return frame(
        true,
        <>
          {options.length === 0 && <p className="hint">{t('mapping.form.noChoices')}</p>}
          <div className="radio-row">
            {options.map((o) => (
              <label key={o.name} className="radio-card">
                <input
                  type="radio"
                  name={id}
                  value={o.name}
                  checked={current === o.name}
                  disabled={common.disabled}
                  onChange={() => set(fromOption(item, o.name))}
                />
                <span>{o.label}</span>
              </label>
            ))}
            {current !== '' && !item.required && !common.disabled && (
              <button type="button" className="link-button" onClick={() => set(undefined)}>
                {t('mapping.form.clear', { label })}
              </button>
            )}
          </div>
          {item.type === 'select_one' && item.orOther && current === OTHER_CHOICE && (
            <OtherText scope={scope} code={item.code} f={f} label={label} problem={f.problem(otherPath)} />
          )}
        </>,
      );
    }
    case 'select_multiple': {
      const chosen = Array.isArray(raw) ? (raw as string[]) : [];
      return frame(
        true,
        <>
          {options.length === 0 && <p className="hint">{t('mapping.form.noChoices')}</p>}
          {options.map((o) => (
            <label key={o.name} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.includes(o.name)}
                disabled={common.disabled}
                onChange={(e) => {
                  const next = e.target.checked ? [...chosen, o.name] : chosen.filter((x) => x !== o.name);
                  set(next.length ? next : undefined);
                }}
              />
              {o.label}
            </label>
          ))}
          {item.orOther && chosen.includes(OTHER_CHOICE) && (
            <OtherText
              scope={scope}
              code={item.code}
              f={f}
              label={label}
              problem={f.problem(answerPath(scope, otherCode(item.code)))}
            />
          )}
        </>,
      );
    }
    case 'integer':
    case 'decimal':
      return frame(
        false,
        <input
          {...common}
          type="number"
          inputMode={item.type === 'integer' ? 'numeric' : 'decimal'}
          step={item.type === 'integer' ? 1 : 'any'}
          value={str(raw)}
          onChange={(e) => set(toNumber(e.target.value, item.type === 'integer'))}
        />,
      );
    case 'date':
      return frame(
        false,
        <input {...common} type="date" value={str(raw)} onChange={(e) => set(e.target.value || undefined)} />,
      );
    case 'time':
      return frame(
        false,
        <input {...common} type="time" value={str(raw)} onChange={(e) => set(e.target.value || undefined)} />,
      );
    case 'datetime':
      return frame(
        false,
        <input
          {...common}
          type="datetime-local"
          value={isoToLocal(raw)}
          onChange={(e) => set(e.target.value ? new Date(e.target.value).toISOString() : undefined)}
        />,
      );
    case 'text':
      return frame(
        false,
        <textarea {...common} rows={3} value={str(raw)} onChange={(e) => set(e.target.value || undefined)} />,
      );
    case 'multilingual_text': {
      const obj = raw && typeof raw === 'object' ? (raw as Record<string, string>) : {};
      return frame(
        true,
        f.q.languages.map((l) => (
          <div key={l.code} className="field">
            <label htmlFor={`${id}-${l.code}`}>{l.name ?? l.code}</label>
            <textarea
              id={`${id}-${l.code}`}
              rows={2}
              disabled={common.disabled}
              value={obj[l.code] ?? ''}
              onChange={(e) => {
                const next = { ...obj, [l.code]: e.target.value };
                if (!e.target.value) delete next[l.code];
                set(Object.keys(next).length ? next : undefined);
              }}
            />
          </div>
        )),
      );
    }
    case 'geopoint': {
      const p = raw && typeof raw === 'object' ? (raw as { lat?: number; lon?: number }) : {};
      const setPart = (k: 'lat' | 'lon', s: string) => {
        const next = { ...p, [k]: toNumber(s, false) };
        set(next.lat === undefined && next.lon === undefined ? undefined : next);
      };
      return frame(
        true,
        <div className="form-row">
          <div className="field">
            <label htmlFor={`${id}-lat`}>{t('mapping.form.latitude')}</label>
            <input
              id={`${id}-lat`}
              type="number"
              step="any"
              min={-90}
              max={90}
              disabled={common.disabled}
              value={str(p.lat)}
              onChange={(e) => setPart('lat', e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-lon`}>{t('mapping.form.longitude')}</label>
            <input
              id={`${id}-lon`}
              type="number"
              step="any"
              min={-180}
              max={180}
              disabled={common.disabled}
              value={str(p.lon)}
              onChange={(e) => setPart('lon', e.target.value)}
            />
          </div>
        </div>,
      );
    }
    case 'file':
      return frame(
        false,
        <FileAnswer
          id={id}
          media={item.media}
          code={item.code}
          raw={raw}
          f={f}
          disabled={common.disabled}
          describedBy={describedBy}
          onChange={set}
        />,
      );
  }
}

/** What the file control accepts, by the question's media kind (the server checks the same). */
const ACCEPT: Record<string, string> = {
  file: '.pdf,.png,.jpg,.jpeg,.txt,.csv,.docx,.xlsx,.odt',
  image: 'image/png,image/jpeg',
  audio: 'audio/mpeg,audio/ogg,audio/wav',
  video: 'video/mp4,video/webm',
};

/**
 * A file answer: the file given (a download link), upload to give or replace it, remove it. The
 * upload is stored with the response at once; the answer counts (and a replaced or removed file
 * goes) when the draft is saved.
 */
function FileAnswer({
  id,
  media,
  code,
  raw,
  f,
  disabled,
  describedBy,
  onChange,
}: {
  id: string;
  media: string;
  code: string;
  raw: unknown;
  f: FormContext;
  disabled: boolean;
  describedBy: string | undefined;
  onChange: (v: unknown) => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const given =
    raw && typeof raw === 'object' && typeof (raw as { fileId?: unknown }).fileId === 'string'
      ? (raw as { fileId: string; name: string })
      : null;
  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      const form = new FormData();
      form.append('file', file);
      const res = await api<{ fileId: string; name: string }>(
        `/mapping/responses/${f.responseId}/files?question=${encodeURIComponent(code)}`,
        { method: 'POST', form },
      );
      onChange({ fileId: res.fileId, name: res.name });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="q-file">
      <p>
        {given ? (
          <>
            {t('mapping.form.fileGivenLabel')}{' '}
            <a href={`${API}/mapping/responses/${f.responseId}/files/${given.fileId}`} download>
              {given.name}
            </a>
          </>
        ) : (
          t('mapping.form.fileNone')
        )}
      </p>
      {!disabled && (
        <>
          <label htmlFor={id}>{given ? t('mapping.form.fileReplace') : t('mapping.form.fileChoose')}</label>
          <input
            id={id}
            type="file"
            accept={ACCEPT[media]}
            aria-describedby={[describedBy, `${id}-file-hint`].filter(Boolean).join(' ')}
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void upload(file);
              e.target.value = '';
            }}
          />
          <p className="hint" id={`${id}-file-hint`}>
            {t(`mapping.form.fileAccepts.${media}`)}
          </p>
          {busy && <p role="status">{t('mapping.form.fileUploading')}</p>}
          {given && (
            <button type="button" className="button button-secondary" onClick={() => onChange(undefined)}>
              {t('mapping.form.fileRemove', { name: given.name })}
            </button>
          )}
          <ErrorMessage error={error} />
        </>
      )}
    </div>
  );
}

function OtherText({
  scope,
  code,
  f,
  label,
  problem,
}: {
  scope: Scope;
  code: string;
  f: FormContext;
  label: string;
  problem: string | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  const raw = f.state.container(scope)?.[otherCode(code)];
  return (
    <div className={`field${problem ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{t('mapping.form.otherSpecify', { label })}</label>
      <input
        id={id}
        type="text"
        disabled={f.disabled}
        aria-invalid={problem ? true : undefined}
        value={str(raw)}
        onChange={(e) => f.set(scope, otherCode(code), e.target.value || undefined)}
      />
      {problem && <p className="field-error">{problem}</p>}
    </div>
  );
}

/** One cell of a matrix: a compact input of the column's type, labelled with its row and column. */
export function CellInput({
  column,
  scope,
  f,
  label,
  problem,
}: {
  column: MatrixColumn;
  scope: Scope;
  f: FormContext;
  label: string;
  problem: string | undefined;
}) {
  const { t } = useTranslation();
  const raw = f.state.container(scope)?.[column.code];
  const options = useOptions(column, scope, f);
  const set = (v: unknown) => f.set(scope, column.code, v);
  const common = { 'aria-label': label, 'aria-invalid': problem ? true : undefined, disabled: f.disabled };
  switch (column.type) {
    case 'select_one':
    case 'scale':
    case 'yes_no':
      return (
        <select
          {...common}
          value={toOption(column, raw)}
          onChange={(e) => set(e.target.value ? fromOption(column, e.target.value) : undefined)}
        >
          <option value="">{t('mapping.form.noAnswer')}</option>
          {options.map((o) => (
            <option key={o.name} value={o.name}>
              {o.label}
            </option>
          ))}
        </select>
      );
    case 'select_multiple': {
      const chosen = Array.isArray(raw) ? (raw as string[]) : [];
      return (
        <select
          {...common}
          multiple
          value={chosen}
          onChange={(e) => {
            const next = [...e.target.selectedOptions].map((o) => o.value);
            set(next.length ? next : undefined);
          }}
        >
          {options.map((o) => (
            <option key={o.name} value={o.name}>
              {o.label}
            </option>
          ))}
        </select>
      );
    }
    case 'integer':
    case 'decimal':
      return (
        <input
          {...common}
          type="number"
          step={column.type === 'integer' ? 1 : 'any'}
          value={str(raw)}
          onChange={(e) => set(toNumber(e.target.value, column.type === 'integer'))}
        />
      );
    case 'date':
      return (
        <input {...common} type="date" value={str(raw)} onChange={(e) => set(e.target.value || undefined)} />
      );
    default:
      return (
        <input {...common} type="text" value={str(raw)} onChange={(e) => set(e.target.value || undefined)} />
      );
  }
}
