import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../components/ui.tsx';

GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * A PDF shown in the page with pdf.js (Mozilla's `pdfjs-dist`, loaded only when a preview is
 * opened: this module is its own chunk), page by page on a canvas, with the page's text for
 * screen readers. The file is fetched like the download, through the record's policy.
 */
export default function PdfPreview({ url, name }: { url: string; name: string }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [page, setPage] = useState(1);
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let cancelled = false;
    let loaded: PDFDocumentProxy | null = null;
    (async () => {
      const res = await fetch(url, { credentials: 'same-origin' });
      if (!res.ok) throw new Error(t('registry.preview.failed'));
      const data = new Uint8Array(await res.arrayBuffer());
      loaded = await getDocument({ data, isEvalSupported: false }).promise;
      if (cancelled) await loaded.destroy();
      else setDoc(loaded);
    })().catch((e: unknown) => {
      if (!cancelled) setError(e instanceof Error ? e : new Error(t('registry.preview.failed')));
    });
    return () => {
      cancelled = true;
      void loaded?.destroy();
    };
  }, [url, t]);

  useEffect(() => {
    if (!doc || !canvas.current) return;
    let task: { cancel(): void; promise: Promise<void> } | null = null;
    let cancelled = false;
    (async () => {
      const p = await doc.getPage(page);
      const viewport = p.getViewport({ scale: 1.3 });
      const c = canvas.current!;
      c.width = viewport.width;
      c.height = viewport.height;
      task = p.render({ canvas: c, viewport });
      await task.promise;
      const content = await p.getTextContent();
      if (!cancelled) setText(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
    })().catch((e: unknown) => {
      if (!cancelled && !(e instanceof Error && e.name === 'RenderingCancelledException')) setError(e);
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, page]);

  if (error) return <ErrorMessage error={error} />;
  if (!doc) return <Loading label={t('registry.preview.loading')} />;
  const label = t('registry.preview.page', { page, pages: doc.numPages, name });
  return (
    <figure className="pdf-preview">
      <nav className="pagination" aria-label={t('registry.preview.pages', { name })}>
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={page <= 1}
          onClick={() => setPage(page - 1)}
        >
          {t('common.previous')}
        </button>
        <span>{t('common.pageOf', { page, pages: doc.numPages })}</span>
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={page >= doc.numPages}
          onClick={() => setPage(page + 1)}
        >
          {t('common.next')}
        </button>
      </nav>
      <canvas ref={canvas} role="img" aria-label={label} />
      <figcaption className="visually-hidden" data-testid="pdf-text">
        {text}
      </figcaption>
    </figure>
  );
}
