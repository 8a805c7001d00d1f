import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Controls shared by the paged, searchable lists (registry kinds, registry home, announcements):
 * the search field, the result count with its download links, and the pager.
 */

/** A labelled search input with its submit button (inside the caller's form). */
export function SearchField(props: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  minLength?: number;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.hint && <p className="hint">{props.hint}</p>}
      <div className="input-with-button">
        <input
          id={id}
          type="search"
          value={props.value}
          minLength={props.minLength}
          maxLength={200}
          onChange={(e) => props.onChange(e.target.value)}
        />
        <button type="submit" className="button">
          {t('common.search')}
        </button>
      </div>
    </div>
  );
}

/** Above a list's table: how many results (announced as a status) and the export downloads. */
export function ResultToolbar(props: {
  status: string;
  downloads: { key: string; href: string; label: string }[];
  testId?: string;
}) {
  return (
    <div className="table-toolbar">
      <p role="status" className="result-count" data-testid={props.testId}>
        {props.status}
      </p>
      <div className="actions">
        {props.downloads.map((d) => (
          <a key={d.key} className="button button-secondary button-small" href={d.href} download>
            {d.label}
          </a>
        ))}
      </div>
    </div>
  );
}

/** Previous / "page N of M" / next, as a navigation landmark. */
export function Pager({
  page,
  pages,
  onPage,
}: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <nav className="pagination" aria-label={t('common.pagination')}>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        {t('common.previous')}
      </button>
      <span>{t('common.pageOf', { page, pages })}</span>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {t('common.next')}
      </button>
    </nav>
  );
}
