import { Worker } from 'node:worker_threads';
import { DEFAULT_TEXT_LIMITS, type ExtractedText, type TextLimits } from './limits.ts';

const ENTRY = new URL('./text-worker.mjs', import.meta.url);
/** How long the thread may take to start (load pdf.js and the readers) on a busy machine. */
const START_MILLIS = 60_000;
/** An idle thread is stopped after this long (the next file starts a new one). */
const IDLE_MILLIS = 60_000;

interface Request {
  input: { bytes: Uint8Array; contentType: string; limits: TextLimits };
  resolve: (r: ExtractedText) => void;
}

const refused = (reason: 'timeout' | 'unreadable', limit: number | null): ExtractedText => ({
  status: 'refused',
  reason,
  limit,
  text: '',
  pages: null,
});

/**
 * One long-lived worker thread reads the files one after the other: its start (tsx, pdf.js,
 * mammoth) is paid once, not per upload. A file that takes longer than its time limit, or crashes
 * or exhausts the thread's heap, stops the thread (the next file starts a new one) and is answered
 * `refused` with the reason; the queue goes on.
 */
class TextReader {
  private worker: Worker | null = null;
  private queue: Request[] = [];
  private current: { id: number; req: Request; timer: NodeJS.Timeout } | null = null;
  private nextId = 1;
  private idle: NodeJS.Timeout | null = null;

  read(input: Request['input']): Promise<ExtractedText> {
    return new Promise((resolve) => {
      this.queue.push({ input, resolve });
      this.pump();
    });
  }

  private start(): Worker {
    const w = new Worker(ENTRY, { resourceLimits: { maxOldGenerationSizeMb: 512 } });
    w.unref();
    w.on('message', (m: { id?: number; started?: boolean; value?: ExtractedText; error?: string }) => {
      const cur = this.current;
      if (this.worker !== w || !cur || m.id !== cur.id) return;
      if (m.started) {
        clearTimeout(cur.timer);
        cur.timer = setTimeout(
          () => this.fail('timeout', cur.req.input.limits.maxMillis),
          cur.req.input.limits.maxMillis,
        );
        return;
      }
      this.finish(m.value ?? refused('unreadable', null));
    });
    // A crash or an exhausted heap: the file being read is refused; a thread stopped on purpose
    // (time limit, idle) is no longer `this.worker` and changes nothing.
    const gone = () => {
      if (this.worker !== w) return;
      this.worker = null;
      if (this.current) this.finish(refused('unreadable', null));
    };
    w.on('error', gone);
    w.on('exit', gone);
    return w;
  }

  private pump() {
    if (this.current || this.queue.length === 0) return;
    if (this.idle) clearTimeout(this.idle);
    this.worker ??= this.start();
    const req = this.queue.shift()!;
    const id = this.nextId++;
    // Until the thread starts reading this file: its start-up (the first time) and nothing else.
    const timer = setTimeout(() => this.fail('timeout', req.input.limits.maxMillis), START_MILLIS);
    this.current = { id, req, timer };
    this.worker.postMessage({ id, input: req.input });
  }

  private fail(reason: 'timeout' | 'unreadable', limit: number | null) {
    const w = this.worker;
    this.worker = null;
    this.finish(refused(reason, limit));
    void w?.terminate();
  }

  private finish(result: ExtractedText) {
    const cur = this.current;
    if (!cur) return;
    clearTimeout(cur.timer);
    this.current = null;
    cur.req.resolve(result);
    if (this.queue.length) this.pump();
    else {
      const w = this.worker;
      this.idle = setTimeout(() => {
        if (this.worker === w && !this.current) {
          this.worker = null;
          void w?.terminate();
        }
      }, IDLE_MILLIS);
      this.idle.unref();
    }
  }
}

const reader = new TextReader();

/**
 * extractDocumentText off the main thread (heap-limited), stopped `limits.maxMillis` after it
 * started reading the file: a slow or hostile file never blocks the event loop and never runs on.
 */
export function extractTextInWorker(
  bytes: Uint8Array,
  contentType: string,
  limits: TextLimits = DEFAULT_TEXT_LIMITS,
): Promise<ExtractedText> {
  return reader.read({ bytes: new Uint8Array(bytes), contentType, limits });
}
