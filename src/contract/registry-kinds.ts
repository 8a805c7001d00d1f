import type { NetworkCode } from '../reference/networks.ts';
import type { ApprovalWorkflow } from './access-shapes.ts';
import type { CodeListDefinition } from './code-list-definition.ts';
import type { KindName } from './kind-names.ts';
import type { Labels } from './languages.ts';
import type { OrgRole } from './roles.ts';
import type { Distribution, Tlp } from './shared-records.ts';

export type { CodeListDefinition, KindName, Labels };

// These types are in the contract because the web app renders every kind from the same
// description (GET /api/v1/registry); the definitions themselves are in src/registry/kinds. The one
// import from outside the contract: the network codes (src/reference/networks.ts, data only).

/**
 * A registry kind is declared once, in one definition: fields, validation, import key, search,
 * list configuration, access defaults, workflow and views — and the words people see (`Labels`:
 * English, French and German at least; the definition is the kind's message catalog, sent to the
 * web app by `GET /api/v1/registry`). Storage, validation (server and client), REST endpoints,
 * OpenAPI, import/export and the UI derive from it.
 *
 * Names a definition refers to are typed: its network (`NetworkCode`), the kinds its references
 * point to (`KindName`, src/registry/kind-names.ts) and the code lists of its code fields — `C`,
 * the names of the lists the definition itself lists in `codeLists`. A typo fails the type check.
 */
export type FieldSpec<C extends string = string> =
  | {
      type: 'text';
      maxLength?: number;
      /** At least this many characters (after trimming) when given. */
      minLength?: number;
      multiline?: boolean;
      pattern?: string;
      patternHint?: Labels;
    }
  | { type: 'mltext'; maxLength?: number }
  | { type: 'number'; min?: number; max?: number; integer?: boolean; unit?: string }
  | { type: 'quantity'; dimension: Dimension }
  | { type: 'money' }
  /** notBefore: another date field of the same object this one may not precede (an end and its start). */
  | { type: 'date'; notBefore?: string }
  /** A moment in UTC (ISO 8601 ending in Z); notBefore: another datetime field it may not precede. */
  | { type: 'datetime'; notBefore?: string }
  /** An IANA time zone name (e.g. Europe/Brussels), as the platform's Intl knows it. */
  | { type: 'timezone' }
  | { type: 'boolean' }
  | { type: 'url' }
  | { type: 'code'; codeList: C }
  | { type: 'country' }
  | { type: 'organisation' }
  /** One of the platform's networks, by code (e.g. `risk-management`). */
  | { type: 'network' }
  /** A person on the platform (the id of an active user). */
  | { type: 'user' }
  | { type: 'ref'; kind: KindName }
  | { type: 'location' }
  /**
   * sumTo: a list of objects whose number field `field` must add up to `total` when any entry gives
   * it (e.g. the percentages of a project's recipient countries and regions: 100).
   */
  | {
      type: 'list';
      of: FieldSpec<C> & { label?: Labels };
      maxItems?: number;
      sumTo?: { field: string; total: number };
    }
  | { type: 'object'; fields: Record<string, FieldDef<C>> };

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

export type FieldDef<C extends string = string> = FieldSpec<C> & {
  label: Labels;
  required?: boolean;
  help?: Labels;
  /** 'owner' → only the owning organisation sees this field (others see the rest of the record). */
  visibleTo?: 'owner';
  /**
   * 'owner' → every reader sees it, only the owning organisation changes it: co-editors of other
   * administrations keep its stored value (their forms leave it out; a different value is refused
   * with 403), e.g. the participants of a common initiative, which the lead decides.
   */
  editableBy?: 'owner';
  /**
   * 'owner_country' → the server sets it to the owning administration's country (a `country`
   * field): forms leave it out, a different value is refused (src/registry/owner-bound.ts).
   */
  setBy?: 'owner_country';
  /**
   * Another field beside this one: this field is required when that one is empty (one of the two
   * must be given, e.g. an action point's meeting or lesson learned).
   */
  requiredUnless?: string;
};

/** The areas of the registry, in the order the registry shows them (and KINDS lists the kinds). */
export const AREAS = [
  'procurement',
  'risk',
  'resilience',
  'innovation',
  'training',
  'third_countries',
  'communication',
] as const;
export type Area = (typeof AREAS)[number];

export type ViewType = 'list' | 'detail' | 'matrix' | 'map' | 'compare' | 'compliance';

export interface ViewDef {
  type: ViewType;
  label: Labels;
  /** matrix: organisation × code field; map: country coloured by count; compare: fields side by side. */
  field?: string;
  measure?: 'count' | 'sum';
  sumField?: string;
}

export interface KindDefinition {
  /** Machine name, snake_case: also the record kind in the audit trail and the URL segment. */
  name: string;
  /** One record ("Tender"), the kind as a whole ("Tenders"), and what its records are, in a sentence. */
  label: Labels;
  labelPlural: Labels;
  description: Labels;
  /**
   * The button by which another administration registers interest in a record (e.g. "Register
   * interest in joint procurement"); kinds without it offer comments and feedback only.
   */
  interest?: Labels;
  /**
   * A warning the generic form shows above the fields (e.g. "do not name individual officers"),
   * in every language of the definition.
   */
  formHint?: Labels;
  area: Area;
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
  /**
   * Records released at a moment (a coordinated message's embargo): the required `datetime` field
   * `embargo_at`. Until the record is published AND that moment has passed, only the owning
   * administration, the record's co-editors and the translators and reviewers of its language
   * versions read it — decided from the timestamp by the policy (src/access/registry-policy.ts).
   */
  embargoField?: 'embargo_at';
  /**
   * The records are about a person (trainers): personal data. Read only by signed-in users of
   * national administrations and EUCAB bodies (never anonymous, never the Commission's observers);
   * never exported, quoted in feeds, e-mails or digests, or read with an API key unless the person
   * opted in (the boolean field `open_consent`); the person (the `user` field `person_user`) reads
   * the record whatever its marking and withdraws their consent, after which only the owning
   * administration and the person read it (src/access/personal-data-policy.ts).
   */
  personalData?: true;
  /**
   * The code lists this kind's fields use (its own, in `<name>.codes.ts` beside it, or shared
   * ones): the seed stores every list a definition names — there is no other registration.
   */
  codeLists: readonly CodeListDefinition[];
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
   * Who approves a record before it is published, step by step (src/contract/access-shapes.ts;
   * the decision is src/access/approval-policy.ts). `fourEyes: true` is the shorthand for one step:
   * another writer of the owning organisation. `defineKind` sets both: `fourEyes` is true whenever
   * the kind has approval steps. `publishAtCreation`: a new record is published at once unless the
   * request asks for a draft (`publish: false`); only for kinds without approval steps.
   */
  workflow: ApprovalWorkflow & { publishAtCreation?: boolean };
  views: ViewDef[];
  /**
   * A valid record of this kind, unique per `token`: used by the access and write matrices (which
   * create one per case and call every operation on it) and as the import template's example row.
   * `ref(kind)` gives the id of a published record of a referenced kind, and `ref('user')` the id
   * of the person who creates the example (for `user` fields).
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
export interface KindDescription extends Omit<KindDefinition, 'fields' | 'example' | 'codeLists'> {
  /** The names of the kind's code lists (their codes: `GET /code-lists/:name`). */
  codeLists: string[];
  fields: DescribedField[];
  abilities: KindAbilities;
}
