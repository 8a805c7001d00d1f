import type { ApprovalStep, ResolvedStep } from '../access/approval-policy.ts';
import type { Distribution, OrgRole, Tlp } from '../db/schema.ts';
import type { NetworkCode } from '../reference/networks.ts';

/**
 * A registry kind is declared once, in one definition: fields, validation, import key, search,
 * list configuration, access defaults, workflow and views. Storage, validation (server and
 * client), REST endpoints, OpenAPI, import/export and the UI derive from it.
 */
export type FieldSpec =
  | { type: 'text'; maxLength?: number; multiline?: boolean; pattern?: string; patternHint?: string }
  | { type: 'mltext'; maxLength?: number }
  | { type: 'number'; min?: number; max?: number; integer?: boolean; unit?: string }
  | { type: 'quantity'; dimension: Dimension }
  | { type: 'money' }
  | { type: 'date' }
  | { type: 'boolean' }
  | { type: 'url' }
  | { type: 'code'; codeList: string }
  | { type: 'country' }
  | { type: 'organisation' }
  | { type: 'ref'; kind: string }
  | { type: 'location' }
  | { type: 'list'; of: FieldSpec & { label?: string }; maxItems?: number }
  | { type: 'object'; fields: Record<string, FieldDef> };

export type Dimension =
  | 'length'
  | 'mass'
  | 'time'
  | 'speed'
  | 'energy'
  | 'dose_rate'
  | 'area'
  | 'count'
  | 'percent';

export type FieldDef = FieldSpec & {
  label: string;
  required?: boolean;
  help?: string;
  /** 'owner' → only the owning organisation sees this field (others see the rest of the record). */
  visibleTo?: 'owner';
  /**
   * 'owner_country' → the server sets it to the owning administration's country (a `country`
   * field): forms leave it out, a different value is refused (src/registry/owner-bound.ts).
   */
  setBy?: 'owner_country';
};

export type ViewType = 'list' | 'detail' | 'matrix' | 'map' | 'compare' | 'compliance';

export interface ViewDef {
  type: ViewType;
  label: string;
  /** matrix: organisation × code field; map: country coloured by count; compare: fields side by side. */
  field?: string;
  measure?: 'count' | 'sum';
  sumField?: string;
}

export interface KindDefinition {
  /** Machine name, snake_case: also the record kind in the audit trail and the URL segment. */
  name: string;
  label: string;
  labelPlural: string;
  area:
    | 'procurement'
    | 'risk'
    | 'resilience'
    | 'innovation'
    | 'training'
    | 'third_countries'
    | 'communication';
  /** The network whose members are the natural audience (default distribution 'network'). */
  network: NetworkCode;
  fields: Record<string, FieldDef>;
  /** The field whose value names a record in lists and notifications. */
  titleField: string;
  /** Fields whose values identify a record within its owning organisation: a re-import updates it. */
  importKey: string[];
  searchable: string[];
  listColumns: string[];
  filters: string[];
  access: {
    distribution: Distribution;
    tlp: Tlp;
    /**
     * Who may add records (default: any writer of the platform). Kinds whose records steer other
     * administrations' work (risk rules, goods measures) name the experts and coordinators of
     * their network and/or organisation roles.
     */
    createdBy?: { network?: boolean; orgRoles?: OrgRole[] };
  };
  /**
   * Who approves a record before it is published, step by step (src/access/approval-policy.ts).
   * `fourEyes: true` is the shorthand for one step: another writer of the owning organisation.
   * `defineKind` sets both: `fourEyes` is true whenever the kind has approval steps.
   */
  workflow: { fourEyes?: boolean; approval?: readonly ApprovalStep[] };
  views: ViewDef[];
  /**
   * A valid record of this kind, unique per `token`: used by the access and write matrices (which
   * create one per case and call every operation on it) and as the import template's example row.
   * `ref(kind)` gives the id of a published record of a referenced kind.
   */
  example: (token: string, ref: (kind: string) => string) => Record<string, unknown>;
}

/** The kind's approval steps, networks resolved (none: the draft is published by its owner). */
export function approvalSteps(kind: Pick<KindDefinition, 'workflow' | 'network'>): ResolvedStep[] {
  const steps =
    kind.workflow.approval ?? (kind.workflow.fourEyes ? [{ by: 'owner_org_writer' as const }] : []);
  return steps.map((s) =>
    s.by === 'network_coordinator' ? { ...s, network: s.network ?? kind.network } : s,
  );
}

export function defineKind(input: KindDefinition): KindDefinition {
  const approval =
    input.workflow.approval ?? (input.workflow.fourEyes ? [{ by: 'owner_org_writer' as const }] : []);
  const def: KindDefinition = { ...input, workflow: { fourEyes: approval.length > 0, approval } };
  const names = new Set(Object.keys(def.fields));
  for (const list of [def.importKey, def.searchable, def.listColumns, def.filters, [def.titleField]]) {
    for (const f of list) if (!names.has(f)) throw new Error(`${def.name}: unknown field "${f}"`);
  }
  if (!/^[a-z][a-z0-9_]{2,40}$/.test(def.name)) throw new Error(`${def.name}: the name must be snake_case`);
  for (const [name, f] of Object.entries(def.fields)) {
    if (f.setBy === 'owner_country' && f.type !== 'country')
      throw new Error(`${def.name}: "${name}" is bound to the owner's country but is not a country field`);
  }
  for (const f of def.searchable) {
    if (def.fields[f]!.visibleTo)
      throw new Error(`${def.name}: restricted field "${f}" cannot be searchable`);
  }
  return def;
}
