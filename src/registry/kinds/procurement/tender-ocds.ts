/**
 * Tender records as OCDS 1.1.5 releases (Open Contracting Data Standard): one release per tender
 * version, in a release package. Code mappings follow the OCDS code lists (tenderStatus, method).
 */
export interface TenderForOcds {
  id: string;
  version: number;
  updated_at: Date | string;
  owner_code: string;
  owner_name: string;
  data: Record<string, unknown>;
}

const STATUS: Record<string, string> = {
  planned: 'planned',
  open: 'active',
  evaluation: 'active',
  awarded: 'complete',
  cancelled: 'cancelled',
};
const METHOD: Record<string, string> = {
  open: 'open',
  restricted: 'selective',
  competitive_dialogue: 'selective',
  negotiated: 'limited',
  framework: 'open',
  joint: 'open',
};

const dateTime = (d: unknown) =>
  typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T00:00:00Z` : undefined;
const iso = (d: Date | string) => new Date(d).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function tenderRelease(t: TenderForOcds, ocidPrefix: string) {
  const d = t.data as {
    reference: string;
    title: string;
    description?: string;
    cpv_codes: string[];
    estimated_value?: { amount: number; currency: string };
    procedure_type: string;
    lots?: number;
    publication_date?: string;
    submission_deadline?: string;
    status: string;
    notice_url?: string;
  };
  const buyer = { id: `EUCAB-ORG-${t.owner_code}`, name: t.owner_name };
  const tenderPeriod = Object.fromEntries(
    Object.entries({
      startDate: dateTime(d.publication_date),
      endDate: dateTime(d.submission_deadline),
    }).filter(([, v]) => v),
  );
  return {
    ocid: `${ocidPrefix}-${t.id}`,
    id: `${t.id}-v${t.version}`,
    date: iso(t.updated_at),
    tag: [d.status === 'planned' ? 'planning' : 'tender'],
    initiationType: 'tender',
    parties: [{ ...buyer, roles: ['buyer', 'procuringEntity'] }],
    buyer,
    tender: {
      id: d.reference,
      title: d.title,
      ...(d.description ? { description: d.description } : {}),
      status: STATUS[d.status] ?? 'planned',
      procurementMethod: METHOD[d.procedure_type] ?? 'open',
      procurementMethodDetails: d.procedure_type,
      mainProcurementCategory: 'goods',
      procuringEntity: buyer,
      items: d.cpv_codes.map((cpv, i) => ({
        id: String(i + 1),
        classification: { scheme: 'CPV', id: cpv.slice(0, 8) },
      })),
      ...(d.estimated_value
        ? { value: { amount: d.estimated_value.amount, currency: d.estimated_value.currency } }
        : {}),
      ...(Object.keys(tenderPeriod).length ? { tenderPeriod } : {}),
      ...(d.lots
        ? { lots: Array.from({ length: d.lots }, (_, i) => ({ id: String(i + 1), title: `Lot ${i + 1}` })) }
        : {}),
      ...(d.notice_url
        ? { documents: [{ id: 'notice', documentType: 'tenderNotice', url: d.notice_url }] }
        : {}),
    },
  };
}

export function releasePackage(releases: ReturnType<typeof tenderRelease>[], uri: string) {
  return {
    uri,
    version: '1.1',
    publishedDate: iso(new Date()),
    publisher: { name: 'EUCAB Cooperation Platform' },
    releases,
  };
}
