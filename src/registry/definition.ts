import type { Distribution, OrgRole, Tlp } from '../db/schema.ts';
import type { NetworkCode } from '../reference/networks.ts';

/**
 * A registry kind is declared once, in one definition: fields, validation, import key, search,
 * list configuration, access defaults, workflow and views. Storage, validation (server and
 * client), REST endpoints, OpenAPI, import/export and the UI derive from it.
 */
export type FieldSpec =
  | {
      type: 'text';
      maxLength?: number;
      /** At least this many characters (after trimming) when given. */
      minLength?: number;
      multiline?: boolean;
      pattern?: string;
      patternHint?: string;
    }
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
  /** One of the platform's networks, by code (e.g. `risk-management`). */
  | { type: 'network' }
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
  /**
   * A required `network` field naming the network each record is posted in (e.g. an
   * announcement's). The record's network then replaces `network` for that record: its members
   * are notified (with the members of the network it is distributed to and, for organisation-only
   * records, the owning organisation's users), it is the default distribution network, and with
   * `access.createdBy.network` only its experts and coordinators add records to it (or move one
   * there). Lists filter by it when it is a filter.
   */
  networkField?: string;
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
   * `fourEyes`: a second person of the organisation approves publication. `publishAtCreation`:
   * a new record is published at once unless the request asks for a draft (`publish: false`).
   */
  workflow: { fourEyes: boolean; publishAtCreation?: boolean };
  views: ViewDef[];
  /**
   * A valid record of this kind, unique per `token`: used by the access and write matrices (which
   * create one per case and call every operation on it) and as the import template's example row.
   * `ref(kind)` gives the id of a published record of a referenced kind.
   */
  example: (token: string, ref: (kind: string) => string) => Record<string, unknown>;
}

export function defineKind(def: KindDefinition): KindDefinition {
  const names = new Set(Object.keys(def.fields));
  for (const list of [def.importKey, def.searchable, def.listColumns, def.filters, [def.titleField]]) {
    for (const f of list) if (!names.has(f)) throw new Error(`${def.name}: unknown field "${f}"`);
  }
  if (!/^[a-z][a-z0-9_]{2,40}$/.test(def.name)) throw new Error(`${def.name}: the name must be snake_case`);
  for (const [name, f] of Object.entries(def.fields)) {
    if (f.setBy === 'owner_country' && f.type !== 'country')
      throw new Error(`${def.name}: "${name}" is bound to the owner's country but is not a country field`);
  }
  if (def.networkField !== undefined) {
    const f = def.fields[def.networkField];
    if (f?.type !== 'network' || !f.required)
      throw new Error(`${def.name}: networkField "${def.networkField}" must name a required network field`);
  }
  if (def.workflow.publishAtCreation && def.workflow.fourEyes)
    throw new Error(`${def.name}: a four-eyes kind cannot publish at creation`);
  for (const f of def.searchable) {
    if (def.fields[f]!.visibleTo)
      throw new Error(`${def.name}: restricted field "${f}" cannot be searchable`);
  }
  return def;
}
