/**
 * Mapping proposal: a role for every column from its name (EU customs data model, English, French
 * and German headings: mapping-vocabulary.ts) and its sample values, each with the reason and a
 * confidence. Always complete: a column that fits nothing known gets the role its values suggest,
 * with a low confidence, so the analyst reviews the uncertain columns only.
 */
import { type DateFormat, type DecimalSeparator, parseDate, parseNumber } from './dialect.ts';
import { type Mapping, MULTI_ROLES, type Role } from './mapping.ts';
import {
  CODE_NAMES,
  ID_NAMES,
  LABEL_NAME,
  NAME_RULES,
  normaliseName,
  OUTCOME_NAME,
} from './mapping-vocabulary.ts';

export interface Inference {
  column: string;
  role: Role;
  reason: string;
  /** 0…1: 0.9 name and values agree, 0.7 name only or values only, below 0.6 a guess to review. */
  confidence: number;
}

export interface ProposeOptions {
  decimal?: DecimalSeparator;
  dateFormat?: DateFormat;
}

/** Confidence below which a column is listed as uncertain (to be reviewed). */
export const UNCERTAIN = 0.6;

interface ColumnStats {
  nonEmpty: number;
  numeric: number;
  integer: number;
  dates: number;
  distinct: number;
  avgLen: number;
  withSpaces: number;
  iso2: number;
  digits: number;
  labelLike: number;
}

