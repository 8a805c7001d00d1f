import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API, api } from '../api.ts';
import { ErrorMessage, useFormat, useNotice } from '../components/ui.tsx';
import type { Attachment, Kind, RecordDetail } from './types.ts';

/** Files attached to a record: download for readers, upload where the record may be updated. */
export function AttachmentsPanel({ kind, record }: { kind: Kind; record: RecordDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const notice = useNotice();
  const fileId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
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
          {items.map((a) => (
            <li key={a.id}>
              <a href={`${API}${base}/${a.id}`} download>
                {a.filename}
              </a>{' '}
              <span className="muted">
                {size(a.size)} · <time dateTime={a.created_at}>{f.dateTime(a.created_at)}</time>
              </span>
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
