import type { NetworkCode } from '../reference/networks.ts';
import type { OrgRole } from './roles.ts';
import type { Distribution, Tlp } from './shared-records.ts';

/**
 * A registry kind is declared once, in one definition: fields, validation, import key, search,
 * list configuration, access defaults, workflow and views. Storage, validation (server and
 * client), REST endpoints, OpenAPI, import/export and the UI derive from it. The types are here,
 * in the contract, because the web app renders every kind from the same description (GET
 * /api/v1/registry); the definitions themselves are in src/registry/kinds.
 *
 * The one import from outside the contract: the network codes (src/reference/networks.ts, data
 * only), so that a kind naming a network that does not exist is a type error.
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
  workflow: { fourEyes: boolean };
  views: ViewDef[];
  /**
   * A valid record of this kind, unique per `token`: used by the access and write matrices (which
   * create one per case and call every operation on it) and as the import template's example row.
   * `ref(kind)` gives the id of a published record of a referenced kind.
   */
  example: (token: string, ref: (kind: string) => string) => Record<string, unknown>;
}

/** A field as GET /api/v1/registry describes it: its definition and its name. */
export type DescribedField = FieldDef & { name: string };

/** What the caller may do with a kind (the web app shows "New" and "Import" from this). */
export interface KindAbilities {
  create: boolean;
  import: boolean;
}

/** One kind as GET /api/v1/registry answers it (`{ kinds: KindDescription[] }`; `example` is a function, not sent). */
export interface KindDescription extends Omit<KindDefinition, 'fields' | 'example'> {
  fields: DescribedField[];
  abilities: KindAbilities;
}
