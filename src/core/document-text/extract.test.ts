import { describe, expect, it } from 'vitest';
import { extractDocumentText } from './extract.ts';
import { extractTextInWorker } from './in-worker.ts';
import { DEFAULT_TEXT_LIMITS, textMessage } from './limits.ts';
import { sampleDocx, sampleOdt, samplePdf, zipFile } from './sample-files.ts';

const limits = DEFAULT_TEXT_LIMITS;
const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ODT = 'application/vnd.oasis.opendocument.text';

describe('extractDocumentText', () => {
  it('reads every page of a PDF', async () => {
    const r = await extractDocumentText({
      bytes: samplePdf([['Scanner tender for the port of Rotterdam'], ['Second page: backscatter']]),
      contentType: PDF,
      limits,
    });
    expect(r).toMatchObject({ status: 'indexed', reason: null, pages: 2 });
    expect(r.text).toContain('Rotterdam');
    expect(r.text).toContain('backscatter');
  });

  it('keeps the first pages of a long PDF and says so', async () => {
    const pages = Array.from({ length: 5 }, (_, i) => [`page ${i + 1} word${i + 1}`]);
    const r = await extractDocumentText({
      bytes: samplePdf(pages),
      contentType: PDF,
      limits: { ...limits, maxPages: 3 },
    });
    expect(r).toMatchObject({ status: 'partial', reason: 'too_many_pages', limit: 3, pages: 5 });
    expect(r.text).toContain('word3');
    expect(r.text).not.toContain('word4');
    expect(textMessage(r)).toBe('Only the first 3 pages are searchable.');
  });

  it('cuts the text at the character limit', async () => {
    const r = await extractDocumentText({
      bytes: sampleDocx(['a'.repeat(50), 'tail word']),
      contentType: DOCX,
      limits: { ...limits, maxChars: 20 },
    });
    expect(r).toMatchObject({ status: 'partial', reason: 'too_many_characters', limit: 20 });
    expect(r.text).toHaveLength(20);
  });

  it('reads DOCX and ODT paragraphs', async () => {
    const docx = await extractDocumentText({
      bytes: sampleDocx(['Zollkontrolle', 'Grenze']),
      contentType: DOCX,
      limits,
    });
    expect(docx.text).toBe('Zollkontrolle\nGrenze');
    const odt = await extractDocumentText({
      bytes: sampleOdt(['Contrôle douanier', 'frontière']),
      contentType: ODT,
      limits,
    });
    expect(odt).toMatchObject({ status: 'indexed', text: 'Contrôle douanier\nfrontière' });
  });

  it('refuses files over the size limit, zip bombs and damaged files', async () => {
    expect(
      await extractDocumentText({
        bytes: samplePdf([['x']]),
        contentType: PDF,
        limits: { ...limits, maxBytes: 10 },
      }),
    ).toMatchObject({ status: 'refused', reason: 'too_large', limit: 10 });
    const bomb = zipFile([{ name: 'content.xml', data: `<a>${'x'.repeat(100_000)}</a>` }]);
    expect(
      await extractDocumentText({
        bytes: bomb,
        contentType: ODT,
        limits: { ...limits, maxUncompressedBytes: 1000 },
      }),
    ).toMatchObject({ status: 'refused', reason: 'too_large' });
    expect(
      await extractDocumentText({ bytes: Buffer.from('%PDF-1.4 garbage'), contentType: PDF, limits }),
    ).toMatchObject({ status: 'refused', reason: 'unreadable' });
    expect(
      await extractDocumentText({ bytes: Buffer.from('PK\x03\x04xx'), contentType: DOCX, limits }),
    ).toMatchObject({
      status: 'refused',
      reason: 'unreadable',
    });
  });
});

describe('extractTextInWorker', () => {
  it('reads in a worker thread and stops at the time limit', async () => {
    const ok = await extractTextInWorker(samplePdf([['worker thread text']]), PDF);
    expect(ok.text).toContain('worker thread text');
    const slow = await extractTextInWorker(samplePdf([['x']]), PDF, { ...limits, maxMillis: 1 });
    expect(slow).toMatchObject({ status: 'refused', reason: 'timeout', limit: 1 });
  }, 30_000);
});

describe('extractTextInWorker, one thread for many files', () => {
  it('a file over its time limit stops the thread; the next files are read by a new one', async () => {
    const results = await Promise.all([
      extractTextInWorker(samplePdf([['first file']]), PDF),
      extractTextInWorker(samplePdf([['slow file']]), PDF, { ...limits, maxMillis: 1 }),
      extractTextInWorker(sampleOdt(['third file']), ODT),
    ]);
    expect(results.map((r) => r.status)).toEqual(['indexed', 'refused', 'indexed']);
    expect(results[1]).toMatchObject({ reason: 'timeout' });
    expect(results[2]!.text).toBe('third file');
  }, 120_000);
});
