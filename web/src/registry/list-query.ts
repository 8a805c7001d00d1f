import type { Kind } from './types.ts';

export const PAGE_SIZE = 25;

/** The URL parameters of a registry list that the API also understands (filters, search, status, owner). */
export function filterParams(kind: Kind, params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['q', 'status', 'owner', ...kind.filters]) {
    const v = params.get(key);
    if (v) out[key] = v;
  }
  return out;
}

const COLUMNS_KEY = (kind: string) => `eucab.registry.columns.${kind}`;

/** The columns chosen for a kind (this browser), default the kind's list columns. */
export function loadColumns(kind: Kind): string[] {
  try {
    const raw = localStorage.getItem(COLUMNS_KEY(kind.name));
    if (raw) {
      const names = new Set(kind.fields.map((f) => f.name));
      const cols = (JSON.parse(raw) as string[]).filter((c) => names.has(c));
      if (cols.length) return cols;
    }
  } catch {
    // unreadable: defaults
  }
  return kind.listColumns;
}

export function saveColumns(kind: string, cols: string[]) {
  try {
    localStorage.setItem(COLUMNS_KEY(kind), JSON.stringify(cols));
  } catch {
    // private mode: the choice lasts for this page
  }
}
