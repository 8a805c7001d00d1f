import type { FieldDef, FieldSpec, KindDefinition } from '../definition.ts';

/**
 * Columns of the platform's own exports that an import ignores (so an export can be re-imported),
 * unless the kind has a field of that name (a tender's `status`): the field wins.
 */
export const EXPORT_META_COLUMNS = new Set([
  'id',
  'tlp',
  'sharing_rule',
  'owner',
  'status',
  'version',
  'updated_at',
]);

export interface CellProblem {
  column: string;
  reason: string;
}

function isBlank(v: unknown) {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

function parseJsonCell(v: unknown, column: string, problems: CellProblem[]): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    problems.push({ column, reason: 'Expected JSON here (e.g. {"label":"Port","lat":53.5,"lon":9.9}).' });
    return undefined;
  }
}

function convert(
  spec: FieldSpec,
  v: unknown,
  column: string,
  language: string,
  problems: CellProblem[],
): unknown {
  switch (spec.type) {
    case 'number': {
      if (typeof v === 'number') return v;
      const s = String(v).trim().replace(/\s/g, '');
      const n = Number(s.replace(/,(\d+)$/, '.$1'));
      if (s === '' || Number.isNaN(n)) {
        problems.push({ column, reason: `"${String(v).slice(0, 40)}" is not a number.` });
        return undefined;
      }
      return n;
    }
    case 'boolean': {
      const s = String(v).trim().toLowerCase();
      if (['true', 'yes', '1', 'y'].includes(s)) return true;
      if (['false', 'no', '0', 'n'].includes(s)) return false;
      problems.push({ column, reason: `"${String(v).slice(0, 40)}" is not yes or no.` });
      return undefined;
    }
    case 'money': {
      if (typeof v === 'object') return v;
      const m = /^\s*([\d\s.,]+)\s*([A-Za-z]{3})\s*$/.exec(String(v));
      if (!m) return parseJsonCell(v, column, problems);
      return { amount: Number(m[1]!.replace(/[\s,]/g, '')), currency: m[2]!.toUpperCase() };
    }
    case 'mltext':
      if (typeof v === 'string' && !v.trim().startsWith('{')) return { [language]: v };
      return parseJsonCell(v, column, problems);
    case 'list':
      if (Array.isArray(v)) return v.map((x) => convert(spec.of, x, column, language, problems));
      if (spec.of.type === 'object' || spec.of.type === 'location' || spec.of.type === 'money')
        return parseJsonCell(v, column, problems);
      return String(v)
        .split(';')
        .map((x) => x.trim())
        .filter(Boolean)
        .map((x) => convert(spec.of, x, column, language, problems));
    case 'object':
    case 'location':
    case 'quantity':
      return parseJsonCell(v, column, problems);
    default:
      return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : v;
  }
}

/** Turns one flat row (column = field name) into record data, reporting cells it cannot read. */
export function rowToData(
  kind: KindDefinition,
  cells: Record<string, unknown>,
  language: string,
): { data: Record<string, unknown>; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const data: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(cells)) {
    const f: FieldDef | undefined = kind.fields[column];
    if ((EXPORT_META_COLUMNS.has(column) && !f) || isBlank(value)) continue;
    if (!f) continue; // unknown columns are reported once, for the header
    const v = convert(f, value, column, language, problems);
    if (v !== undefined) data[column] = v;
  }
  return { data, problems };
}

/** Header problems: unknown columns and missing required fields. */
export function headerProblems(kind: KindDefinition, columns: string[]): CellProblem[] {
  const out: CellProblem[] = [];
  for (const c of columns) {
    if (!kind.fields[c] && !EXPORT_META_COLUMNS.has(c))
      out.push({
        column: c,
        reason: `Unknown column "${c}". Columns: ${Object.keys(kind.fields).join(', ')}.`,
      });
  }
  for (const [name, f] of Object.entries(kind.fields)) {
    if (f.required && !f.setBy && !columns.includes(name))
      out.push({ column: name, reason: `The required column "${name}" is missing.` });
  }
  return out;
}