function stats(values: string[], opts: ProposeOptions): ColumnStats {
  const ne = values.map((v) => v.trim()).filter((v) => v !== '');
  const s: ColumnStats = {
    nonEmpty: ne.length,
    numeric: 0,
    integer: 0,
    dates: 0,
    distinct: new Set(ne).size,
    avgLen: 0,
    withSpaces: 0,
    iso2: 0,
    digits: 0,
    labelLike: 0,
  };
  for (const v of ne) {
    const x = parseNumber(v, opts.decimal ?? '.');
    if (!Number.isNaN(x)) {
      s.numeric++;
      if (Number.isInteger(x) && /^[+-]?\d+$/.test(v)) s.integer++;
    }
    if (!Number.isNaN(parseDate(v, opts.dateFormat ?? 'ymd'))) s.dates++;
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
const NUMERIC_ROLES = new Set<Role>(['value', 'mass', 'quantity', 'revenue', 'numeric']);

/** The role the values alone suggest (no name matched). */
function byValues(name: string, s: ColumnStats, dateFree: boolean): Omit<Inference, 'column'> {
  if (share(s.dates, s) >= 0.95 && dateFree)
    return { role: 'date', reason: `${pct(share(s.dates, s))} of sample values are dates`, confidence: 0.7 };
  if (s.avgLen > 25 && share(s.withSpaces, s) > 0.5)
    return {
      role: 'text',
      reason: `long values with spaces (average length ${s.avgLen.toFixed(0)}): free text, not used by the model`,
      confidence: 0.7,
    };
  if (share(s.numeric, s) >= 0.98) {
    const codeName =
      /(^| )(id|code|type|kind|indicator|mode|use|class|category|flag|no|number|nr|art|typ)( |$)/.test(name);
    const decimals = s.integer < s.nonEmpty;
    if (codeName && !decimals)
      return {
        role: 'categorical',
        reason: `numeric-looking but the name says it is a code (${s.distinct} distinct of ${s.nonEmpty})`,
        confidence: 0.7,
      };
    if (decimals || s.distinct > 50)
      return {
        role: 'numeric',
        reason: decimals ? 'numbers with decimals' : `integers with ${s.distinct} distinct values`,
        confidence: 0.5,
      };
    return {
      role: 'categorical',
      reason: `integers with only ${s.distinct} distinct values: treated as codes`,
      confidence: 0.5,
    };
  }
  return {
    role: 'categorical',
    reason: `short strings, ${s.distinct} distinct of ${s.nonEmpty} non-empty`,
    confidence: 0.5,
  };
}

/**
 * Propose a role for every column from its name and sample values. Returns the mapping and, per
 * column, the role with the reason and a confidence. Never fails: when no column looks like the
 * identifier, the first column whose sample values are all distinct is proposed with a low
 * confidence (or the first column, flagged to review).
 */
export function proposeMapping(
  header: string[],
  sample: string[][],
  opts: ProposeOptions = {},
): { mapping: Mapping; inferred: Inference[]; uncertain: string[] } {
  const taken = new Set<Role>();
  const st = header.map((_, i) =>
    stats(
      sample.map((r) => r[i] ?? ''),
      opts,
    ),
  );
  const names = header.map(normaliseName);
  const n = sample.length;
  const out: Array<Inference | null> = header.map(() => null);
  const allDistinct = (i: number) => st[i]!.nonEmpty > 0 && st[i]!.distinct === st[i]!.nonEmpty;

  // 1. the identifier: a known identifier name with distinct values, in the vocabulary's order
  for (const idName of ID_NAMES) {
    if (taken.has('id')) break;
    const i = names.findIndex((nm, k) => idName.re.test(nm) && allDistinct(k) && !out[k]);
    if (i < 0) continue;
    out[i] = {
      column: header[i]!,
      role: 'id',
      reason: `name matches ${idName.label} and all ${st[i]!.nonEmpty} sample values are distinct`,
      confidence: 0.9,
    };
    taken.add('id');
  }

  // 2. outcomes: the first binary one is the label, every other outcome-like column is ignored
  header.forEach((col, i) => {
    if (out[i]) return;
    const s = st[i]!;
    if (!OUTCOME_NAME.test(names[i]!)) return;
    const binary = s.nonEmpty > 0 && share(s.labelLike, s) === 1;
    if (binary && LABEL_NAME.test(names[i]!) && !taken.has('label')) {
      out[i] = {
        column: col,
        role: 'label',
        reason: `name "${col}" says outcome and the values are 0/1 (or yes/no): the label to learn`,
        confidence: 0.9,
      };
      taken.add('label');
      return;
    }
    out[i] = {
      column: col,
      role: 'ignore',
      reason: `looks like an outcome (name "${col}")${binary ? ' but the label is already taken' : ', not a binary label'}: ignored so an outcome never becomes a feature (leakage). Make it the label if it is the one to learn.`,
      confidence: 0.8,
    };
  });

  // 3. names of the vocabulary
  header.forEach((col, i) => {
    if (out[i]) return;
    const s = st[i]!;
    const name = names[i]!;
    if (s.nonEmpty === 0) {
      out[i] = { column: col, role: 'ignore', reason: `all ${n} sample values are empty`, confidence: 0.9 };
      return;
    }
    for (const e of CODE_NAMES) {
      if (!e.re.test(name)) continue;
      if (e.role === 'numeric' && share(s.numeric, s) < 0.95) continue;
      out[i] = { column: col, role: e.role, reason: `name matches ${e.label}`, confidence: 0.8 };
      return;
    }
    for (const e of NAME_RULES) {
      if (!e.re.test(name)) continue;
      const r = e.role;
      if (r === 'date' && share(s.dates, s) < 0.9) continue;
      if (NUMERIC_ROLES.has(r) && share(s.numeric, s) < 0.95) continue;
      if (taken.has(r)) {
        // a second value-like or mass-like column (invoice amount after the statistical value, gross after net mass)
        if (NUMERIC_ROLES.has(r)) {
          out[i] = {
            column: col,
            role: 'numeric',
            reason: `name matches ${e.label}, which is already given to another column: kept as a numeric indicator`,
            confidence: 0.7,
          };
          return;
        }
        continue;
      }
      let reason = `name matches ${e.label}`;
      let confidence = 0.9;
      if (r === 'date') reason += `; ${pct(share(s.dates, s))} of sample values are dates`;
      if (r === 'origin' || r === 'departure' || r === 'destination') {
        reason += `; ${pct(share(s.iso2, s))} of sample values are 2-letter codes`;
        if (share(s.iso2, s) < 0.5) confidence = 0.7;
      }
      if (r === 'hs') {
        reason += `; ${pct(share(s.digits, s))} of sample values are digit codes`;
        if (share(s.digits, s) < 0.9) confidence = 0.6;
      }
      if (r === 'exporter' && /seller|supplier|vendor|vendeur|fournisseur|verkaufer|lieferant/.test(name))
        reason += ' (seller/supplier taken as exporter)';
      out[i] = { column: col, role: r, reason, confidence };
      taken.add(r);
      return;
    }
  });

  // 4. the identifier when no name says so: the first column with distinct values
  if (!taken.has('id')) {
    let i = header.findIndex((_, k) => !out[k] && allDistinct(k) && share(st[k]!.dates, st[k]!) < 0.5);
    let reason = `no column is named like a declaration identifier; "${header[i] ?? ''}" is the first whose ${st[i]?.nonEmpty ?? 0} sample values are all distinct: check it`;
    if (i < 0) {
      i = header.findIndex((_, k) => !out[k] || out[k]!.role !== 'label');
      reason = `no column is named like an identifier and none has distinct values in the sample: "${header[i]}" is a guess, choose the declaration identifier`;
    }
    if (i >= 0) {
      out[i] = { column: header[i]!, role: 'id', reason, confidence: allDistinct(i) ? 0.5 : 0.2 };
      taken.add('id');
    }
  }

  // 5. everything else by its values
  header.forEach((col, i) => {
    if (out[i]) return;
    const v = byValues(names[i]!, st[i]!, !taken.has('date'));
    if (v.role === 'date') taken.add('date');
    out[i] = { column: col, ...v };
  });

  const inferred = out as Inference[];
  for (const inf of inferred) if (!MULTI_ROLES.has(inf.role)) taken.add(inf.role);
  const columns: Record<string, Role> = {};
  for (const inf of inferred) columns[inf.column] = inf.role;
  return {
    mapping: { format: 'eucab-risk-mapping', version: 1, columns },
    inferred,
    uncertain: inferred.filter((i) => i.confidence < UNCERTAIN).map((i) => i.column),
  };
}
