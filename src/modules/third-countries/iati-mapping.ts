import { EU_LANGUAGES } from '../../contract/languages.ts';
import {
  iatiActivityStatus,
  iatiCountry,
  iatiCurrency,
  iatiDocumentCategory,
  iatiOrganisationRole,
  iatiRegion,
  iatiSector,
} from '../../registry/kinds/third-countries/iati.codes.ts';
import type { IatiActivity, Texts } from './iati-reader.ts';

/**
 * Maps an IATI activity to a cooperation project's data, saying what was not mapped and why. Pure.
 * Languages the platform does not hold, codes outside the shipped code lists, sector and region
 * vocabularies other than OECD-DAC's, transactions (the platform keeps the budget only) and
 * participating organisations that are not on the platform are reported, never guessed.
 */

const codes = (l: { codes: readonly { code: string }[] }) => new Set(l.codes.map((c) => c.code));
const SECTORS = codes(iatiSector);
const COUNTRIES = codes(iatiCountry);
const REGIONS = codes(iatiRegion);
const CURRENCIES = codes(iatiCurrency);
const DOC_CATEGORIES = codes(iatiDocumentCategory);
const STATUSES = codes(iatiActivityStatus);
const ROLES = codes(iatiOrganisationRole);
const LANGS = new Set<string>(EU_LANGUAGES);

/** What the import keeps of an activity: the official's filters. */
export interface ImportFilters {
  /** OECD-DAC codes: 5-digit purpose codes, or a 3-digit category matching its purposes. */
  sectors: string[];
  /** Recipient countries (ISO 3166-1 alpha-2). */
  countries: string[];
  /** Words in the title or description (any language), ignoring case. */
  text: string;
}

export function matchesFilters(a: IatiActivity, f: ImportFilters): boolean {
  if (
    f.sectors.length &&
    !a.sectors.some((s) => f.sectors.some((x) => s.code === x || (x.length === 3 && s.code.startsWith(x))))
  )
    return false;
  if (f.countries.length && !a.countries.some((c) => f.countries.includes(c.code))) return false;
  if (f.text.trim()) {
    const needle = f.text.trim().toLowerCase();
    const hay = [...Object.values(a.title), ...a.descriptions.flatMap((d) => Object.values(d.text))]
      .join(' \n')
      .toLowerCase();
    if (!hay.includes(needle)) return false;
  }
  return true;
}

/** Platform organisations by IATI organisation identifier, and external organisations by theirs. */
export interface OrgLookup {
  platform: Map<string, string>;
  external: Map<string, string>;
}

export interface Mapped {
  data: Record<string, unknown>;
  notMapped: string[];
}

function keepLanguages(t: Texts, what: string, notMapped: string[], max: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [lang, v] of Object.entries(t)) {
    const l = lang.toLowerCase();
    if (LANGS.has(l)) out[l] = v.slice(0, max);
    else notMapped.push(`${what} in language “${lang}” (not a language of the platform)`);
  }
  return out;
}

