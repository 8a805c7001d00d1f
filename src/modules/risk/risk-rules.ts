import type { Actor } from '../../access/actor.ts';
import type { Database } from '../../db/connection.ts';
import {
  type Condition,
  type Rule,
  RuleError,
  type RuleSet,
  validateRules,
} from '../../engines/risk/rules.ts';
import { kindByName } from '../../registry/kinds/index.ts';
import { readableKindQuery } from '../../registry/record-queries.ts';

/** A published registry record as the conversion needs it. */
export interface RuleRecord {
  owner: string;
  data: Record<string, unknown>;
}

export interface ConvertedRules {
  ruleSet: RuleSet | null;
  /** Rules left out, with the reason (unknown reference table, bad condition …). */
  skipped: Array<{ rule: string; reason: string }>;
}

type Obj = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * Registry rules, reference tables and party lists → the engine's rule set. Tables and lists are
 * referred to by their id; the caller's own organisation's record wins over a shared one with the
 * same id. Rule ids become `<owner>.<rule_id>` (two administrations may use the same id).
 */
export function convertRules(
  ownOrg: string,
  rules: RuleRecord[],
  tables: RuleRecord[],
  lists: RuleRecord[],
): ConvertedRules {
  const pick = (recs: RuleRecord[], key: string) => {
    const out = new Map<string, RuleRecord>();
    for (const r of recs) {
      const id = str(r.data[key]);
      if (!id) continue;
      const prev = out.get(id);
      if (!prev || (prev.owner !== ownOrg && r.owner === ownOrg)) out.set(id, r);
    }
    return out;
  };
  const tableById = pick(tables, 'table_id');
  const listById = pick(lists, 'list_id');
  const usedTables = new Map<string, { id: string; entries: Record<string, number> }>();
  const usedLists = new Map<string, { id: string; entries: string[] }>();
  const skipped: ConvertedRules['skipped'] = [];
  const out: Rule[] = [];
  for (const rec of rules) {
    const d = rec.data;
    const id = `${rec.owner}.${String(d.rule_id)}`;
    try {
      const conditions: Condition[] = ((d.conditions as Obj[] | undefined) ?? []).map((c) => {
        const role = str(c.role) ?? '';
        switch (c.op) {
          case 'equals':
            return { op: 'equals', role, value: str(c.value) ?? '' };
          case 'in':
            return { op: 'in', role, values: (c.values as string[] | undefined) ?? [] };
          case 'hsPrefix':
            return {
              op: 'hsPrefix',
              prefixes: (c.prefixes as string[] | undefined) ?? [],
              ...(role ? { role } : {}),
            };
          case 'range': {
            const min = num(c.min);
            const max = num(c.max);
            return {
              op: 'range',
              role,
              ...(min !== undefined ? { min } : {}),
              ...(max !== undefined ? { max } : {}),
            };
          }
          case 'ratio': {
            const t = tableById.get(str(c.table) ?? '');
            if (!t)
              throw new RuleError([`reference table "${String(c.table)}" is not readable or not published`]);
            const tid = `${t.owner}.${String(t.data.table_id)}`;
            if (!usedTables.has(tid)) {
              const entries: Record<string, number> = {};
              for (const e of (t.data.entries as Obj[] | undefined) ?? [])
                entries[String(e.key)] = Number(e.value);
              usedTables.set(tid, { id: tid, entries });
            }
            const below = num(c.below);
            const above = num(c.above);
            const keyRole = str(c.key_role);
            return {
              op: 'ratio',
              numerator: str(c.numerator) ?? '',
              denominator: str(c.denominator) ?? '',
              table: tid,
              ...(keyRole ? { keyRole } : {}),
              ...(below !== undefined ? { below } : {}),
              ...(above !== undefined ? { above } : {}),
            };
          }
          case 'inList': {
            const l = listById.get(str(c.list) ?? '');
            if (!l) throw new RuleError([`party list "${String(c.list)}" is not readable or not published`]);
            const lid = `${l.owner}.${String(l.data.list_id)}`;
            if (!usedLists.has(lid))
              usedLists.set(lid, {
                id: lid,
                entries: ((l.data.entries as Obj[] | undefined) ?? []).map((e) => String(e.party)),
              });
            return { op: 'inList', role, list: lid };
          }
          default:
            throw new RuleError([`unknown operator "${String(c.op)}"`]);
        }
      });
      const rule: Rule = {
        id,
        name: str(d.name) ?? id,
        family: d.family as Rule['family'],
        weight: Number(d.weight),
        rationale: str(d.rationale) ?? '',
        ...(str(d.valid_from) ? { validFrom: str(d.valid_from)! } : {}),
        ...(str(d.valid_to) ? { validTo: str(d.valid_to)! } : {}),
        mandatory: d.mandatory === true,
        conditions,
      };
      validateRules({
        rules: [rule],
        referenceTables: [...usedTables.values()],
        partyLists: [...usedLists.values()],
      });
      out.push(rule);
    } catch (e) {
      if (!(e instanceof RuleError)) throw e;
      skipped.push({ rule: id, reason: e.problems.join('; ') });
    }
  }
  if (out.length === 0) return { ruleSet: null, skipped };
  const ruleSet: RuleSet = {
    rules: out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    referenceTables: [...usedTables.values()],
    partyLists: [...usedLists.values()],
  };
  return { ruleSet: validateRules(ruleSet), skipped };
}

/** The published records of a kind the actor may read, newest first, with their owner's code. */
async function readablePublished(db: Database, actor: Actor, kind: string): Promise<RuleRecord[]> {
  const def = kindByName(kind)!;
  const rows = await readableKindQuery(db, actor, def, { status: 'published', fields: {} })
    .select(['o.code as owner', 'r.data'])
    .orderBy('r.published_at', 'desc')
    .execute();
  return rows.map((r) => ({ owner: r.owner, data: r.data as Record<string, unknown> }));
}

/** The rules the actor may read (own and shared to them), published, with tables and lists resolved. */
export async function readableRuleSet(db: Database, actor: Actor): Promise<ConvertedRules> {
  const own = actor.orgId ? await ownCode(db, actor.orgId) : '';
  return convertRules(
    own,
    await readablePublished(db, actor, 'risk_rule'),
    await readablePublished(db, actor, 'reference_table'),
    await readablePublished(db, actor, 'party_list'),
  );
}

/**
 * Given rule definitions (in the `risk_rule` format, e.g. a profile recommendation's) as the
 * actor's own, with the reference tables and party lists the actor may read.
 */
export async function ruleSetOf(
  db: Database,
  actor: Actor,
  rules: ReadonlyArray<Record<string, unknown>>,
): Promise<ConvertedRules> {
  const own = actor.orgId ? await ownCode(db, actor.orgId) : '';
  return convertRules(
    own,
    rules.map((data) => ({ owner: own, data })),
    await readablePublished(db, actor, 'reference_table'),
    await readablePublished(db, actor, 'party_list'),
  );
}

async function ownCode(db: Database, orgId: string): Promise<string> {
  const o = await db.selectFrom('organisations').select('code').where('id', '=', orgId).executeTakeFirst();
  return o?.code ?? '';
}
