/**
 * Writes IATI activity files (standard 2.03, `iati-activities`) from cooperation projects. Pure:
 * the caller hands in each project's data with its reporting organisation and participants
 * resolved (operations/iati-export.ts). Narratives keep their language (`xml:lang`); the seed's
 * status gives the IATI activity status where none is set (existing → 2, planned and potential
 * → 1); the platform's thematic areas go out as tags of the reporting organisation's vocabulary
 * (99); results in words go out as a description of type 4 (other), since an IATI result needs
 * indicators the platform does not hold.
 */

export const IATI_VERSION = '2.03';

export interface IatiOrg {
  ref: string | null;
  /** IATI organisation type code (10 government, 40 multilateral, …). */
  type: string | null;
  name: string;
}

export interface IatiActivityInput {
  identifier: string;
  lastUpdated: Date;
  reporting: IatiOrg & { ref: string; type: string };
  participants: (IatiOrg & { role: string })[];
  data: ProjectData;
  /** Labels of the thematic areas (English), for the tags' narratives. */
  themeLabels: Record<string, string>;
}

export interface ProjectData {
  title: Record<string, string>;
  description: Record<string, string>;
  seed_status: string;
  activity_status?: string | null;
  recipients?: { country?: string | null; region?: string | null; percentage?: number | null }[] | null;
  sectors?: string[] | null;
  themes?: string[] | null;
  planned_start?: string | null;
  planned_end?: string | null;
  actual_start?: string | null;
  actual_end?: string | null;
  budget?: { amount: number; currency: string } | null;
  documents?: { title: string; url: string; category: string }[] | null;
  contacts?:
    | {
        organisation?: string | null;
        department?: string | null;
        email?: string | null;
        website?: string | null;
      }[]
    | null;
  results?: Record<string, string> | null;
}

/** The IATI activity status a seed status stands for. */
export const SEED_TO_IATI_STATUS: Record<string, string> = { existing: '2', planned: '1', potential: '1' };

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

function attrs(a: Record<string, string | number | null | undefined>): string {
  return Object.entries(a)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${esc(String(v))}"`)
    .join('');
}

/** One narrative per language, each with its xml:lang. */
function narratives(text: Record<string, string>, indent: string): string {
  return Object.entries(text)
    .filter(([, v]) => v.trim() !== '')
    .map(([lang, v]) => `${indent}<narrative xml:lang="${esc(lang)}">${esc(v)}</narrative>\n`)
    .join('');
}

function narrative(text: string, indent: string): string {
  return `${indent}<narrative>${esc(text)}</narrative>\n`;
}

/** The dates an activity needs at least one of (IATI: activity-date is required). */
export function hasActivityDate(d: ProjectData): boolean {
  return Boolean(d.planned_start || d.actual_start || d.planned_end || d.actual_end);
}

function documentFormat(url: string): string {
  const path = url.split(/[?#]/)[0]!.toLowerCase();
  if (path.endsWith('.pdf')) return 'application/pdf';
  if (path.endsWith('.docx'))
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (path.endsWith('.odt')) return 'application/vnd.oasis.opendocument.text';
  return 'text/html';
}

export function activityXml(x: IatiActivityInput): string {
  const d = x.data;
  const i = '    ';
  let out = `  <iati-activity${attrs({
    'last-updated-datetime': x.lastUpdated.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'default-currency': d.budget?.currency,
  })}>\n`;
  out += `${i}<iati-identifier>${esc(x.identifier)}</iati-identifier>\n`;
  out += `${i}<reporting-org${attrs({ ref: x.reporting.ref, type: x.reporting.type })}>\n${narrative(x.reporting.name, `${i}  `)}${i}</reporting-org>\n`;
  out += `${i}<title>\n${narratives(d.title, `${i}  `)}${i}</title>\n`;
  out += `${i}<description type="1">\n${narratives(d.description, `${i}  `)}${i}</description>\n`;
  if (d.results && Object.values(d.results).some((v) => v.trim()))
    out += `${i}<description type="4">\n${narratives(d.results, `${i}  `)}${i}</description>\n`;
  const participants = x.participants.length ? x.participants : [{ ...x.reporting, role: '2' }]; // none named: the reporting administration is accountable
  for (const p of participants)
    out += `${i}<participating-org${attrs({ ref: p.ref, type: p.type, role: p.role })}>\n${narrative(p.name, `${i}  `)}${i}</participating-org>\n`;
  out += `${i}<activity-status code="${esc(d.activity_status || SEED_TO_IATI_STATUS[d.seed_status] || '1')}"/>\n`;
  const dates: [string, string | null | undefined][] = [
    ['1', d.planned_start],
    ['2', d.actual_start],
    ['3', d.planned_end],
    ['4', d.actual_end],
  ];
  for (const [type, date] of dates)
    if (date) out += `${i}<activity-date type="${type}" iso-date="${date}"/>\n`;
  for (const c of d.contacts ?? []) {
    out += `${i}<contact-info>\n`;
    if (c.organisation)
      out += `${i}  <organisation>\n${narrative(c.organisation, `${i}    `)}${i}  </organisation>\n`;
    if (c.department)
      out += `${i}  <department>\n${narrative(c.department, `${i}    `)}${i}  </department>\n`;
    if (c.email) out += `${i}  <email>${esc(c.email)}</email>\n`;
    if (c.website) out += `${i}  <website>${esc(c.website)}</website>\n`;
    out += `${i}</contact-info>\n`;
  }
  for (const r of d.recipients ?? [])
    if (r.country) out += `${i}<recipient-country${attrs({ code: r.country, percentage: r.percentage })}/>\n`;
  for (const r of d.recipients ?? [])
    if (r.region && !r.country)
      out += `${i}<recipient-region${attrs({ code: r.region, vocabulary: '1', percentage: r.percentage })}/>\n`;
  for (const s of d.sectors ?? []) out += `${i}<sector vocabulary="1" code="${esc(s)}"/>\n`;
  for (const t of d.themes ?? [])
    out += `${i}<tag vocabulary="99" code="${esc(t)}">\n${narrative(x.themeLabels[t] ?? t, `${i}  `)}${i}</tag>\n`;
  const start = d.planned_start ?? d.actual_start;
  const end = d.planned_end ?? d.actual_end;
  if (d.budget && start && end)
    out += `${i}<budget type="1" status="1">\n${i}  <period-start iso-date="${start}"/>\n${i}  <period-end iso-date="${end}"/>\n${i}  <value currency="${esc(d.budget.currency)}" value-date="${start}">${d.budget.amount}</value>\n${i}</budget>\n`;
  for (const doc of d.documents ?? [])
    out += `${i}<document-link${attrs({ url: doc.url, format: documentFormat(doc.url) })}>\n${i}  <title>\n${narrative(doc.title, `${i}    `)}${i}  </title>\n${i}  <category code="${esc(doc.category)}"/>\n${i}</document-link>\n`;
  out += '  </iati-activity>\n';
  return out;
}

/** The whole `iati-activities` document. */
export function activitiesXml(activities: IatiActivityInput[], generated: Date): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="${IATI_VERSION}" generated-datetime="${generated
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')}">\n${activities.map(activityXml).join('')}</iati-activities>\n`;
}
