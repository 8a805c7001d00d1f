/**
 * Risk profiles as rules written against roles (not column names), so a rule written by one
 * administration runs on another's data. A rule hits when all its conditions hold and the
 * declaration date lies within its validity dates.
 */
import type { Frame } from './frame.ts';
import { parseDay } from './frame.ts';

export const FAMILIES = ['financial', 'security_safety', 'prohibitions_restrictions', 'sanctions'] as const;
export type Family = (typeof FAMILIES)[number];

/**
 * Family names rules written before the shared risk-family list still carry (rule files, stored
 * models): read as their new name.
 */
export const LEGACY_FAMILIES: Readonly<Record<string, Family>> = { safety_security: 'security_safety' };

export type Condition =
  | { op: 'equals'; role: string; value: string }
  | { op: 'in'; role: string; values: string[] }
  | { op: 'hsPrefix'; prefixes: string[]; role?: string }
  | { op: 'range'; role: string; min?: number; max?: number }
  | {
      op: 'ratio';
      numerator: string;
      denominator: string;
      /** Reference table id: keys are HS prefixes (or values of keyRole), values are reference ratios. */
      table: string;
      keyRole?: string;
      /** Hit when ratio < below × reference. */
      below?: number;
      /** Hit when ratio > above × reference. */
      above?: number;
    }
  | { op: 'inList'; role: string; list: string };

export interface Rule {
  id: string;
  name?: string;
  family: Family;
  /** Added to the score (log-odds units) when the rule hits. */
  weight: number;
  rationale: string;
  validFrom?: string;
  validTo?: string;
  /** Hits are selected outside the budget and outside the exploration share. */
  mandatory?: boolean;
  conditions: Condition[];
}

export interface ReferenceTable {
  id: string;
  description?: string;
  entries: Record<string, number>;
}

export interface PartyList {
  id: string;
  description?: string;
  entries: string[];
}

export interface RuleSet {
  format?: 'eucab-risk-rules';
  version?: 1;
  rules: Rule[];
  referenceTables?: ReferenceTable[];
  partyLists?: PartyList[];
}

export class RuleError extends Error {
  constructor(public readonly problems: string[]) {
    super(`invalid rules:\n  ${problems.join('\n  ')}`);
    this.name = 'RuleError';
  }
}

const NUM_FIELDS = new Set(['value', 'mass', 'quantity']);
const isNumField = (f: string) => NUM_FIELDS.has(f) || f.startsWith('num:');

/**
 * Validate a rule set's structure (legacy family names are renamed in place). Throws RuleError
 * listing every problem.
 */
export function validateRules(doc: unknown): RuleSet {
  const p: string[] = [];
  const rs = doc as RuleSet;
  if (!rs || typeof rs !== 'object' || !Array.isArray(rs.rules))
    throw new RuleError(['rules document needs a "rules" array']);
  const tables = new Set((rs.referenceTables ?? []).map((t) => t.id));
  const lists = new Set((rs.partyLists ?? []).map((l) => l.id));
  const ids = new Set<string>();
  rs.rules.forEach((r, i) => {
    const at = `rule ${i + 1}${r?.id ? ` (${r.id})` : ''}`;
    if (!r || typeof r.id !== 'string' || r.id === '') p.push(`${at}: missing id`);
    else if (ids.has(r.id)) p.push(`${at}: duplicate id`);
    else ids.add(r.id);
    const legacy = r && typeof r.family === 'string' ? LEGACY_FAMILIES[r.family] : undefined;
    if (legacy) r.family = legacy;
    if (!(FAMILIES as readonly string[]).includes(r?.family))
      p.push(`${at}: family must be one of ${FAMILIES.join(', ')}`);
    if (typeof r?.weight !== 'number' || !Number.isFinite(r.weight)) p.push(`${at}: weight must be a number`);
    if (typeof r?.rationale !== 'string' || r.rationale.trim() === '') p.push(`${at}: rationale is required`);
    for (const k of ['validFrom', 'validTo'] as const)
      if (r?.[k] !== undefined && Number.isNaN(parseDay(r[k]!)))
        p.push(`${at}: ${k} is not a date (YYYY-MM-DD)`);
    if (!Array.isArray(r?.conditions) || r.conditions.length === 0)
      p.push(`${at}: needs at least one condition`);
    else
      r.conditions.forEach((c, j) => {
        const ct = `${at}, condition ${j + 1}`;
        switch (c?.op) {
          case 'equals':
            if (typeof c.role !== 'string' || typeof c.value !== 'string')
              p.push(`${ct}: equals needs role and value`);
            break;
          case 'in':
            if (typeof c.role !== 'string' || !Array.isArray(c.values))
              p.push(`${ct}: in needs role and values`);
            break;
          case 'hsPrefix':
            if (!Array.isArray(c.prefixes) || c.prefixes.some((x) => !/^\d+$/.test(x)))
              p.push(`${ct}: hsPrefix needs digit prefixes`);
            break;
          case 'range':
            if (typeof c.role !== 'string' || (c.min === undefined && c.max === undefined))
              p.push(`${ct}: range needs role and min and/or max`);
            else if (!isNumField(c.role))
              p.push(`${ct}: range needs a numeric role (value, mass, quantity), not "${c.role}"`);
            break;
          case 'ratio':
            if (!isNumField(c.numerator) || !isNumField(c.denominator))
              p.push(`${ct}: ratio needs numeric roles`);
            if (!tables.has(c.table)) p.push(`${ct}: unknown reference table "${c.table}"`);
            if (c.below === undefined && c.above === undefined)
              p.push(`${ct}: ratio needs below and/or above`);
            break;
          case 'inList':
            if (!lists.has(c.list)) p.push(`${ct}: unknown party list "${c.list}"`);
            break;
          default:
            p.push(`${ct}: unknown op "${String((c as { op?: unknown })?.op)}"`);
        }
      });
  });
  if (p.length > 0) throw new RuleError(p);
  return rs;
}

