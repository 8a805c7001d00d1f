/** Column roles, mapping documents, validation and mapping proposal from a header plus sample rows. */

export const CAT_ROLES = [
  'direction',
  'hs',
  'origin',
  'departure',
  'destination',
  'importer',
  'exporter',
  'consignor',
  'consignee',
  'declarant',
  'office',
] as const;
export const NUM_ROLES = ['value', 'mass', 'quantity'] as const;
export const ROLES = [
  'id',
  'date',
  ...CAT_ROLES,
  'categorical',
  ...NUM_ROLES,
  'numeric',
  'text',
  'label',
  'revenue',
  'ignore',
] as const;
export type Role = (typeof ROLES)[number];
/** Roles that may be given to many columns. */
export const MULTI_ROLES: ReadonlySet<Role> = new Set<Role>(['categorical', 'numeric', 'text', 'ignore']);

export interface Mapping {
  format: 'eucab-risk-mapping';
  version: 1;
  columns: Record<string, Role>;
}

export interface CompiledColumn {
  index: number;
  column: string;
  role: Role;
  /** Name of the frame field: the role for single roles, `cat:<column>` / `num:<column>` otherwise. */
  field: string;
}

export class MappingError extends Error {
  constructor(public readonly problems: string[]) {
    super(`invalid mapping:\n  ${problems.join('\n  ')}`);
    this.name = 'MappingError';
  }
}

export function fieldFor(column: string, role: Role): string {
  if (role === 'categorical') return `cat:${column}`;
  if (role === 'numeric') return `num:${column}`;
  if (role === 'text') return `text:${column}`;
  return role;
}

/** Check a mapping document against a header. Throws MappingError listing every problem. */
export function compileMapping(
  mapping: unknown,
  header: string[],
  opts: { requireLabel?: boolean } = {},
): CompiledColumn[] {
  const problems: string[] = [];
  const m = mapping as Partial<Mapping> | null;
  if (!m || typeof m !== 'object' || !m.columns || typeof m.columns !== 'object') {
    throw new MappingError(['mapping must be an object with a "columns" object (column name → role)']);
  }
  if (m.version !== undefined && m.version !== 1)
    problems.push(`unsupported mapping version ${String(m.version)}`);
  const seen = new Map<Role, string>();
  const out: CompiledColumn[] = [];
  const headerIdx = new Map<string, number>();
  header.forEach((h, i) => {
    if (headerIdx.has(h)) problems.push(`column "${h}" appears twice in the header`);
    headerIdx.set(h, i);
  });
  for (const [column, role] of Object.entries(m.columns)) {
    if (!(ROLES as readonly string[]).includes(role)) {
      problems.push(`column "${column}": unknown role "${String(role)}" (roles: ${ROLES.join(', ')})`);
      continue;
    }
    const idx = headerIdx.get(column);
    if (idx === undefined) {
      problems.push(`column "${column}" is mapped but not in the header`);
      continue;
    }
    if (!MULTI_ROLES.has(role)) {
      const prev = seen.get(role);
      if (prev !== undefined) problems.push(`role "${role}" is given to both "${prev}" and "${column}"`);
      seen.set(role, column);
    }
    if (role !== 'ignore') out.push({ index: idx, column, role, field: fieldFor(column, role) });
  }
  if (!seen.has('id')) problems.push('no column has the role "id"');
  if (opts.requireLabel && !seen.has('label'))
    problems.push('no column has the role "label" (needed to train)');
  const unmapped = header.filter((h) => !(h in m.columns!));
  if (unmapped.length > 0)
    problems.push(`columns without a role (use "ignore" to skip): ${unmapped.join(', ')}`);
  if (problems.length > 0) throw new MappingError(problems);
  return out.sort((a, b) => a.index - b.index);
}

export interface Inference {
  column: string;
  role: Role;
  reason: string;
}

const NUM_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+Z?)?$|^\d{4}\/\d{2}\/\d{2}$/;
const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

interface ColumnStats {
  nonEmpty: number;
  numeric: number;
  integer: number;
  dates: number;
  binary: number;
  distinct: number;
  avgLen: number;
  withSpaces: number;
  iso2: number;
  digits: number;
  maxVal: number;
  labelLike: number;
}

function stats(values: string[]): ColumnStats {
  const ne = values.map((v) => v.trim()).filter((v) => v !== '');
  const s: ColumnStats = {
    nonEmpty: ne.length,
    numeric: 0,
    integer: 0,
    dates: 0,
    binary: 0,
    distinct: new Set(ne).size,
    avgLen: 0,
    withSpaces: 0,
    iso2: 0,
    digits: 0,
    maxVal: Number.NEGATIVE_INFINITY,
    labelLike: 0,
  };
  for (const v of ne) {
    if (NUM_RE.test(v)) {
      s.numeric++;
      const x = Number(v);
      if (Number.isInteger(x) && !v.includes('.')) s.integer++;
      if (x > s.maxVal) s.maxVal = x;
    }
    if (DATE_RE.test(v)) s.dates++;
    if (v === '0' || v === '1') s.binary++;
    if (/^(0|1|true|false|yes|no|y|n)$/i.test(v)) s.labelLike++;
    if (/\s/.test(v)) s.withSpaces++;
    if (/^[A-Z]{2}$/.test(v)) s.iso2++;
    if (/^\d[\d.\s]*$/.test(v)) s.digits++;
    s.avgLen += v.length;
  }
  s.avgLen = ne.length ? s.avgLen / ne.length : 0;
  return s;
}

