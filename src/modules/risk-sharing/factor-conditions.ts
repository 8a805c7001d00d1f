/**
 * A common risk factor's indicators → conditions of a `risk_rule` (the rule kind's condition
 * format, itself the risk engine's: src/engines/risk/rules.ts). Pure; every indicator that has
 * no condition is reported with why.
 */
export interface Indicator {
  role: string;
  operator: string;
  value: string;
  table?: string;
}

export type RuleCondition = Record<string, unknown>;

export interface ConvertedIndicators {
  conditions: RuleCondition[];
  problems: Array<{ index: number; message: string }>;
}

const values = (v: string) =>
  v
    .split(/[,;\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** The engine's role for an indicator's data role (transport mode: a categorical column named so). */
const ENGINE_ROLE: Record<string, string> = {
  origin: 'origin',
  departure: 'departure',
  destination: 'destination',
  transport_mode: 'cat:transport_mode',
  party: 'importer',
};

function one(ind: Indicator): RuleCondition[] | string {
  const list = values(ind.value);
  if (list.length === 0) return 'the value is empty';
  switch (ind.role) {
    case 'hs_prefix':
      if (!['prefix', 'equals', 'in'].includes(ind.operator))
        return `an HS prefix takes prefix, equals or in, not ${ind.operator}`;
      if (list.some((p) => !/^\d{1,10}$/.test(p))) return 'HS prefixes are digits only';
      return [{ op: 'hsPrefix', prefixes: list }];
    case 'origin':
    case 'departure':
    case 'destination':
    case 'transport_mode':
    case 'party': {
      const role = ENGINE_ROLE[ind.role]!;
      if (ind.role === 'party' && ind.operator === 'in_list') return [{ op: 'inList', role, list: list[0]! }];
      if (ind.operator === 'equals' && list.length === 1) return [{ op: 'equals', role, value: list[0]! }];
      if (ind.operator === 'equals' || ind.operator === 'in') return [{ op: 'in', role, values: list }];
      return `${ind.role} takes equals or in${ind.role === 'party' ? ' or in_list' : ''}, not ${ind.operator}`;
    }
    case 'route': {
      if (ind.operator !== 'equals')
        return `a route takes equals (departure>destination), not ${ind.operator}`;
      const [from, to] = ind.value.split('>').map((x) => x.trim());
      const out: RuleCondition[] = [];
      if (from) out.push({ op: 'equals', role: 'departure', value: from });
      if (to) out.push({ op: 'equals', role: 'destination', value: to });
      return out.length ? out : 'a route is written departure>destination, e.g. CN>NL';
    }
    case 'value_per_kg_vs_hs6_median': {
      if (ind.operator !== 'below' && ind.operator !== 'above')
        return `the value per kg takes below or above, not ${ind.operator}`;
      const factor = Number(ind.value);
      if (!Number.isFinite(factor) || factor <= 0)
        return 'the value is a positive factor of the median, e.g. 0.5';
      if (!ind.table) return 'name the reference table of HS6 median values per kg';
      return [
        { op: 'ratio', numerator: 'value', denominator: 'mass', table: ind.table, [ind.operator]: factor },
      ];
    }
    default:
      return `unknown data role ${ind.role}`;
  }
}

export function indicatorsToConditions(indicators: readonly Indicator[]): ConvertedIndicators {
  const conditions: RuleCondition[] = [];
  const problems: ConvertedIndicators['problems'] = [];
  indicators.forEach((ind, index) => {
    const r = one(ind);
    if (typeof r === 'string') problems.push({ index, message: r });
    else conditions.push(...r);
  });
  return { conditions, problems };
}