/** Evaluate every rule on the given rows (all rows when rows is null): one hit array per rule. */
export function evaluateRules(
  rs: RuleSet,
  frame: Frame,
  rows: ArrayLike<number> | null = null,
): Uint8Array[] {
  const m = rows ? rows.length : frame.n;
  const tables = new Map((rs.referenceTables ?? []).map((t) => [t.id, t]));
  const lists = new Map((rs.partyLists ?? []).map((l) => [l.id, new Set(l.entries)]));
  return rs.rules.map((rule) => {
    const hit = new Uint8Array(m).fill(1);
    const from = rule.validFrom ? parseDay(rule.validFrom) : Number.NEGATIVE_INFINITY;
    const to = rule.validTo ? parseDay(rule.validTo) : Number.POSITIVE_INFINITY;
    if (frame.hasDate) {
      for (let i = 0; i < m; i++) {
        const d = frame.date[rows ? rows[i]! : i]!;
        if (d < from || d > to) hit[i] = 0;
      }
    }
    const catMask = (role: string, pred: (v: string) => boolean): void => {
      const col = frame.cats.get(role);
      if (!col) {
        hit.fill(0);
        return;
      }
      const ok = Uint8Array.from(col.dict, (v) => (pred(v) ? 1 : 0));
      for (let i = 0; i < m; i++) {
        const c = col.codes[rows ? rows[i]! : i]!;
        if (c < 0 || ok[c] === 0) hit[i] = 0;
      }
    };
    for (const c of rule.conditions) {
      switch (c.op) {
        case 'equals':
          catMask(c.role, (v) => v === c.value);
          break;
        case 'in': {
          const s = new Set(c.values);
          catMask(c.role, (v) => s.has(v));
          break;
        }
        case 'hsPrefix':
          catMask(c.role ?? 'hs', (v) => c.prefixes.some((p) => v.startsWith(p)));
          break;
        case 'inList': {
          const s = lists.get(c.list) ?? new Set<string>();
          catMask(c.role, (v) => s.has(v));
          break;
        }
        case 'range': {
          const a = frame.nums.get(c.role);
          if (!a) {
            hit.fill(0);
            break;
          }
          const lo = c.min ?? Number.NEGATIVE_INFINITY;
          const hi = c.max ?? Number.POSITIVE_INFINITY;
          for (let i = 0; i < m; i++) {
            const x = a[rows ? rows[i]! : i]!;
            if (!(x >= lo && x <= hi)) hit[i] = 0;
          }
          break;
        }
        case 'ratio': {
          const num = frame.nums.get(c.numerator);
          const den = frame.nums.get(c.denominator);
          const keyCol = frame.cats.get(c.keyRole ?? 'hs');
          const table = tables.get(c.table);
          if (!num || !den || !keyCol || !table) {
            hit.fill(0);
            break;
          }
          const keys = Object.keys(table.entries).sort((a, b) => b.length - a.length);
          // longest-prefix match of the key value in the table (exact match for non-HS keys)
          const refByCode = Float64Array.from(keyCol.dict, (v) => {
            const k = keys.find((p) => (c.keyRole && c.keyRole !== 'hs' ? v === p : v.startsWith(p)));
            return k === undefined ? Number.NaN : table.entries[k]!;
          });
          for (let i = 0; i < m; i++) {
            const r = rows ? rows[i]! : i;
            const code = keyCol.codes[r]!;
            const ref = code < 0 ? Number.NaN : refByCode[code]!;
            const d = den[r]!;
            const ratio = num[r]! / d;
            let ok = false;
            if (Number.isFinite(ratio) && d > 0 && Number.isFinite(ref)) {
              if (c.below !== undefined && ratio < c.below * ref) ok = true;
              if (c.above !== undefined && ratio > c.above * ref) ok = true;
            }
            if (!ok) hit[i] = 0;
          }
          break;
        }
      }
    }
    return hit;
  });
}

export interface RuleBacktest {
  id: string;
  family: Family;
  mandatory: boolean;
  hits: number;
  /** Hits with a known outcome. */
  labelledHits: number;
  frauds: number;
  precision: number;
  recall: number;
  revenue: number | null;
  revenueShare: number | null;
}

/** Backtest every rule on labelled history: hits, precision, recall, revenue. */
export function backtestRules(rs: RuleSet, frame: Frame): RuleBacktest[] {
  const hits = evaluateRules(rs, frame);
  let totalFraud = 0;
  let totalRev = 0;
  for (let i = 0; i < frame.n; i++) {
    if (frame.label[i] === 1) totalFraud++;
    if (frame.revenue) totalRev += frame.revenue[i]!;
  }
  return rs.rules.map((r, k) => {
    const h = hits[k]!;
    let n = 0;
    let lab = 0;
    let fr = 0;
    let rev = 0;
    for (let i = 0; i < frame.n; i++) {
      if (!h[i]) continue;
      n++;
      if (frame.label[i] !== -1) lab++;
      if (frame.label[i] === 1) fr++;
      if (frame.revenue) rev += frame.revenue[i]!;
    }
    return {
      id: r.id,
      family: r.family,
      mandatory: r.mandatory === true,
      hits: n,
      labelledHits: lab,
      frauds: fr,
      precision: lab > 0 ? fr / lab : Number.NaN,
      recall: totalFraud > 0 ? fr / totalFraud : Number.NaN,
      revenue: frame.revenue ? rev : null,
      revenueShare: frame.revenue ? (totalRev > 0 ? rev / totalRev : Number.NaN) : null,
    };
  });
}
