import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  type OnChangeFn,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import {
  createContext,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useCallback,
  useContext,
  useEffect,
  useId,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type Distribution, type Tlp } from '../api.ts';
import { ruleOf, useMarkingRules } from './marking-rules.ts';

// ---- Page title: the h1 that receives focus after navigation, and the document title ----

export function PageTitle({ children, title }: { children: ReactNode; title?: string }) {
  const { t } = useTranslation();
  const text = title ?? (typeof children === 'string' ? children : '');
  useEffect(() => {
    if (text) document.title = `${text} · ${t('app.name')}`;
  }, [text, t]);
  return (
    <h1 id="page-title" tabIndex={-1}>
      {children}
    </h1>
  );
}

// ---- Live announcements (aria-live) for results of async actions ----

interface Notice {
  kind: 'success' | 'error' | 'info';
  text: string;
  id: number;
}
const NoticeContext = createContext<(kind: Notice['kind'], text: string) => void>(() => {});

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const { t } = useTranslation();
  const show = useCallback(
    (kind: Notice['kind'], text: string) => setNotice({ kind, text, id: Date.now() }),
    [],
  );
  useEffect(() => {
    if (!notice || notice.kind === 'error') return;
    const h = setTimeout(() => setNotice((n) => (n?.id === notice.id ? null : n)), 8000);
    return () => clearTimeout(h);
  }, [notice]);
  return (
    <NoticeContext.Provider value={show}>
      {children}
      <div className="toast-region" aria-live="polite" aria-atomic="true" role="status">
        {notice && (
          <div className={`toast toast-${notice.kind}`}>
            <span>{notice.text}</span>
            <button type="button" className="link-button" onClick={() => setNotice(null)}>
              {t('common.dismiss')}
            </button>
          </div>
        )}
      </div>
    </NoticeContext.Provider>
  );
}

export const useNotice = () => useContext(NoticeContext);

// ---- Errors ----

export function errorText(err: unknown, fallback: string): string {
  if (err instanceof ApiError) return err.problem.detail || err.problem.title || fallback;
  if (err instanceof Error && err.message) return err.message;
  return fallback;
}

