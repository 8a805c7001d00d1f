import { dataSchemaOf } from '../../../src/contract/field-rules.ts';
import type { DescribedField, FieldDef, FieldSpec, Labels } from './types.ts';

/**
 * A form holds strings where people type (numbers too, so that "12," can be corrected), and the
 * record's data shape elsewhere. These functions convert between the two and validate with the
 * server's own rules (src/contract/field-rules.ts).
 */
export type Spec = FieldSpec & { label?: Labels; required?: boolean; help?: Labels };
type Tree = Record<string, unknown>;

export function emptyValue(spec: Spec): unknown {
  switch (spec.type) {
    case 'boolean':
      return false;
    case 'mltext':
      return {};
    case 'quantity':
      return { value: '', unit: '' };
    case 'money':
      return { amount: '', currency: 'EUR' };
    case 'location':
      return { label: '', lat: '', lon: '' };
    case 'list':
      return [];
    case 'object':
      return Object.fromEntries(Object.entries(spec.fields).map(([k, f]) => [k, emptyValue(f)]));
    default:
      return '';
  }
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** Record data → form values. */
export function toForm(spec: Spec, v: unknown): unknown {
  if (v === null || v === undefined) return emptyValue(spec);
  switch (spec.type) {
    case 'boolean':
      return !!v;
    case 'mltext':
      return { ...(v as Tree) };
    case 'quantity': {
      const q = v as Tree;
      return { value: str(q.value), unit: str(q.unit) };
    }
    case 'money': {
      const m = v as Tree;
      return { amount: str(m.amount), currency: str(m.currency) };
    }
    case 'location': {
      const p = v as Tree;
      return { label: str(p.label), lat: str(p.lat), lon: str(p.lon) };
    }
    case 'datetime':
      return localInput(String(v));
    case 'list':
      return (Array.isArray(v) ? v : []).map((x) => toForm(spec.of, x));
    case 'object':
      return Object.fromEntries(Object.entries(spec.fields).map(([k, f]) => [k, toForm(f, (v as Tree)[k])]));
    default:
      return str(v);
  }
}

/** A moment (ISO, UTC) as a datetime-local input holds it: the reader's own time, to the minute. */
export function localInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A typed number when the text is one; otherwise the text itself, which validation refuses. */
function num(s: unknown): unknown {
  const t = str(s).trim().replace(/\s/g, '');
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/** Form values → record data (empty values left out, as the server drops them). */
export function toData(spec: Spec, v: unknown): unknown {
  switch (spec.type) {
    case 'boolean':
      return !!v;
    case 'number':
      return num(v);
    case 'datetime': {
      const t = str(v).trim();
      if (t === '') return undefined;
      const d = new Date(t);
      return Number.isNaN(d.getTime()) ? t : d.toISOString().replace(/\.000Z$/, 'Z');
    }
    case 'mltext': {
      const out = Object.fromEntries(
        Object.entries((v as Tree) ?? {}).filter(([, x]) => str(x).trim() !== ''),
      );
      return Object.keys(out).length ? out : undefined;
    }
    case 'quantity': {
      const q = v as Tree;
      if (str(q.value).trim() === '' && str(q.unit).trim() === '') return undefined;
      return { value: num(q.value), unit: str(q.unit).trim() };
    }
    case 'money': {
      const m = v as Tree;
      if (str(m.amount).trim() === '') return undefined;
      return { amount: num(m.amount), currency: str(m.currency).trim().toUpperCase() };
    }
    case 'location': {
      const p = v as Tree;
      if (![p.label, p.lat, p.lon].some((x) => str(x).trim() !== '')) return undefined;
      return { label: str(p.label).trim(), lat: num(p.lat), lon: num(p.lon) };
    }
    case 'list': {
      const items = (Array.isArray(v) ? v : []).map((x) => toData(spec.of, x)).filter((x) => x !== undefined);
      return items.length || ('required' in spec && spec.required) ? items : undefined;
    }
    case 'object': {
      const out: Tree = {};
      for (const [k, f] of Object.entries(spec.fields)) {
        const x = toData(f, (v as Tree)?.[k]);
        if (x !== undefined) out[k] = x;
      }
      return Object.keys(out).length ? out : undefined;
    }
    default: {
      const t = str(v).trim();
      return t === '' ? undefined : t;
    }
  }
}

export function formToData(fields: DescribedField[], form: Tree): Tree {
  const out: Tree = {};
  for (const f of fields) {
    const x = toData(f, form[f.name]);
    if (x !== undefined) out[f.name] = x;
  }
  return out;
}

export function dataToForm(fields: DescribedField[], data: Tree): Tree {
  return Object.fromEntries(fields.map((f) => [f.name, toForm(f, data[f.name])]));
}

function at(data: unknown, path: (string | number)[]): unknown {
  let cur = data;
  for (const p of path) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
    cur = (cur as Tree)[p as string];
  }
  return cur;
}

/**
 * Validates record data with the server's rules. Returns field path → message; a missing
 * required value gets `requiredMessage`.
 */
export function validate(
  fields: DescribedField[],
  countries: readonly string[],
  data: Tree,
  requiredMessage: (path: string) => string,
): Record<string, string> {
  const defs = Object.fromEntries(fields.map(({ name, ...f }) => [name, f as FieldDef]));
  const r = dataSchemaOf(defs, countries.length ? countries : ['AT']).safeParse(data);
  if (r.success) return {};
  const out: Record<string, string> = {};
  for (const i of r.error.issues) {
    const path = i.path.map(String);
    const key = path.join('.') || '(record)';
    if (out[key]) continue;
    out[key] =
      at(data, i.path as (string | number)[]) === undefined && path.length ? requiredMessage(key) : i.message;
  }
  return out;
}
