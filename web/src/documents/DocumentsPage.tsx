import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, qs } from '../api.ts';
import { ResultToolbar, SearchField } from '../components/list-controls.tsx';
import { ErrorMessage, Loading, PageTitle, SelectField, TlpBadge, useFormat } from '../components/ui.tsx';
import { useCodeList, useKind } from '../registry/hooks.ts';
import { useRegistryLabels } from '../registry/labels.ts';
import type { RecordList } from '../registry/types.ts';

/**
 * The document libraries: choose a library (a network's, an EUCAB body's, all of EUCAB's), open a
 * folder, search the words of the documents and of their files (PDF, DOCX, ODT). The documents are
 * the registry's `document` records, listed through the same policy as every list.
 */
export function DocumentsPage() {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const library = params.get('library') ?? '';
  const folder = params.get('folder') ?? '';
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const { kind } = useKind('document');
  const libraries = useCodeList('document_library');
  const types = useCodeList('document_type');
  const query = {
    library: library || undefined,
    folder: folder || undefined,
    q: q || undefined,
    language: labels.lang,
  };
  const list = useQuery({
    queryKey: ['documents', query],
    queryFn: () => api<RecordList>(`/registry/document${qs({ ...query, limit: 200, sort: 'title' })}`),
    placeholderData: keepPreviousData,
  });
  // The folders of the chosen library, with their counts (the list's facet, without the folder filter).
  const folders = useQuery({
    queryKey: ['documents', 'folders', library],
    queryFn: () => api<RecordList>(`/registry/document${qs({ library: library || undefined, limit: 1 })}`),
  });
  const set = (next: Record<string, string>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next))
      if (v) p.set(k, v);
      else p.delete(k);
    setParams(p);
  };
  const code = (list: typeof libraries, c: unknown) =>
    typeof c === 'string'
      ? labels.code(
          list.data?.codes.find((e) => e.code === c),
          c,
        )
      : '';
  const folderCounts = Object.entries(folders.data?.facets.folder ?? {}).sort(([a], [b]) =>
    a.localeCompare(b),
  );
  const items = list.data?.items ?? [];
  return (
    <>
      <PageTitle>{t('documents.title')}</PageTitle>
      <p className="lead">{t('documents.intro')}</p>
      <form
        className="filters"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          set({ q: text.trim() });
        }}
      >
        <SelectField
          label={t('documents.library')}
          value={library}
          onChange={(e) => set({ library: e.target.value, folder: '' })}
        >
          <option value="">{t('documents.allLibraries')}</option>
          {(libraries.data?.codes ?? []).map((c) => (
            <option key={c.code} value={c.code}>
              {labels.code(c, c.code)}
            </option>
          ))}
        </SelectField>
        <SearchField
          label={t('documents.search')}
          hint={t('documents.searchHint')}
          value={text}
          onChange={setText}
        />
      </form>
      {kind?.abilities.create && (
        <p>
          <Link className="button" to="/registry/document/new">
            {t('documents.new')}
          </Link>
        </p>
      )}
      <div className="documents-layout">
        <nav aria-label={t('documents.folders')} className="documents-folders">
          <h2>{t('documents.folders')}</h2>
          <ul className="link-list">
            <li>
              <button
                type="button"
                className="link-button"
                aria-current={folder === '' ? 'true' : undefined}
                onClick={() => set({ folder: '' })}
              >
                {t('documents.allFolders')}
              </button>
            </li>
            {folderCounts.map(([name, n]) => (
              <li key={name}>
                <button
                  type="button"
                  className="link-button"
                  aria-current={folder === name ? 'true' : undefined}
                  onClick={() => set({ folder: name })}
                >
                  {name}
                </button>{' '}
                <span className="muted">({f.number(n)})</span>
              </li>
            ))}
          </ul>
        </nav>
        <section className="documents-list" aria-labelledby="documents-found">
          {list.isLoading ? (
            <Loading />
          ) : list.error ? (
            <ErrorMessage error={list.error} />
          ) : (
            <>
              <h2 id="documents-found" className="visually-hidden">
                {t('documents.found')}
              </h2>
              <ResultToolbar
                status={t('documents.count', { count: list.data?.total ?? 0 })}
                testId="documents-count"
                downloads={[
                  {
                    key: 'csv',
                    href: `/api/v1/registry/document/export${qs({ ...query, format: 'csv' })}`,
                    label: t('documents.export'),
                  },
                ]}
              />
              <div className="table-wrap">
                <table>
                  <caption className="visually-hidden">{t('documents.found')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('documents.col.title')}</th>
                      <th scope="col">{t('documents.library')}</th>
                      <th scope="col">{t('documents.col.folder')}</th>
                      <th scope="col">{t('documents.col.type')}</th>
                      <th scope="col">{t('documents.col.language')}</th>
                      <th scope="col">{t('documents.col.owner')}</th>
                      <th scope="col">{t('documents.col.marking')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.length === 0 ? (
                      <tr>
                        <td colSpan={7} className="empty">
                          {t('documents.none')}
                        </td>
                      </tr>
                    ) : (
                      items.map((r) => (
                        <tr key={r.id}>
                          <td>
                            <Link to={`/registry/document/${r.id}`}>{r.title}</Link>
                          </td>
                          <td>{code(libraries, r.data.library)}</td>
                          <td>{typeof r.data.folder === 'string' ? r.data.folder : ''}</td>
                          <td>{code(types, r.data.doc_type)}</td>
                          <td>{r.language.toUpperCase()}</td>
                          <td>{r.owner_org_code}</td>
                          <td>
                            <TlpBadge tlp={r.tlp} />
                          </td>
                        </tr>
                      ))
                    )}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
      </div>
    </>
  );
}