export function mapActivity(a: IatiActivity, themes: string[], orgs: OrgLookup): Mapped {
  const notMapped: string[] = [];
  const title = keepLanguages(a.title, 'title', notMapped, 500);
  if (!Object.keys(title).length) title.en = a.identifier;
  const general = a.descriptions.filter((d) => d.type === '1');
  for (const d of a.descriptions.filter((d) => d.type !== '1'))
    notMapped.push(`description of type ${d.type} (only the general description, type 1, is kept)`);
  const description: Record<string, string> = {};
  for (const d of general)
    for (const [l, v] of Object.entries(keepLanguages(d.text, 'description', notMapped, 10_000)))
      description[l] = description[l] ? `${description[l]}\n\n${v}`.slice(0, 10_000) : v;
  if (!Object.keys(description).length) {
    description.en = title.en ?? Object.values(title)[0]!;
    notMapped.push('no general description: the title stands in for it');
  }
  const status = a.status && STATUSES.has(a.status) ? a.status : null;
  if (a.status && !status) notMapped.push(`activity status ${a.status} (not an IATI code)`);

  const participants: Record<string, unknown>[] = [];
  for (const p of a.participants) {
    const name = Object.values(p.name)[0] ?? p.ref ?? '?';
    if (!p.role || !ROLES.has(p.role)) {
      notMapped.push(`participating organisation “${name}”: role ${p.role ?? 'missing'} is not an IATI role`);
      continue;
    }
    const platform = p.ref ? orgs.platform.get(p.ref) : undefined;
    const external = p.ref ? orgs.external.get(p.ref) : undefined;
    if (platform) participants.push({ role: p.role, organisation: platform });
    else if (external) participants.push({ role: p.role, external });
    else
      notMapped.push(
        `participating organisation “${name}”${p.ref ? ` (${p.ref})` : ''}: not on the platform — add it as an external organisation and name it in the project`,
      );
  }

  const recipients: { country?: string; region?: string; percentage?: number }[] = [];
  for (const c of a.countries) {
    if (COUNTRIES.has(c.code))
      recipients.push({ country: c.code, ...(c.percentage !== null ? { percentage: c.percentage } : {}) });
    else notMapped.push(`recipient country ${c.code} (not an ISO 3166-1 code)`);
  }
  for (const r of a.regions) {
    if (r.vocabulary === '1' && REGIONS.has(r.code))
      recipients.push({ region: r.code, ...(r.percentage !== null ? { percentage: r.percentage } : {}) });
    else
      notMapped.push(
        `recipient region ${r.code} of vocabulary ${r.vocabulary} (only OECD-DAC regions are kept)`,
      );
  }
  const given = recipients.filter((r) => typeof r.percentage === 'number');
  const sum = given.reduce((s, r) => s + (r.percentage ?? 0), 0);
  if (given.length && (Math.abs(sum - 100) > 0.01 || given.length !== recipients.length)) {
    for (const r of recipients) delete r.percentage;
    notMapped.push(
      `recipient percentages (they add up to ${Math.round(sum * 100) / 100} for the recipients kept, not 100)`,
    );
  }

  const sectors: string[] = [];
  for (const s of a.sectors) {
    if ((s.vocabulary === '1' || s.vocabulary === '') && SECTORS.has(s.code)) {
      if (!sectors.includes(s.code)) sectors.push(s.code);
    } else
      notMapped.push(`sector ${s.code} of vocabulary ${s.vocabulary} (only OECD-DAC purpose codes are kept)`);
  }
  if (a.sectors.some((s) => s.percentage !== null))
    notMapped.push('sector percentages (the platform keeps the sectors only)');

  const date = (type: string) => a.dates.find((d) => d.type === type)?.isoDate?.slice(0, 10) ?? null;
  const dates = {
    planned_start: date('1'),
    actual_start: date('2'),
    planned_end: date('3'),
    actual_end: date('4'),
  };
  if (dates.planned_start && dates.planned_end && dates.planned_end < dates.planned_start) {
    dates.planned_end = null;
    notMapped.push('planned end before the planned start');
  }
  if (dates.actual_start && dates.actual_end && dates.actual_end < dates.actual_start) {
    dates.actual_end = null;
    notMapped.push('actual end before the actual start');
  }

  let budget: { amount: number; currency: string } | null = null;
  const currencies = new Set(a.budgets.map((b) => b.currency ?? a.defaultCurrency));
  if (a.budgets.length) {
    const currency = [...currencies][0];
    if (currencies.size === 1 && currency && CURRENCIES.has(currency))
      budget = { amount: Math.round(a.budgets.reduce((s, b) => s + b.value, 0) * 100) / 100, currency };
    else
      notMapped.push(
        `budgets in ${[...currencies].map((c) => c ?? 'no currency').join(', ')} (one known currency is needed to add them up)`,
      );
  }
  if (a.transactions) notMapped.push(`${a.transactions} transaction(s) (the platform keeps the budget only)`);

  const documents: Record<string, unknown>[] = [];
  for (const d of a.documents) {
    const category = d.categories.find((c) => DOC_CATEGORIES.has(c));
    const docTitle = d.title.en ?? Object.values(d.title)[0];
    if (!/^https?:\/\//.test(d.url) || !category || !docTitle) {
      notMapped.push(
        `document ${d.url || '(no address)'} (needs a web address, a title and an IATI category)`,
      );
      continue;
    }
    documents.push({ title: docTitle.slice(0, 300), url: d.url, category });
  }
  const contacts = a.contacts
    .map((c) => ({
      organisation: c.organisation?.slice(0, 300) ?? null,
      department: c.department?.slice(0, 300) ?? null,
      email: c.email && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(c.email) ? c.email : null,
      website: c.website && /^https?:\/\//.test(c.website) ? c.website : null,
    }))
    .filter((c) => c.organisation || c.department || c.email || c.website)
    .slice(0, 10);
  const results: Record<string, string> = {};
  for (const r of a.results)
    for (const [l, v] of Object.entries(keepLanguages(r, 'result', notMapped, 2000)))
      results[l] = results[l] ? `${results[l]}\n${v}`.slice(0, 10_000) : v;

  const data: Record<string, unknown> = {
    iati_identifier: /^[A-Za-z0-9][A-Za-z0-9._:/-]*-[A-Za-z0-9._:/-]+$/.test(a.identifier)
      ? a.identifier.slice(0, 200)
      : null,
    title,
    description,
    seed_status: status === '1' ? 'planned' : 'existing',
    activity_status: status,
    participants: participants.slice(0, 50),
    recipients: recipients.slice(0, 60),
    sectors: sectors.slice(0, 20),
    themes,
    ...dates,
    budget,
    documents: documents.slice(0, 30),
    contacts,
    results: Object.keys(results).length ? results : null,
  };
  if (a.identifier && !data.iati_identifier)
    notMapped.push(`identifier “${a.identifier}” (not an IATI identifier)`);
  return { data, notMapped: [...new Set(notMapped)] };
}