const share = (k: number, s: ColumnStats) => (s.nonEmpty === 0 ? 0 : k / s.nonEmpty);
const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Propose a role for every column from its name and sample values. Returns the mapping and, per
 * column, the role with the reason it was inferred. The analyst is expected to review it.
 */
export function proposeMapping(
  header: string[],
  sample: string[][],
): { mapping: Mapping; inferred: Inference[] } {
  const inferred: Inference[] = [];
  const taken = new Set<Role>();
  const columnValues = header.map((_, i) => sample.map((r) => r[i] ?? ''));
  const st = columnValues.map(stats);
  const n = sample.length;
  const nameRules: Array<[Role, RegExp]> = [
    ['label', /^(is )?(fraud|label|target|illicit|positive|irregular|hit|seizure|result)( flag| found)?$/],
    ['revenue', /revenue|recovered|additional (duty|tax)|duty recovered|tax recovered/],
    ['date', /(^| )(date|time|timestamp|day)( |$)/],
    ['hs', /(^| )(hs|hs\d+|cn|taric|commodity|tariff)( code|$| |\d)|hs code|cn code/],
    ['origin', /(country of origin|origin country|^origin$|^coo$)(?! indicator)/],
    ['departure', /departure|dispatch|country of export|export country|consignment country/],
    ['destination', /destination/],
    ['importer', /importer/],
    ['exporter', /exporter|seller|supplier|vendor/],
    ['consignor', /consignor|shipper/],
    ['consignee', /consignee/],
    ['declarant', /declarant|broker|customs agent/],
    ['office', /office|customs post|port of entry/],
    ['direction', /^(direction|flow|procedure direction|declaration direction)$/],
    ['value', /price|value|amount|invoice/],
    ['mass', /mass|weight|kg|kilogram/],
    ['quantity', /quantity|qty|units|pieces/],
  ];
  header.forEach((col, i) => {
    const name = norm(col);
    const s = st[i]!;
    let role: Role | null = null;
    let reason = '';
    if (s.nonEmpty === 0) {
      inferred.push({ column: col, role: 'ignore', reason: `all ${n} sample values are empty` });
      return;
    }
    if (
      !taken.has('id') &&
      /(^| )(declaration|decl|entry|record|reference|ref)( id| no| number| ref)?$|^id$/.test(name) &&
      s.distinct === s.nonEmpty
    ) {
      role = 'id';
      reason = `name looks like an identifier and all ${s.nonEmpty} sample values are distinct`;
    }
    const outcomeName = /fraud|label|target|illicit|irregular|seizure/.test(name);
    const labelName = nameRules[0]![1].test(name);
    if (!role && outcomeName && (!labelName || taken.has('label') || share(s.labelLike, s) < 1)) {
      role = 'ignore';
      reason = `looks like an outcome (name "${col}") but is not the binary label: ignored so an outcome never becomes a feature (leakage)`;
    }
    if (!role) {
      for (const [r, re] of nameRules) {
        if (!re.test(name)) continue;
        if (r === 'label') {
          if (share(s.labelLike, s) < 1) continue;
          if (taken.has('label')) {
            role = 'ignore';
            reason = `second outcome-like column after the label: ignored to avoid leakage`;
            break;
          }
        }
        if (r === 'date' && share(s.dates, s) < 0.9) continue;
        if (
          (r === 'value' || r === 'mass' || r === 'quantity' || r === 'revenue') &&
          share(s.numeric, s) < 0.95
        )
          continue;
        if (taken.has(r)) continue;
        role = r;
        reason = `name matches ${re}`;
        if (r === 'date') reason += `; ${pct(share(s.dates, s))} of sample values are dates`;
        if (r === 'label') reason += `; values are 0/1 (or yes/no)`;
        if (r === 'origin' || r === 'departure' || r === 'destination')
          reason += `; ${pct(share(s.iso2, s))} of sample values are 2-letter codes`;
        if (r === 'hs') reason += `; ${pct(share(s.digits, s))} of sample values are digit codes`;
        if (r === 'exporter' && /seller|supplier|vendor/.test(name))
          reason += ' (seller/supplier taken as exporter)';
        break;
      }
    }
    if (!role) {
      if (share(s.dates, s) >= 0.95 && !taken.has('date')) {
        role = 'date';
        reason = `${pct(share(s.dates, s))} of sample values are dates`;
      } else if (s.avgLen > 25 && share(s.withSpaces, s) > 0.5) {
        role = 'text';
        reason = `long values with spaces (average length ${s.avgLen.toFixed(0)}): free text, not used by the model`;
      } else if (share(s.numeric, s) >= 0.98) {
        const codeName =
          /(^| )(id|code|type|kind|indicator|mode|use|class|category|flag|no|number)( |$)/.test(name);
        const decimals = s.integer < s.nonEmpty;
        if (codeName && !decimals) {
          role = 'categorical';
          reason = `numeric-looking but the name says it is a code (${s.distinct} distinct of ${s.nonEmpty})`;
        } else if (decimals || s.distinct > 50) {
          role = 'numeric';
          reason = decimals ? 'numbers with decimals' : `integers with ${s.distinct} distinct values`;
        } else {
          role = 'categorical';
          reason = `integers with only ${s.distinct} distinct values: treated as codes`;
        }
      } else {
        role = 'categorical';
        reason = `short strings, ${s.distinct} distinct of ${s.nonEmpty} non-empty`;
      }
    }
    if (!MULTI_ROLES.has(role)) taken.add(role);
    inferred.push({ column: col, role, reason });
  });
  const columns: Record<string, Role> = {};
  for (const inf of inferred) columns[inf.column] = inf.role;
  return { mapping: { format: 'eucab-risk-mapping', version: 1, columns }, inferred };
}
