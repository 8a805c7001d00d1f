import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, lazy, Suspense, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API, api } from '../api.ts';
import { ErrorMessage, useFormat, useNotice } from '../components/ui.tsx';
import type { Attachment, Kind, RecordDetail } from './types.ts';

// pdf.js is loaded only when a preview is opened.
const PdfPreview = lazy(() => import('./PdfPreview.tsx'));

/** Whether a file's text is searchable, in words (nothing for files that have no text). */
function TextStatus({ text }: { text: Attachment['text'] }) {
  const { t } = useTranslation();
  if (!text) return null;
  if (text.status === 'indexed')
    return <span className="muted"> · {t('registry.attachments.text.indexed')}</span>;
  const why = t(`registry.attachments.text.${text.reason ?? 'unreadable'}`, {
    limit: text.reason === 'timeout' ? Math.round((text.limit ?? 0) / 1000) : (text.limit ?? 0),
    mb: Math.round((text.limit ?? 0) / 1024 / 1024),
  });
  return (
    <span className={text.status === 'refused' ? 'attachment-text-refused' : 'attachment-text-partial'}>
      {' '}
      · {why}
    </span>
  );
}

/**
 * Files attached to a record: download (and preview for PDFs) for readers, upload where the record
 * may be updated, and whether each file's text is searchable. A document's files are its versions:
 * numbered in upload order, the last one current, the earlier ones still downloadable.
 */
export function AttachmentsPanel({ kind, record }: { kind: Kind; record: RecordDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const notice = useNotice();
  const fileId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const versions = kind.name === 'document';
  const base = `/registry/${kind.name}/${record.id}/attachments`;
  const list = useQuery({
    queryKey: ['registry', 'attachments', kind.name, record.id],
    queryFn: () => api<{ items: Attachment[] }>(base),
  });
  const upload = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.append('file', file!);
      return api<Attachment>(base, { method: 'POST', form });
    },
    onSuccess: (a) => {
      notice('success', t('registry.attachments.uploaded', { name: a.filename }));
      if (a.text && a.text.status !== 'indexed')
        notice(
          'error',
          t(`registry.attachments.text.${a.text.reason ?? 'unreadable'}`, {
            limit: a.text.reason === 'timeout' ? Math.round((a.text.limit ?? 0) / 1000) : (a.text.limit ?? 0),
            mb: Math.round((a.text.limit ?? 0) / 1024 / 1024),
          }),
        );
      setFile(null);
      if (input.current) input.current.value = '';
      void qc.invalidateQueries({ queryKey: ['registry', 'attachments', kind.name, record.id] });
    },
  });
  const items = list.data?.items ?? [];
  const size = (n: number) =>
    n > 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} kB`;
  return (
    <>
      {list.error && <ErrorMessage error={list.error} />}
      {items.length === 0 ? (
        <p className="muted">{t('registry.attachments.none')}</p>
      ) : (
        <ul className="link-list">
          {items.map((a, i) => (
            <li key={a.id}>
              {versions && (
                <span className="pill">
                  {i === items.length - 1
                    ? t('registry.attachments.current', { n: i + 1 })
                    : t('registry.attachments.version', { n: i + 1 })}
                </span>
              )}{' '}
              <a href={`${API}${base}/${a.id}`} download>
                {a.filename}
              </a>{' '}
              <span className="muted">
                {size(a.size)} · <time dateTime={a.created_at}>{f.dateTime(a.created_at)}</time>
              </span>
              <TextStatus text={a.text} />
              {a.content_type === 'application/pdf' && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    aria-expanded={preview === a.id}
                    onClick={() => setPreview(preview === a.id ? null : a.id)}
                  >
                    {preview === a.id
                      ? t('registry.preview.close', { name: a.filename })
                      : t('registry.preview.open', { name: a.filename })}
                  </button>
                  {preview === a.id && (
                    <Suspense fallback={<p className="muted">{t('registry.preview.loading')}</p>}>
                      <PdfPreview url={`${API}${base}/${a.id}`} name={a.filename} />
                    </Suspense>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {record.abilities.update && (
        <form
          className="inline-fields"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            if (file) upload.mutate();
          }}
        >
          <div className="field">
            <label htmlFor={fileId}>{t('registry.attachments.file')}</label>
            <p className="hint">{t('registry.attachments.hint')}</p>
            <input
              ref={input}
              id={fileId}
              type="file"
              onChange={(e) => {
                upload.reset();
                setFile(e.target.files?.[0] ?? null);
              }}
            />
          </div>
          <button type="submit" className="button button-secondary" disabled={!file || upload.isPending}>
            {t('registry.attachments.upload')}
          </button>
        </form>
      )}
      <ErrorMessage error={upload.error} />
    </>
  );
}
