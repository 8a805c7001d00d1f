import {
  DISTRIBUTIONS as CONTRACT_DISTRIBUTIONS,
  TLP_MARKINGS as CONTRACT_TLP_MARKINGS,
  type Distribution,
  type Tlp,
} from '../contract/shared-records.ts';

/**
 * TLP 2.0 (FIRST) markings and what the platform enforces for each. The words shown to people
 * live in the message catalogs under `tlp.<marking>.rule`; the machine rules live here.
 */
/** From the least to the most strict (the values are declared in src/contract/shared-records.ts). */
export const TLP_MARKINGS: readonly Tlp[] = CONTRACT_TLP_MARKINGS;
export const DISTRIBUTIONS: readonly Distribution[] = CONTRACT_DISTRIBUTIONS;

export interface TlpRule {
  label: string;
  /** The sharing rule in words (English; translations in the catalogs). Printed on exports. */
  rule: string;
  /** Readers may download the record in an export file (which carries the marking). */
  exportable: boolean;
  /** In-app notifications may quote the record's title. */
  quoteInNotifications: boolean;
  /** E-mails (which leave the platform and can be forwarded) may quote the record's title. */
  quoteInEmail: boolean;
  /** Only named recipients read it; the distribution is ignored. */
  namedRecipientsOnly: boolean;
  /** May be distributed publicly (to anonymous visitors). */
  publicAllowed: boolean;
}

export const TLP_RULES: Record<Tlp, TlpRule> = {
  clear: {
    label: 'TLP:CLEAR',
    rule: 'Disclosure is not limited: recipients may spread this to the world.',
    exportable: true,
    quoteInNotifications: true,
    quoteInEmail: true,
    namedRecipientsOnly: false,
    publicAllowed: true,
  },
  green: {
    label: 'TLP:GREEN',
    rule: 'Limited disclosure: recipients may share this within the EUCAB community, but not publicly.',
    exportable: true,
    quoteInNotifications: true,
    quoteInEmail: true,
    namedRecipientsOnly: false,
    publicAllowed: false,
  },
  amber: {
    label: 'TLP:AMBER',
    rule: 'Limited disclosure: recipients may share this only on a need-to-know basis within their organisation and its clients.',
    exportable: true,
    quoteInNotifications: true,
    quoteInEmail: false,
    namedRecipientsOnly: false,
    publicAllowed: false,
  },
  amber_strict: {
    label: 'TLP:AMBER+STRICT',
    rule: 'Limited disclosure: recipients may share this only on a need-to-know basis within their organisation.',
    exportable: true,
    quoteInNotifications: true,
    quoteInEmail: false,
    namedRecipientsOnly: false,
    publicAllowed: false,
  },
  red: {
    label: 'TLP:RED',
    rule: 'For the eyes and ears of the named recipients only: no further disclosure.',
    exportable: false,
    quoteInNotifications: false,
    quoteInEmail: false,
    namedRecipientsOnly: true,
    publicAllowed: false,
  },
};

export const DISTRIBUTION_WORDS: Record<Distribution, string> = {
  organisation: 'Readable by the owning organisation only.',
  network: 'Readable by the members of one network and the owning organisation.',
  sharing_group: 'Readable by the organisations of a named sharing group.',
  organisations: 'Readable by the owning organisation and the organisations it names.',
  eucab: 'Readable by all EUCAB members.',
  public: 'Readable by anyone, including anonymous visitors.',
};

/** Markings by rule, for SQL filters and input schemas (the rules above are the only source). */
const where = (rule: keyof TlpRule) => TLP_MARKINGS.filter((m) => TLP_RULES[m][rule] === true);
export const NAMED_RECIPIENTS_ONLY: readonly Tlp[] = where('namedRecipientsOnly');
export const PUBLIC_ALLOWED: readonly Tlp[] = where('publicAllowed');
export const EXPORTABLE: readonly Tlp[] = where('exportable');
/** Markings a bulk import may give (named recipients cannot be given per row). */
export const IMPORTABLE = TLP_MARKINGS.filter((m) => !TLP_RULES[m].namedRecipientsOnly) as [Tlp, ...Tlp[]];

/** The strictest of the markings (TLP_MARKINGS is ordered from the least to the most strict). */
export function strictest(markings: Iterable<Tlp>): Tlp {
  let worst = 0;
  for (const m of markings) worst = Math.max(worst, TLP_MARKINGS.indexOf(m));
  return TLP_MARKINGS[worst]!;
}

/** Returns a reason when the combination is not allowed. */
export function checkMarking(distribution: Distribution, tlp: Tlp): string | null {
  if (distribution === 'public' && !TLP_RULES[tlp].publicAllowed) {
    return `Public distribution is allowed only with ${PUBLIC_ALLOWED.map((m) => TLP_RULES[m].label).join(' or ')}.`;
  }
  return null;
}

export function markingBanner(distribution: Distribution, tlp: Tlp): string {
  const r = TLP_RULES[tlp];
  const dist = r.namedRecipientsOnly
    ? 'Readable by the named recipients only.'
    : DISTRIBUTION_WORDS[distribution];
  return `${r.label} — ${r.rule} ${dist}`;
}
