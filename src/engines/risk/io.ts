/** Output helpers for the CLI: CSV cells, atomic writes (temp file then rename: nothing half-written). */
import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync, writeFileSync } from 'node:fs';

export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? (Number.isNaN(v) ? '' : String(v)) : v;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: Array<string | number | null | undefined>): string {
  return `${cells.map(csvCell).join(',')}\n`;
}

/** Write a whole file atomically. */
export function writeFileAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Streamed atomic writer: lines go to a temp file renamed on commit, deleted on abort. */
export class AtomicWriter {
  private tmp: string;
  private ws;
  constructor(private path: string) {
    this.tmp = `${path}.tmp-${process.pid}`;
    this.ws = createWriteStream(this.tmp);
  }
  async write(text: string): Promise<void> {
    if (!this.ws.write(text)) await once(this.ws, 'drain');
  }
  async commit(): Promise<void> {
    this.ws.end();
    await once(this.ws, 'finish');
    renameSync(this.tmp, this.path);
  }
  abort(): void {
    this.ws.destroy();
    rmSync(this.tmp, { force: true });
  }
}

/** JSON with NaN/Infinity written as null. */
export function toJson(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? null : x), 2);
}
