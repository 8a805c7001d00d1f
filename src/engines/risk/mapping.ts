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

/**
 * The mapping used to score new declarations: outcome columns (label, revenue), free text and
 * ignored columns may be absent from the file; columns the mapping does not know are ignored with
 * a warning. Columns the model reads must be present (MappingError naming them); with
 * `keepOutcomes` (evaluation) the label is read and must be present too.
 */
export function adaptMappingForScoring(
  mapping: Mapping,
  header: string[],
  opts: { keepOutcomes?: boolean } = {},
): { mapping: Mapping; warnings: string[] } {
  const columns: Record<string, Role> = {};
  const warnings: string[] = [];
  const missing: string[] = [];
  const headerSet = new Set(header);
  for (const [col, role] of Object.entries(mapping.columns ?? {})) {
    const outcome = role === 'label' || role === 'revenue';
    if (headerSet.has(col)) columns[col] = outcome && !opts.keepOutcomes ? 'ignore' : role;
    else if ((!outcome || (opts.keepOutcomes && role === 'label')) && role !== 'ignore' && role !== 'text')
      missing.push(`${col} (${role})`);
  }
  if (missing.length > 0)
    throw new MappingError([`columns the model reads are not in the file: ${missing.join(', ')}`]);
  const extra = header.filter((h) => !(h in columns));
  for (const h of extra) columns[h] = 'ignore';
  if (extra.length > 0) warnings.push(`columns not in the mapping are ignored: ${extra.join(', ')}`);
  return { mapping: { format: 'eucab-risk-mapping', version: 1, columns }, warnings };
}

export { type Inference, type ProposeOptions, proposeMapping } from './mapping-proposal.ts';
