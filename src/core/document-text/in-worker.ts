import { runInWorker } from '../../jobs/worker-thread.ts';
import type { extractDocumentText } from './extract.ts';
import { DEFAULT_TEXT_LIMITS, type ExtractedText, type TextLimits } from './limits.ts';

const TASK = new URL('./extract.ts', import.meta.url);

/**
 * extractDocumentText in a worker thread (heap-limited), stopped after `limits.maxMillis`: a slow
 * or hostile file never blocks the event loop and never runs on. A stopped or crashed thread
 * answers `refused` with the reason.
 */
export async function extractTextInWorker(
  bytes: Uint8Array,
  contentType: string,
  limits: TextLimits = DEFAULT_TEXT_LIMITS,
): Promise<ExtractedText> {
  const signal = AbortSignal.timeout(limits.maxMillis);
  try {
    return await runInWorker<Parameters<typeof extractDocumentText>[0], ExtractedText>(
      TASK,
      'extractDocumentText',
      { bytes: new Uint8Array(bytes), contentType, limits },
      { signal, maxOldGenerationSizeMb: 512 },
    );
  } catch {
    if (signal.aborted)
      return { status: 'refused', reason: 'timeout', limit: limits.maxMillis, text: '', pages: null };
    return { status: 'refused', reason: 'unreadable', limit: null, text: '', pages: null };
  }
}