export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const fields = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  return (
    <div className="alert alert-error" role="alert">
      <p>{errorText(error, t('common.unexpectedError'))}</p>
      {fields.length > 1 && (
        <ul>
          {fields.map((f) => (
            <li key={`${f.field}-${f.message}`}>
              <code>{f.field.replace(/^body\.|^querystring\./, '')}</code>: {f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function fieldErrorsOf(err: unknown): Record<string, string> {
  return err instanceof ApiError ? err.fieldErrors() : {};
}

export function Alert({
  kind,
  children,
}: {
  kind: 'info' | 'warning' | 'success' | 'error';
  children: ReactNode;
}) {
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : undefined}>
      {children}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

// ---- Form fields: a label on every input, errors tied with aria-describedby ----

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
}

function useFieldIds(error?: string, hint?: string) {
  const id = useId();
  const errId = `${id}-err`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : '', error ? errId : ''].filter(Boolean).join(' ') || undefined;
  return { id, errId, hintId, describedBy };
}

function FieldFrame({
  ids,
  label,
  error,
  hint,
  children,
}: FieldProps & { ids: ReturnType<typeof useFieldIds>; children: ReactNode }) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={ids.id}>{label}</label>
      {hint && (
        <p className="hint" id={ids.hintId}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p className="field-error" id={ids.errId}>
          {error}
        </p>
      )}
    </div>
  );
}

export function TextField({
  label,
  error,
  hint,
  ...rest
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const ids = useFieldIds(error, hint);
  return (
    <FieldFrame ids={ids} label={label} error={error} hint={hint}>
      <input
        id={ids.id}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...rest}
      />
    </FieldFrame>
  );
}

export function TextArea({
  label,
  error,
  hint,
  ...rest
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ids = useFieldIds(error, hint);
  return (
    <FieldFrame ids={ids} label={label} error={error} hint={hint}>
      <textarea
        id={ids.id}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...rest}
      />
    </FieldFrame>
  );
}

export function SelectField({
  label,
  error,
  hint,
  children,
  ...rest
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  const ids = useFieldIds(error, hint);
  return (
    <FieldFrame ids={ids} label={label} error={error} hint={hint}>
      <select
        id={ids.id}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...rest}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

// ---- TLP marking ----

export const TLP_LABEL: Record<Tlp, string> = {
  clear: 'TLP:CLEAR',
  green: 'TLP:GREEN',
  amber: 'TLP:AMBER',
  amber_strict: 'TLP:AMBER+STRICT',
  red: 'TLP:RED',
};

export function TlpBadge({ tlp }: { tlp: Tlp }) {
  return <span className={`tlp tlp-${tlp}`}>{TLP_LABEL[tlp]}</span>;
}

/**
 * The sharing rule in words. The API sends it (in English) with every record; in French and
 * German the same rule comes from the catalog.
 */
export function useSharingRule() {
  const { t, i18n } = useTranslation();
  const rules = useMarkingRules();
  return (r: { tlp: Tlp; distribution: Distribution; marking: string }) => {
    if ((i18n.resolvedLanguage ?? i18n.language) === 'en') return r.marking.replace(/^TLP:[A-Z+]+ — /, '');
    const dist = ruleOf(rules, r.tlp)?.namedRecipientsOnly
      ? t('distribution.recipientsOnly')
      : t(`distribution.${r.distribution}.rule`);
    return `${t(`tlp.${r.tlp}.rule`)} ${dist}`;
  };
}

/** The record's marking: the badge and the sharing rule in words. */
export function Marking({
  tlp,
  distribution,
  marking,
  banner,
}: {
  tlp: Tlp;
  distribution: Distribution;
  marking: string;
  banner?: boolean;
}) {
  const { t } = useTranslation();
  const rule = useSharingRule()({ tlp, distribution, marking });
  return (
    <div className={banner ? `marking-banner marking-${tlp}` : 'marking'}>
      <TlpBadge tlp={tlp} />
      <span className="marking-rule">
        <span className="visually-hidden">{t('tlp.sharingRule')}: </span>
        {rule}
      </span>
    </div>
  );
}

// ---- Dates ----

export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return {
    dateTime: (iso: string | null | undefined) =>
      iso
        ? new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
        : '—',
    date: (iso: string | null | undefined) =>
      iso ? new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date(iso)) : '—',
    number: (n: number) => new Intl.NumberFormat(lang).format(n),
  };
}

// ---- Tables (TanStack Table) with sortable headers and aria-sort ----

export function DataTable<T>({
  data,
  columns,
  caption,
  captionHidden,
  empty,
  sorting,
  onSortingChange,
  manualSorting,
  rowKey,
}: {
  data: T[];
  // biome-ignore lint/suspicious/noExplicitAny: column value types differ per column
  columns: ColumnDef<T, any>[];
  caption: string;
  captionHidden?: boolean;
  empty?: string;
  sorting?: SortingState;
  onSortingChange?: OnChangeFn<SortingState>;
  manualSorting?: boolean;
  rowKey?: (row: T) => string;
}) {
  const { t } = useTranslation();
  const [localSorting, setLocalSorting] = useState<SortingState>([]);
  const table = useReactTable({
    data,
    columns,
    state: { sorting: sorting ?? localSorting },
    onSortingChange: onSortingChange ?? setLocalSorting,
    manualSorting: !!manualSorting,
    enableSortingRemoval: false,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    ...(rowKey ? { getRowId: (row: T) => rowKey(row) } : {}),
  });
  return (
    <div className="table-wrap">
      <table>
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id}>
              {hg.headers.map((h) => {
                const sorted = h.column.getIsSorted();
                const canSort = h.column.getCanSort();
                const label = h.isPlaceholder ? null : flexRender(h.column.columnDef.header, h.getContext());
                return (
                  <th
                    key={h.id}
                    scope="col"
                    aria-sort={
                      canSort
                        ? sorted === 'asc'
                          ? 'ascending'
                          : sorted === 'desc'
                            ? 'descending'
                            : 'none'
                        : undefined
                    }
                  >
                    {canSort ? (
                      <button
                        type="button"
                        className="sort-button"
                        onClick={h.column.getToggleSortingHandler()}
                      >
                        {label}
                        <span className="sort-indicator" aria-hidden="true">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '⇅'}
                        </span>
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="empty">
                {empty ?? t('common.none')}
              </td>
            </tr>
          ) : (
            table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.id}
                    data-label={
                      typeof cell.column.columnDef.header === 'string'
                        ? cell.column.columnDef.header
                        : undefined
                    }
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

// ---- Small helpers ----

export function Section({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <div className="card-header">
        <h2 id={id}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

export function StatusPill({ status, label }: { status: string; label: string }) {
  return <span className={`pill pill-${status}`}>{label}</span>;
}

/**
 * A page the caller cannot use. `because="role"`: the page exists and the server's abilities say
 * the caller's roles do not allow it (say so, and who grants roles); without it: a record the
 * server answered 404 for — not found, or not readable, which the platform never tells apart.
 */
export function NotAllowed({ because }: { because?: 'role' } = {}) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t(because === 'role' ? 'errors.notAllowedTitle' : 'errors.notFoundTitle')}</PageTitle>
      <Alert kind="warning">
        <p>{t(because === 'role' ? 'errors.roleDoesNotAllow' : 'errors.notFoundOrNotAllowed')}</p>
      </Alert>
    </>
  );
}
