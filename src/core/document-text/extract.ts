/**
 * Reads the text of an attached file for the search index: PDF with pdf.js (Mozilla's
 * `pdfjs-dist`, page by page), DOCX with `mammoth` (after the zip's declared sizes are checked),
 * ODT from its content.xml with `yauzl` + `saxes`, plain text as it is. Within limits: file size,
 * pages, characters (the text up to a limit is kept and marked partial); the time limit is the
 * caller's (`extractTextInWorker` stops the thread). Runs inside a worker thread: no database.
 */
import type { ExtractedText, TextLimits } from './limits.ts';
import { OfficeFileError, odtText, openZip, zipEntries } from './odt.ts';

export const EXTRACTABLE_TYPES: ReadonlySet<string> = new Set([
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
  'text/plain',
]);

function capped(text: string, limits: TextLimits, pages: number | null): ExtractedText {
  const clean = text.replace(/\s+\n/g, '\n').trim();
  if (clean.length > limits.maxChars)
    return {
      status: 'partial',
      reason: 'too_many_characters',
      limit: limits.maxChars,
      text: clean.slice(0, limits.maxChars),
      pages,
    };
  return { status: 'indexed', reason: null, limit: null, text: clean, pages };
}

const unreadable = (): ExtractedText => ({
  status: 'refused',
  reason: 'unreadable',
  limit: null,
  text: '',
  pages: null,
});

async function pdfText(bytes: Uint8Array, limits: TextLimits): Promise<ExtractedText> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    data: new Uint8Array(bytes), // a copy: pdf.js refuses Buffers and may detach what it is given
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    const pages = Math.min(doc.numPages, limits.maxPages);
    const out: string[] = [];
    let chars = 0;
    for (let i = 1; i <= pages && chars <= limits.maxChars; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      let line = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        line += item.str + (item.hasEOL ? '\n' : ' ');
      }
      out.push(line);
      chars += line.length;
      page.cleanup();
    }
    const result = capped(out.join('\n'), limits, doc.numPages);
    if (result.status === 'indexed' && doc.numPages > limits.maxPages)
      return { ...result, status: 'partial', reason: 'too_many_pages', limit: limits.maxPages };
    return result;
  } finally {
    await task.destroy();
  }
}

async function docxText(bytes: Uint8Array, limits: TextLimits): Promise<ExtractedText> {
  const zip = await openZip(bytes);
  try {
    await zipEntries(zip, limits.maxUncompressedBytes);
  } finally {
    zip.close();
  }
  const { default: mammoth } = await import('mammoth');
  const { value } = await mammoth.extractRawText({
    buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length),
  });
  return capped(value, limits, null);
}

/** The text of one file (see the module comment); `refused` with a reason when none is kept. */
export async function extractDocumentText(
  input: { bytes: Uint8Array; contentType: string; limits: TextLimits },
  reportProgress?: (p: { done: number; total: number | null; phase?: string }) => void,
): Promise<ExtractedText> {
  const { bytes, contentType, limits } = input;
  // In a worker: the thread has started; the time limit counts from here.
  reportProgress?.({ done: 0, total: null, phase: 'reading' });
  if (bytes.length > limits.maxBytes)
    return { status: 'refused', reason: 'too_large', limit: limits.maxBytes, text: '', pages: null };
  try {
    switch (contentType) {
      case 'application/pdf':
        return await pdfText(bytes, limits);
      case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
        return await docxText(bytes, limits);
      case 'application/vnd.oasis.opendocument.text': {
        const { text, cut } = await odtText(bytes, limits.maxChars + 1, limits.maxUncompressedBytes);
        const r = capped(text, limits, null);
        return cut && r.status === 'indexed'
          ? { ...r, status: 'partial', reason: 'too_many_characters', limit: limits.maxChars }
          : r;
      }
      case 'text/plain':
        return capped(Buffer.from(bytes).toString('utf8'), limits, null);
      default:
        return unreadable();
    }
  } catch (e) {
    if (e instanceof OfficeFileError && e.tooLarge)
      return {
        status: 'refused',
        reason: 'too_large',
        limit: limits.maxUncompressedBytes,
        text: '',
        pages: null,
      };
    return unreadable();
  }
}
