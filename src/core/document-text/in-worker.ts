import { runInWorker } from '../../jobs/worker-thread.ts';
import type { extractDocumentText } from './extract.ts';
import { DEFAULT_TEXT_LIMITS, type ExtractedText, type TextLimits } from './limits.ts';

const TASK = new URL('./extract.ts', import.meta.url);

/** How long a thread may take to start (load its code) before the reading's own time limit runs. */
const START_MILLIS = 60_000;

/**
 * extractDocumentText in a worker thread (heap-limited), stopped `limits.maxMillis` after it
 * started reading (a busy machine's slow thread start does not count against the file): a slow or
 * hostile file never blocks the event loop and never runs on. A stopped or crashed thread answers
 * `refused` with the reason.
 */
export async function extractTextInWorker(
  bytes: Uint8Array,
  contentType: string,
  limits: TextLimits = DEFAULT_TEXT_LIMITS,
): Promise<ExtractedText> {
  const stop = new AbortController();
  let timedOut = false;
  const abortAfter = (ms: number) =>
    setTimeout(() => {
      timedOut = true;
      stop.abort(new Error('time limit'));
    }, ms);
  let timer = abortAfter(START_MILLIS);
  try {
    return await runInWorker<Parameters<typeof extractDocumentText>[0], ExtractedText>(
      TASK,
      'extractDocumentText',
      { bytes: new Uint8Array(bytes), contentType, limits },
      {
        signal: stop.signal,
        maxOldGenerationSizeMb: 512,
        onProgress: () => {
          clearTimeout(timer);
          timer = abortAfter(limits.maxMillis);
        },
      },
    );
  } catch {
    if (timedOut)
      return { status: 'refused', reason: 'timeout', limit: limits.maxMillis, text: '', pages: null };
    return { status: 'refused', reason: 'unreadable', limit: null, text: '', pages: null };
  } finally {
    clearTimeout(timer);
  }
}
